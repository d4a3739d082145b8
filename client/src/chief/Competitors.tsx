import { useTranslation } from 'react-i18next';
import type { CompetitorStatus } from '@ashyq/shared';
import { chiefBase } from './api';
import type { ConsoleProps } from './console-props';
import type { RosterCompetitor } from './types';
import { apiRequest } from '../lib/http';
import { localized } from '../lib/localized';

const statuses: CompetitorStatus[] = ['active', 'absent', 'withdrawn'];

/** Competitors and their status: an absent or withdrawn competitor needs no marks to lock. */
export function Competitors({
  competitionId,
  roster,
  names,
  lang,
  confirm,
  reloadRoster,
}: ConsoleProps) {
  const { t } = useTranslation('chief');

  const change = (competitor: RosterCompetitor, status: CompetitorStatus) => {
    const name = names.competitor(competitor.id);
    confirm({
      title: t('competitors.changeTitle', { name, status: t(`status.${status}`) }),
      body: <p>{t(`competitors.explain.${status}`)}</p>,
      confirmLabel: t(`competitors.mark.${status}`),
      reason: 'optional',
      danger: status !== 'active',
      run: async (reason) => {
        await apiRequest(
          'POST',
          `${chiefBase(competitionId)}/competitors/${encodeURIComponent(competitor.id)}/status`,
          { status, ...(reason ? { reason } : {}) },
        );
        reloadRoster();
      },
    });
  };

  return (
    <section className="chief-section" aria-labelledby="competitors-title">
      <h2 id="competitors-title">{t('competitors.title')}</h2>
      <table className="team">
        <thead>
          <tr>
            <th scope="col">{t('progress.competitor')}</th>
            <th scope="col">{t('competitors.college')}</th>
            <th scope="col">{t('competitors.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('team.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {roster.competitors.map((competitor) => {
            const college = roster.colleges.find((c) => c.id === competitor.collegeId);
            return (
              <tr
                key={competitor.id}
                data-competitor={competitor.id}
                data-status={competitor.status}
              >
                <th scope="row">
                  {names.competitor(competitor.id)}
                  {competitor.guest && <span className="tag"> · {t('competitors.guest')}</span>}
                </th>
                <td>{college ? localized(college.name, lang) : ''}</td>
                <td>{t(`status.${competitor.status}`)}</td>
                <td className="actions">
                  {statuses
                    .filter((status) => status !== competitor.status)
                    .map((status) => (
                      <button
                        key={status}
                        type="button"
                        className={status === 'active' ? '' : 'danger'}
                        onClick={() => change(competitor, status)}
                      >
                        {t(`competitors.mark.${status}`)}
                      </button>
                    ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
