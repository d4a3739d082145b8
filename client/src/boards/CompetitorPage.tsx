import {
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useState } from 'react';
import { Bar, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  placeLabels,
  shortCriterionNames,
  type Board,
  type BoardRow,
  type CompetitorDetail,
} from '@ashyq/shared';
import { PlaceText } from './BoardTable';
import { marks, personName, regionLabel } from './format';
import { useBoardRoom } from './useBoardRoom';
import { apiRequest, type ApiRequestError } from '../lib/http';
import { localized } from '../lib/localized';

Chart.register(CategoryScale, LinearScale, BarElement, PointElement, LineElement, Tooltip, Legend);

const colours = { value: '#0b3d6e', best: '#c9a227', median: '#8a94a6' };

/**
 * One competitor: criterion subtotals against the competition's best and median (bar chart)
 * and the counted total after each day (line chart). Re-read whenever the live board changes.
 */
export function CompetitorPage() {
  const { id = '', competitorId = '' } = useParams();
  const { t, i18n } = useTranslation(['board', 'scoring']);
  const { data: board } = useBoardRoom<Board>(
    { competitionId: id },
    `/api/public/competitions/${encodeURIComponent(id)}/board`,
  );
  const [detail, setDetail] = useState<CompetitorDetail | null | 'missing'>(null);
  useEffect(() => {
    let live = true;
    apiRequest<CompetitorDetail>(
      'GET',
      `/api/public/competitions/${encodeURIComponent(id)}/competitors/${encodeURIComponent(competitorId)}`,
    ).then(
      (found) => live && setDetail(found),
      // A refusal means no such competitor; a lost connection keeps what is shown.
      (error: ApiRequestError) => live && error.status !== null && setDetail('missing'),
    );
    return () => {
      live = false;
    };
  }, [id, competitorId, board]);

  if (detail === 'missing')
    return (
      <main className="page">
        <p role="alert">{t('notFound')}</p>
      </main>
    );
  if (!detail)
    return (
      <main className="page">
        <p role="status">{t('loading')}</p>
      </main>
    );
  const lang = i18n.language;
  const { row } = detail;
  return (
    <main className="page competitor">
      <Link to={`/competitions/${id}`}>
        ← {t('skill', { number: detail.skill.number })} {localized(detail.skill.name, lang)}
      </Link>
      <h1>{personName(detail.competitor.name, detail.competitor.competitor)}</h1>
      <p className="sub-line">
        {[localized(detail.competitor.college, lang), regionLabel(detail.competitor.regionId, lang)]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {!row ? (
        <p className="label embargo">{t('noFigures')}</p>
      ) : (
        <>
          <p className="board-state">
            <span className="big-figure">{marks(row.total, lang)}</span>
            {row.position !== null && (
              <span>
                {t('column.position')}:{' '}
                <PlaceText
                  label={placeLabels([row, ...sharing(board, row)])[0]!}
                  position={row.position}
                />
              </span>
            )}
            {row.medal && (
              <span className={`medal-badge ${row.medal}`}>{t(`scoring:medal.${row.medal}`)}</span>
            )}
            {!row.medal && row.medallion && (
              <span className="medal-badge medallion">{t('scoring:medal.medallion')}</span>
            )}
            {detail.provisional && (
              <strong className="label provisional">{t('provisional')}</strong>
            )}
          </p>
          <div className="charts">
            <section className="chart">
              <h2>{t('competitorPage.breakdown')}</h2>
              <Bar
                aria-label={t('competitorPage.breakdown')}
                data={{
                  labels: shortCriterionNames(detail.criteria.map((c) => c.name)).map((name, i) =>
                    `${detail.criteria[i]!.id} ${name}`.trim(),
                  ),
                  datasets: [
                    {
                      label: t('competitorPage.value'),
                      data: detail.criteria.map((c) => c.value ?? 0),
                      backgroundColor: colours.value,
                    },
                    {
                      label: t('competitorPage.best'),
                      data: detail.criteria.map((c) => c.best),
                      backgroundColor: colours.best,
                    },
                    {
                      label: t('competitorPage.median'),
                      data: detail.criteria.map((c) => c.median),
                      backgroundColor: colours.median,
                    },
                  ],
                }}
                options={{
                  responsive: true,
                  maintainAspectRatio: false,
                  animation: { duration: 300 },
                }}
              />
            </section>
            {detail.days.length > 0 && (
              <section className="chart">
                <h2>{t('competitorPage.progressByDay')}</h2>
                <Line
                  aria-label={t('competitorPage.progressByDay')}
                  data={{
                    labels: detail.days.map((d) => t('day', { day: d.day })),
                    datasets: [
                      {
                        label: t('column.total'),
                        data: detail.days.map((d) => d.total),
                        borderColor: colours.value,
                        backgroundColor: colours.value,
                      },
                    ],
                  }}
                  options={{
                    responsive: true,
                    maintainAspectRatio: false,
                    scales: { y: { beginAtZero: true } },
                  }}
                />
              </section>
            )}
          </div>
        </>
      )}
    </main>
  );
}

/** The other rows of the live board that hold the same place as `row` (a tie reads "=3"). */
function sharing(board: Board | undefined, row: Pick<BoardRow, 'competitor' | 'position'>) {
  return (board?.rows ?? []).filter(
    (other) => other.position === row.position && other.competitor !== row.competitor,
  );
}
