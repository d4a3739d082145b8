import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatMarks,
  fullName,
  getRegion,
  type BestOfDelegationReply,
  type CollegesReply,
} from '@ashyq/shared';
import { collegeName } from './api';
import { ErrorReport } from '../lib/errors';
import { useResource } from '../lib/resource';
import { useLanguage } from '../lib/language';

/** The best competitor of each region or college, across competencies. */
export function BestOfDelegation({ championshipId }: { championshipId: string }) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const [team, setTeam] = useState<'region' | 'college'>('region');
  // The report names competencies in the language asked for: asked again when it changes.
  const [loaded] = useResource<BestOfDelegationReply>(
    `/api/organiser/championships/${championshipId}/best-of-delegation?team=${team}&lang=${lang}`,
    { signIn: '/login' },
  );
  const [colleges] = useResource<CollegesReply>('/api/organiser/colleges', {
    signIn: '/login',
  });
  const teamName = (id: string) =>
    team === 'region'
      ? (getRegion(id)?.name[lang] ?? id)
      : colleges.state === 'ready'
        ? (collegeName(
            colleges.data.colleges.find((c) => c.id === id),
            lang,
          ) ?? id)
        : id;

  return (
    <>
      <h3>
        {t('exports.bestOf')}{' '}
        <select
          aria-label={t('exports.team')}
          value={team}
          onChange={(e) => setTeam(e.target.value as 'region' | 'college')}
        >
          <option value="region">{t('exports.byRegion')}</option>
          <option value="college">{t('exports.byCollege')}</option>
        </select>
      </h3>
      <p>
        <a
          href={`/api/organiser/championships/${championshipId}/best-of-delegation.xlsx?team=${team}&lang=${lang}`}
          download
        >
          {t('exports.bestOfXlsx')}
        </a>
      </p>
      {loaded.state === 'failed' && <ErrorReport error={loaded.error} />}
      {loaded.state === 'ready' && (
        <table className="org-table" tabIndex={0}>
          <thead>
            <tr>
              <th>{t('exports.team')}</th>
              <th>{t('exports.best')}</th>
              <th>{t('run.competition')}</th>
              <th>{t('exports.position')}</th>
              <th>{t('exports.total')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.delegations.flatMap((delegation) =>
              // Equal bests of one delegation share its name's cell: each region shows once.
              delegation.best.map((best, index) => (
                <tr key={`${delegation.team}-${best.competitorId}`}>
                  {index === 0 && (
                    <th scope="row" rowSpan={delegation.best.length}>
                      {teamName(delegation.team)}
                    </th>
                  )}
                  <td>{best.name ? fullName(best.name) : best.competitorId}</td>
                  <td>
                    {best.skillNumber} {best.skillName}
                  </td>
                  <td>{best.position}</td>
                  <td>{formatMarks(best.total, lang)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </>
  );
}
