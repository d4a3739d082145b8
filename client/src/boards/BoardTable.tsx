import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  boardLabel,
  shortCriterionNames,
  updatedAgo,
  type Board,
  type BoardLabel,
  type BoardRow,
} from '@ashyq/shared';
import { marks, personName, regionLabel } from './format';
import { useMovingRows } from './MovingRows';
import { useNow, useStandings } from './useStandings';
import './boards.css';
import { localized } from '../lib/localized';
import { progressPercent } from '../lib/ui/LoadStatus';

/**
 * The ranking: place (with "=" for a shared place and the places gained or lost since the last
 * change), competitor, college, region, criterion subtotals under their names and maxima,
 * total, medal. `rows` is the part shown (a big-screen page, a search's result); the places
 * and moves are always those of the whole board.
 */
export function BoardTable({
  board,
  rows = board.rows ?? [],
  linkRows = true,
  big = false,
}: {
  board: Board;
  rows?: readonly BoardRow[];
  linkRows?: boolean;
  /** The hall's screen: college and region under the name. */
  big?: boolean;
}) {
  const { t, i18n } = useTranslation(['board', 'scoring']);
  const { labels, moves } = useStandings(board.rows ?? []);
  const rowRef = useMovingRows(rows.map((row) => row.competitor));
  const latest = new Set(board.ceremony?.latest ?? []);
  const lang = i18n.language;
  // Medals come with final results only: until then the column would stand empty.
  const medalColumn = (board.rows ?? []).some((row) => row.medal || row.medallion);
  const shortNames = shortCriterionNames(board.criteria.map((criterion) => criterion.name));
  return (
    <table className={big ? 'ranking big' : 'ranking'}>
      <thead>
        <tr>
          <th className="position">{t('column.position')}</th>
          <th>{t('column.competitor')}</th>
          <th className="college">{t('column.college')}</th>
          <th className="region">{t('column.region')}</th>
          {board.criteria.map((criterion, i) => {
            const full = t('criterionTitle', {
              id: criterion.id,
              name: criterion.name,
              max: marks(criterion.max, lang, 0),
            });
            return (
              <th
                key={criterion.id}
                className="number criterion"
                title={full}
                aria-label={full}
                scope="col"
              >
                <span className="criterion-id">{criterion.id}</span>
                {criterion.name && <span className="criterion-name">{shortNames[i]}</span>}
                <span className="criterion-max">
                  {t('criterionMax', { max: marks(criterion.max, lang, 0) })}
                </span>
              </th>
            );
          })}
          <th className="number">{t('column.total')}</th>
          {medalColumn && <th className="medal">{t('column.medal')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const label = labels.get(row.competitor) ?? '';
          const move = moves.get(row.competitor);
          return (
            <tr
              key={row.competitor}
              ref={rowRef(row.competitor)}
              className={[row.medal ?? '', latest.has(row.competitor) ? 'revealed' : '']
                .join(' ')
                .trim()}
            >
              <td className="position">
                <PlaceText label={label} position={row.position} />
                {move && (
                  <span className={`move ${move.direction}`}>
                    <span aria-hidden="true">
                      {move.direction === 'up' ? '▲' : '▼'}
                      {move.by}
                    </span>
                    <span className="visually-hidden">
                      {' '}
                      {t(`move.${move.direction}`, { count: move.by })}
                    </span>
                  </span>
                )}
              </td>
              <td className="name">
                <span className="person">
                  {linkRows ? (
                    <Link to={`/competitions/${board.competitionId}/competitors/${row.competitor}`}>
                      {personName(row.name, row.competitor)}
                    </Link>
                  ) : (
                    personName(row.name, row.competitor)
                  )}
                </span>
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
                  {marks(row.criteria[criterion.id] ?? 0, lang)}
                </td>
              ))}
              <td className="number total">{marks(row.total, lang)}</td>
              {medalColumn && (
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
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The criteria in full, for readers who cannot hover a column heading (phones, tablets). */
export function CriteriaLegend({ board }: { board: Board }) {
  const { t, i18n } = useTranslation('board');
  if (!board.criteria.some((criterion) => criterion.name)) return null;
  return (
    <details className="criteria-legend">
      <summary>{t('criteriaLegend')}</summary>
      <dl>
        {board.criteria.map((criterion) => (
          <div key={criterion.id}>
            <dt>{criterion.id}</dt>
            <dd>
              {criterion.name} ·{' '}
              {t('criterionMax', { max: marks(criterion.max, i18n.language, 0) })}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * The board's state in words, the same phrase on the board, the big screen and the overview:
 * final, corrected, provisional (live or locked only, n of m), embargoed, frozen, or the ceremony.
 */
export function BoardState({
  board,
  live,
  lost,
  updatedAt,
}: {
  board: Board;
  live: boolean;
  lost: boolean;
  /** When the figures last arrived (ms): "updated N s ago" while they may still change. */
  updatedAt?: number;
}) {
  const { t } = useTranslation('board');
  const label = boardLabel(board);
  const frozen = !board.ceremony && label.key === 'frozen' ? label : null;
  const changing = !board.ceremony && !frozen && !board.published && board.rows !== null;
  return (
    <>
      <div className="board-state">
        <LiveBadge live={live} lost={lost} />
        <span>
          {t('progress', {
            ...board.progress,
            percent: progressPercent(board.progress.marked, board.progress.required),
          })}
        </span>
        {changing && updatedAt !== undefined && <UpdatedAgo since={updatedAt} />}
        {board.ceremony ? (
          <strong className="label ceremony">
            {t('ceremony', { step: board.ceremony.step, steps: board.ceremony.steps })}
            {board.ceremony.hidden > 0 &&
              ` · ${t('ceremonyHidden', { count: board.ceremony.hidden })}`}
          </strong>
        ) : frozen ? null : (
          <BoardLabelText label={label} />
        )}
      </div>
      {frozen && (
        // A frozen board looks like any other table: the banner says why nothing moves.
        <div className="frozen-banner" role="status">
          <strong>{t('frozenBanner.title', { time: frozen.time })}</strong>
          <span>{t('frozenBanner.text')}</span>
        </div>
      )}
    </>
  );
}

/** "Updated 12 s ago", ticking every second on its own (the table does not redraw for it). */
function UpdatedAgo({ since }: { since: number }) {
  const { t } = useTranslation('board');
  const now = useNow(1000);
  const { key, ...params } = updatedAgo(since, now);
  return <span className="updated-ago">{t(`updated.${key}`, params)}</span>;
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

/** A place as the column shows it: "=1" when shared, read out as "Place 1, shared". */
export function PlaceText({ label, position }: { label: string; position: number | null }) {
  const { t } = useTranslation('board');
  if (!label.startsWith('=')) return <>{label || t('noPosition')}</>;
  return (
    <>
      <span aria-hidden="true">{label}</span>
      <span className="visually-hidden">{t('sharedPlace', { position })}</span>
    </>
  );
}
