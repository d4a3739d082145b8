import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ChampionshipOverview } from '@ashyq/shared';
import { BoardLabelText, LiveBadge } from './BoardTable';
import { marks, personName, regionLabel } from './format';
import { MedalTable } from './MedalTable';
import { useBoardRoom } from './useBoardRoom';
import { localized } from '../lib/localized';

/** A championship: each competition's status, progress, day and leader, and the medal tables. */
export function OverviewPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('board');
  const lang = i18n.language;
  const { data, live, lost, missing } = useBoardRoom<ChampionshipOverview>(
    { championshipId: id },
    `/api/public/championships/${encodeURIComponent(id)}/overview`,
  );
  return (
    <main className="page overview">
      <Link to="/">← {t('back')}</Link>
      {missing && <p role="alert">{t('notFound')}</p>}
      {!data && !missing && <p role="status">{t('loading')}</p>}
      {data && (
        <>
          <h1>{localized(data.name, lang)}</h1>
          <p className="board-state">
            <LiveBadge live={live} lost={lost} />
            <Link to={`/championships/${id}/screen`}>{t('bigScreen')}</Link>
          </p>
          <ul className="competition-cards">
            {data.competitions.map((competition) => (
              <li key={competition.id} className={`card status-${competition.status}`}>
                <Link to={`/competitions/${competition.id}`}>
                  <span className="skill-number">
                    {t('skill', { number: competition.skill.number })}
                  </span>
                  <strong>{localized(competition.skill.name, lang)}</strong>
                </Link>
                <span className="status">
                  {t(`status.${competition.status}`)}
                  {competition.day !== null && ` · ${t('day', { day: competition.day })}`}
                </span>
                <BoardLabelText label={competition.label} />
                <span className="bars">
                  <span
                    className="bar"
                    // The line below says the same in words.
                    aria-hidden="true"
                  >
                    <span style={{ width: `${competition.markedPercent}%` }} />
                  </span>
                  <small>
                    {/* Whole percent, rounded down, as the competition's own board says it. */}
                    {t('markedPercent', { percent: Math.floor(competition.markedPercent) })} ·{' '}
                    {t('lockedPercent', { percent: Math.floor(competition.lockedPercent) })}
                  </small>
                </span>
                <span className="leader">
                  {competition.leader ? (
                    <>
                      {t('leader')}:{' '}
                      <strong>
                        {personName(competition.leader.name, competition.leader.competitor)}
                      </strong>{' '}
                      ({regionLabel(competition.leader.regionId, lang)}){' '}
                      {marks(competition.leader.total, lang)}
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
          <h2>{t('medals')}</h2>
          {data.medals.provisional && <p className="label provisional">{t('medalsProvisional')}</p>}
          <div className="medal-tables">
            <MedalTable title={t('medalsByRegion')} rows={data.medals.regions} kind="region" />
            <MedalTable title={t('medalsByCollege')} rows={data.medals.colleges} kind="college" />
          </div>
        </>
      )}
    </main>
  );
}
