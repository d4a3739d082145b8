import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { boardLabel, type Board, type BoardLabel } from '@ashyq/shared';
import { formatMarks, personName, regionLabel } from './format';
import { useMovingRows } from './MovingRows';
import './boards.css';
import { localized } from '../lib/localized';

/** The ranking: place, competitor, college, region, criterion subtotals, total, medal. */
export function BoardTable({ board, linkRows = true }: { board: Board; linkRows?: boolean }) {
  const { t, i18n } = useTranslation(['board', 'scoring']);
  const rows = board.rows ?? [];
  const rowRef = useMovingRows(rows.map((row) => row.competitor));
  const latest = new Set(board.ceremony?.latest ?? []);
  const lang = i18n.language;
  return (
    <table className="ranking">
      <thead>
        <tr>
          <th>{t('column.position')}</th>
          <th>{t('column.competitor')}</th>
          <th className="college">{t('column.college')}</th>
          <th className="region">{t('column.region')}</th>
          {board.criteria.map((criterion) => (
            <th key={criterion.id} className="number criterion">
              {criterion.id}
            </th>
          ))}
          <th className="number">{t('column.total')}</th>
          <th className="medal">{t('column.medal')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.competitor}
            ref={rowRef(row.competitor)}
            className={[row.medal ?? '', latest.has(row.competitor) ? 'revealed' : '']
              .join(' ')
              .trim()}
          >
            <td className="position">{row.position ?? t('noPosition')}</td>
            <td className="name">
              {linkRows ? (
                <Link to={`/competitions/${board.competitionId}/competitors/${row.competitor}`}>
                  {personName(row.name, row.competitor)}
                </Link>
              ) : (
                personName(row.name, row.competitor)
              )}
              {row.guest && <span className="tag"> {t('scoring:status.guest')}</span>}
              {row.medal && (
                <span className={`medal-badge medal-inline ${row.medal}`}>
                  {t(`scoring:medal.${row.medal}`)}
                </span>
              )}
              <span className="sub-line">
                {[localized(row.college, lang), regionLabel(row.regionId, lang)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </td>
            <td className="college">{localized(row.college, lang)}</td>
            <td className="region">{regionLabel(row.regionId, lang)}</td>
            {board.criteria.map((criterion) => (
              <td key={criterion.id} className="number criterion">
                {formatMarks(row.criteria[criterion.id] ?? 0)}
              </td>
            ))}
            <td className="number total">{formatMarks(row.total)}</td>
            <td className="medal">
              {row.medal ? (
                <span className={`medal-badge ${row.medal}`}>
                  {t(`scoring:medal.${row.medal}`)}
                </span>
              ) : row.medallion ? (
                <span className="medal-badge medallion">{t('scoring:medal.medallion')}</span>
              ) : (
                ''
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The board's state in words, the same phrase on the board, the big screen and the overview:
 * final, corrected, provisional (live or locked only, n of m), embargoed, frozen, or the ceremony.
 */
export function BoardState({ board, live, lost }: { board: Board; live: boolean; lost: boolean }) {
  const { t } = useTranslation('board');
  const percent = (part: number, whole: number) =>
    whole === 0 ? 0 : Math.floor((part / whole) * 100);
  return (
    <div className="board-state">
      <LiveBadge live={live} lost={lost} />
      <span>
        {t('progress', {
          ...board.progress,
          percent: percent(board.progress.marked, board.progress.required),
        })}
      </span>
      {board.ceremony ? (
        <strong className="label ceremony">
          {t('ceremony', { step: board.ceremony.step, steps: board.ceremony.steps })}
          {board.ceremony.hidden > 0 &&
            ` · ${t('ceremonyHidden', { count: board.ceremony.hidden })}`}
        </strong>
      ) : (
        <BoardLabelText label={boardLabel(board)} />
      )}
    </div>
  );
}

/** One board label in the reader's language, styled by what it says. */
export function BoardLabelText({ label }: { label: BoardLabel }) {
  const { t } = useTranslation('board');
  const { key, ...params } = label;
  const tone =
    key === 'final' || key === 'corrected'
      ? 'published'
      : key === 'embargo' || key === 'nothingLocked'
        ? 'embargo'
        : key === 'frozen'
          ? 'frozen'
          : 'provisional';
  return <strong className={`label ${tone}`}>{t(`state.${key}`, params)}</strong>;
}

/** "Live" while pushes arrive; after a lost connection, that the figures are the last received. */
export function LiveBadge({ live, lost }: { live: boolean; lost: boolean }) {
  const { t } = useTranslation('board');
  if (live) return <span className="live-badge on">{t('live')}</span>;
  return lost ? <span className="live-badge">{t('offline')}</span> : null;
}
