import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleProps } from './console-props';
import { cellState, matrixByCompetitor, percentMarked } from './view';

/**
 * Progress: a row per competitor, a column per sub-criterion (grouped by marking day), each cell
 * the percent of its aspects marked. Tapping a cell says who marked it; a tablet has no hover.
 */
export function ProgressMatrix({ roster, names, overview }: ConsoleProps) {
  const { t } = useTranslation('chief');
  const [selected, setSelected] = useState<{ competitor: string; subCriterion: string } | null>(
    null,
  );
  const rows = useMemo(() => matrixByCompetitor(overview), [overview]);
  const subCriteria = overview.progress.subCriteria;
  // Cells holding an open discrepancy are flagged: it blocks the sub-criterion's lock.
  const discrepant = useMemo(
    () =>
      new Set(overview.openDiscrepancies.map((open) => `${open.competitor}|${open.subCriterion}`)),
    [overview],
  );
  const cell = selected && rows.get(selected.competitor)?.get(selected.subCriterion);

  return (
    <section className="chief-section" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('progress.title')}</h2>
      <div className="cell-detail" role="region" aria-label={t('progress.detail')}>
        {selected && cell ? (
          <>
            <h3>
              {names.competitor(selected.competitor)} · {selected.subCriterion}{' '}
              {names.subCriterionName(selected.subCriterion)}
            </h3>
            <p>
              {t('progress.markedOf', { marked: cell.marked, required: cell.required })} ·{' '}
              {cell.experts.length === 0
                ? t('progress.byNobody')
                : t('progress.by', { experts: cell.experts.map(names.expert).join(', ') })}
            </p>
          </>
        ) : (
          <p className="note">{t('progress.tapCell')}</p>
        )}
      </div>
      <div className="matrix-scroll">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">{t('progress.competitor')}</th>
              {subCriteria.map((sub) => (
                <th
                  key={sub.subCriterion}
                  scope="col"
                  title={names.subCriterionName(sub.subCriterion)}
                >
                  <span className="sub-id">{sub.subCriterion}</span>
                  <span className="sub-day">{t('progress.day', { day: sub.day })}</span>
                  {sub.locked && (
                    <svg
                      className="lock-mark"
                      viewBox="0 0 16 16"
                      width="14"
                      height="14"
                      role="img"
                      aria-label={t('locks.locked')}
                    >
                      <title>{t('locks.locked')}</title>
                      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
                      <path
                        d="M5 7V5a3 3 0 0 1 6 0v2"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="1.8"
                      />
                    </svg>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roster.competitors.map((competitor) => (
              <tr key={competitor.id} data-status={competitor.status}>
                <th scope="row">
                  {names.competitor(competitor.id)}
                  {competitor.status !== 'active' && (
                    <span className="tag"> · {t(`status.${competitor.status}`)}</span>
                  )}
                </th>
                {subCriteria.map((sub) => {
                  const found = rows.get(competitor.id)?.get(sub.subCriterion);
                  const state = cellState(found);
                  const isSelected =
                    selected?.competitor === competitor.id &&
                    selected.subCriterion === sub.subCriterion;
                  return (
                    <td
                      key={sub.subCriterion}
                      data-state={state}
                      data-discrepancy={
                        discrepant.has(`${competitor.id}|${sub.subCriterion}`) || undefined
                      }
                    >
                      {state !== 'none' && found ? (
                        <button
                          type="button"
                          aria-pressed={isSelected}
                          aria-label={`${t('progress.cellLabel', {
                            competitor: names.competitor(competitor.id),
                            subCriterion: sub.subCriterion,
                            percent: percentMarked(found.marked, found.required),
                          })}${
                            discrepant.has(`${competitor.id}|${sub.subCriterion}`)
                              ? `, ${t('locks.blocker.discrepancy_open')}`
                              : ''
                          }`}
                          onClick={() =>
                            setSelected(
                              isSelected
                                ? null
                                : { competitor: competitor.id, subCriterion: sub.subCriterion },
                            )
                          }
                        >
                          {percentMarked(found.marked, found.required)}%
                          {discrepant.has(`${competitor.id}|${sub.subCriterion}`) && (
                            <span className="matrix-flag" aria-hidden="true">
                              {' '}
                              !
                            </span>
                          )}
                        </button>
                      ) : (
                        <span aria-label={t('progress.notRequired')}>—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('progress.total')}</th>
              {subCriteria.map((sub) => (
                <td key={sub.subCriterion} data-state={cellState(sub)}>
                  {percentMarked(sub.marked, sub.required)}%
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
