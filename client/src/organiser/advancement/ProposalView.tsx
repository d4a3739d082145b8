import { useTranslation } from 'react-i18next';
import { getRegion, type Adjustment, type Championship } from '@ashyq/shared';
import type { Entry, Proposal } from './types';
import { localized } from '../../lib/localized';
import { useLanguage } from '../../lib/language';

/**
 * The proposal for the rules chosen: ties to decide, who goes and who does not (each undecided
 * one with a reason field and include/exclude), each team's count against its quota, and the
 * championship the lists are created in.
 */
export function ProposalView({
  proposal,
  names,
  reasons,
  onReason,
  onDecide,
  targets,
  target,
  onTarget,
  stale,
  applied,
  onApply,
}: {
  proposal: Proposal;
  names: ReadonlyMap<string, string>;
  reasons: Record<string, string>;
  onReason: (key: string, reason: string) => void;
  onDecide: (entry: Entry, action: Adjustment['action']) => void;
  targets: readonly Championship[];
  target: string;
  onTarget: (id: string) => void;
  stale: boolean;
  applied: { created: unknown[]; alreadyRegistered: number } | null;
  onApply: () => void;
}) {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const teamName = (team: string) => getRegion(team)?.name[lang] ?? team;
  return (
    <>
      {proposal.ties.length > 0 && (
        <div className="org-report">
          <h2>{t('advancement.ties')}</h2>
          <ul>
            {proposal.ties.map((tie, i) => (
              <li key={i} className={tie.resolved ? '' : 'org-warn'}>
                {t('advancement.tie', {
                  count: tie.competitors.length,
                  places: tie.places,
                  at: names.get(tie.at) ?? teamName(tie.at),
                })}
                {tie.resolved && ` — ${t('advancement.resolved')}`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <table className="org-table">
        <thead>
          <tr>
            <th>{t('run.competition')}</th>
            <th>{t('people.name')}</th>
            <th>{t('field.region')}</th>
            <th>{t('exports.position')}</th>
            <th>{t('advancement.status')}</th>
            <th>{t('field.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {proposal.entries
            .filter((entry) => entry.position !== null)
            .map((entry) => {
              const key = `${entry.competitionId}/${entry.competitorId}`;
              return (
                <tr key={key} className={`org-status-${entry.status}`}>
                  <td>{names.get(entry.competitionId) ?? entry.competitionId}</td>
                  <td>
                    {entry.name ? `${entry.name.last} ${entry.name.first}` : entry.competitorId}
                  </td>
                  <td>{teamName(entry.regionId)}</td>
                  <td>{entry.position}</td>
                  <td>{t(`advancement.statusOf.${entry.status}`)}</td>
                  <td>
                    {entry.reason ?? (
                      <span className="org-decide">
                        <input
                          aria-label={t('field.reason')}
                          value={reasons[key] ?? ''}
                          onChange={(e) => onReason(key, e.target.value)}
                        />
                        <button type="button" onClick={() => onDecide(entry, 'include')}>
                          {t('advancement.include')}
                        </button>
                        <button type="button" onClick={() => onDecide(entry, 'exclude')}>
                          {t('advancement.exclude')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      <h2>{t('advancement.teams')}</h2>
      <ul>
        {proposal.teams.map((team) => (
          <li
            key={team.team}
            className={team.quota !== null && team.sent > team.quota ? 'org-warn' : ''}
          >
            {teamName(team.team)}: {team.sent}
            {team.quota !== null && ` / ${team.quota}`}
          </li>
        ))}
      </ul>
      <div className="org-form org-grid org-panel">
        <label>
          {t('advancement.target')}
          <select name="target" value={target} onChange={(e) => onTarget(e.target.value)}>
            <option value="">—</option>
            {targets.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(c.name, lang)} ({t(`level.${c.level}`)}, {c.season})
              </option>
            ))}
          </select>
        </label>
        <div className="org-actions">
          {stale && <p className="org-warn">{t('advancement.stale')}</p>}
          {!proposal.ready && <p className="org-warn">{t('advancement.notReady')}</p>}
          <button
            type="button"
            className="primary"
            disabled={!proposal.ready || stale || !target}
            onClick={onApply}
          >
            {t('advancement.apply')}
          </button>
        </div>
      </div>
      {applied && (
        <p role="status">
          {t('advancement.applied', {
            created: applied.created.length,
            already: applied.alreadyRegistered,
          })}
        </p>
      )}
    </>
  );
}
