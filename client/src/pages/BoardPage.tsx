import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  getRegion,
  regionName,
  type Language,
  type Localized,
  type PersonName,
} from '@ashyq/shared';
import { useJson } from '../api';
import { localized } from './ChampionshipsPage';
import { LoadStatus, progressPercent } from './Status';

interface BoardRow {
  position: number | null;
  competitor: string;
  name: PersonName | null;
  college: Localized | null;
  regionId: string | null;
  guest: boolean;
  criteria: Record<string, number>;
  total: number;
  medal: 'gold' | 'silver' | 'bronze' | null;
  medallion: boolean;
}

interface Board {
  skill: { number: string; name: Localized };
  policy: 'live' | 'locked' | 'embargo';
  published: boolean;
  provisional: boolean;
  progress: { marked: number; required: number };
  rows: BoardRow[] | null;
}

function regionLabel(regionId: string | null, lang: Language): string {
  const region = regionId ? getRegion(regionId) : undefined;
  return region ? regionName(region.id, lang) : '';
}

const marks = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function BoardPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(['board', 'scoring']);
  const loaded = useJson<Board>(`/api/public/competitions/${encodeURIComponent(id)}/board`);
  const board = loaded.state === 'ready' ? loaded.data : null;
  const criteria = Object.keys(board?.rows?.[0]?.criteria ?? {});
  const lang = i18n.language as Language;

  return (
    <main className="page board">
      <Link to="/">← {t('back')}</Link>
      <LoadStatus loaded={loaded} notFoundKey="notFound" />
      {board && (
        <>
          <h1>
            <span className="skill-number">{t('skill', { number: board.skill.number })}</span>{' '}
            {localized(board.skill.name, lang)}
          </h1>
          <p className="board-state">
            {t('progress', {
              ...board.progress,
              percent: progressPercent(board.progress.marked, board.progress.required),
            })}
            {' · '}
            {board.published
              ? t('published')
              : board.rows === null
                ? t('embargo')
                : board.policy === 'locked'
                  ? t('lockedOnly')
                  : t('provisional')}
          </p>
          {board.rows && (
            <table className="ranking">
              <thead>
                <tr>
                  <th>{t('column.position')}</th>
                  <th>{t('column.competitor')}</th>
                  <th>{t('column.college')}</th>
                  <th>{t('column.region')}</th>
                  {criteria.map((criterion) => (
                    <th key={criterion} className="number">
                      {criterion}
                    </th>
                  ))}
                  <th className="number">{t('column.total')}</th>
                  <th>{t('column.medal')}</th>
                </tr>
              </thead>
              <tbody>
                {board.rows.map((row) => (
                  <tr key={row.competitor} className={row.medal ?? undefined}>
                    <td>{row.position ?? t('noPosition')}</td>
                    <td>
                      {row.name ? `${row.name.last} ${row.name.first}` : row.competitor}
                      {row.guest && <span className="tag"> {t('scoring:status.guest')}</span>}
                    </td>
                    <td>{row.college ? localized(row.college, lang) : ''}</td>
                    <td>{regionLabel(row.regionId, lang)}</td>
                    {criteria.map((criterion) => (
                      <td key={criterion} className="number">
                        {marks.format(row.criteria[criterion] ?? 0)}
                      </td>
                    ))}
                    <td className="number total">{marks.format(row.total)}</td>
                    <td>
                      {row.medal
                        ? t(`scoring:medal.${row.medal}`)
                        : row.medallion
                          ? t('scoring:medal.medallion')
                          : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </main>
  );
}
