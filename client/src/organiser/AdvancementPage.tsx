import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  fullName,
  getRegion,
  ruleFor,
  type Adjustment,
  type AdvancementDecision,
  type AdvancementEntry,
  type AdvancementProposal,
  type Championship,
  type CompetencyRule,
  type Language,
  type PersonName,
} from '@ashyq/shared';
import type { ChampionshipReply } from './championship-reply';
import { ErrorReport } from '../lib/errors';
import { apiRequest } from '../lib/http';
import { useResource } from '../lib/resource';
import { rulesKeyOf, rulesOf, withDecision } from './advancement-view';

type Entry = AdvancementEntry & { name?: PersonName | null; skillName?: string };
type Proposal = Omit<AdvancementProposal, 'entries'> & { entries: Entry[] };
type Named<T> = T & { name: PersonName | null };
type Decision = Omit<AdvancementDecision, 'sent' | 'adjustments'> & {
  sent: Named<AdvancementDecision['sent'][number]>[];
  adjustments: Named<Adjustment>[];
};

/**
 * Advancement: choose the rule for every competency (and any competency's own) and the quota,
 * read the proposal, decide every tie (and any other change) with a reason, then create the
 * next championship's competitor lists. The decisions taken so far are listed below.
 */
export function AdvancementPage() {
  const { t, i18n } = useTranslation('organiser');
  const lang = i18n.language as Language;
  const { championshipId = '' } = useParams();
  const base = `/api/admin/championships/${encodeURIComponent(championshipId)}`;
  const [source] = useResource<ChampionshipReply>(base, { signIn: '/login' });
  const [all] = useResource<{ championships: Championship[] }>('/api/admin/championships', {
    signIn: '/login',
  });
  const [kind, setKind] = useState<'top' | 'medalists'>('top');
  const [count, setCount] = useState(3);
  const [quotaTeam, setQuotaTeam] = useState<'' | 'region' | 'college'>('');
  const [quotaMax, setQuotaMax] = useState(5);
  /** Competition id -> its own rule; the others follow the rule for every competency. */
  const [own, setOwn] = useState<Record<string, CompetencyRule>>({});
  const [history, reloadHistory] = useResource<{ advancements: Decision[] }>(
    `${base}/advancements`,
    { signIn: '/login' },
  );
  const [adjustments, setAdjustments] = useState<Adjustment[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  /** With the rules it was made for: a proposal for other rules is not applied. */
  const [proposal, setProposal] = useState<(Proposal & { rulesKey: string }) | null>(null);
  const [target, setTarget] = useState('');
  const [applied, setApplied] = useState<{ created: unknown[]; alreadyRegistered: number } | null>(
    null,
  );
  const [error, setError] = useState<unknown>(null);

  const rules = rulesOf({ kind, count, quotaTeam, quotaMax, own });
  const rulesKey = rulesKeyOf(rules);
  const stale = proposal !== null && proposal.rulesKey !== rulesKey;
  const names = new Map(
    source.state === 'ready'
      ? source.data.competitions.map((c) => [
          c.id,
          `${c.skill.number} ${c.skill.name[lang] ?? c.skill.name.ru}`,
        ])
      : [],
  );

  async function propose(next = adjustments) {
    setError(null);
    try {
      const reply = await apiRequest<Proposal>('POST', `${base}/advancement/proposal`, {
        rules,
        adjustments: next,
      });
      setProposal({ ...reply, rulesKey });
    } catch (failure) {
      setError(failure);
    }
  }

  async function decide(entry: Entry, action: Adjustment['action']) {
    const key = `${entry.competitionId}/${entry.competitorId}`;
    const reason = (reasons[key] ?? '').trim();
    if (reason.length < 3) return setError(new Error(t('advancement.reasonNeeded')));
    const next = withDecision(adjustments, {
      competitionId: entry.competitionId,
      competitorId: entry.competitorId,
      action,
      reason,
    });
    setAdjustments(next);
    await propose(next);
  }

  async function apply() {
    setError(null);
    try {
      setApplied(
        await apiRequest('POST', `${base}/advancement/apply`, {
          rules,
          adjustments,
          targetChampionshipId: target,
        }),
      );
      reloadHistory();
    } catch (failure) {
      setError(failure);
    }
  }

  const championshipName =
    source.state === 'ready'
      ? (source.data.championship.name[lang] ?? source.data.championship.name.ru)
      : championshipId;
  const targets =
    all.state === 'ready' ? all.data.championships.filter((c) => c.id !== championshipId) : [];
  const teamName = (team: string) => getRegion(team)?.name[lang] ?? team;
  const competitions = source.state === 'ready' ? source.data.competitions : [];
  const ruleText = (rule: CompetencyRule) =>
    rule.kind === 'top' ? t('advancement.topN', { count: rule.count }) : t('advancement.medalists');
  const setOwnRule = (competitionId: string, rule: CompetencyRule | null) =>
    setOwn(({ [competitionId]: _, ...others }) =>
      rule ? { ...others, [competitionId]: rule } : others,
    );

  return (
    <section>
      <p>
        <Link to={`/organiser/championships/${championshipId}`}>← {championshipName}</Link>
      </p>
      <h1>{t('advancement.title', { name: championshipName })}</h1>
      <div className="org-form org-grid org-panel">
        <label>
          {t('advancement.rule')}
          <select
            name="rule"
            value={kind}
            onChange={(e) => setKind(e.target.value as 'top' | 'medalists')}
          >
            <option value="top">{t('advancement.top')}</option>
            <option value="medalists">{t('advancement.medalists')}</option>
          </select>
        </label>
        {kind === 'top' && (
          <label>
            {t('advancement.count')}
            <input
              name="count"
              type="number"
              min={1}
              value={count}
              onChange={(e) => setCount(Number(e.target.value))}
            />
          </label>
        )}
        {competitions.length > 0 && (
          <table className="org-table">
            <caption>{t('advancement.perCompetency')}</caption>
            <tbody>
              {competitions.map((competition) => {
                const name = names.get(competition.id) ?? competition.id;
                const rule = own[competition.id];
                return (
                  <tr key={competition.id}>
                    <td>{name}</td>
                    <td>
                      <select
                        aria-label={t('advancement.ruleFor', { name })}
                        value={rule?.kind ?? ''}
                        onChange={(e) =>
                          setOwnRule(
                            competition.id,
                            e.target.value === 'top'
                              ? { kind: 'top', count }
                              : e.target.value === 'medalists'
                                ? { kind: 'medalists' }
                                : null,
                          )
                        }
                      >
                        <option value="">
                          {t('advancement.asForAll', { rule: ruleText(rules.defaultRule) })}
                        </option>
                        <option value="top">{t('advancement.top')}</option>
                        <option value="medalists">{t('advancement.medalists')}</option>
                      </select>{' '}
                      {rule?.kind === 'top' && (
                        <input
                          aria-label={t('advancement.countFor', { name })}
                          type="number"
                          min={1}
                          value={rule.count}
                          onChange={(e) =>
                            setOwnRule(competition.id, {
                              kind: 'top',
                              count: Number(e.target.value),
                            })
                          }
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <label>
          {t('advancement.quota')}
          <select
            name="quota"
            value={quotaTeam}
            onChange={(e) => setQuotaTeam(e.target.value as '' | 'region' | 'college')}
          >
            <option value="">{t('advancement.noQuota')}</option>
            <option value="region">{t('advancement.quotaRegion')}</option>
            <option value="college">{t('advancement.quotaCollege')}</option>
          </select>
        </label>
        {quotaTeam && (
          <label>
            {t('advancement.quotaMax')}
            <input
              name="quota-max"
              type="number"
              min={1}
              value={quotaMax}
              onChange={(e) => setQuotaMax(Number(e.target.value))}
            />
          </label>
        )}
        <p className="org-muted">{t('advancement.nationalHint')}</p>
        <div className="org-actions">
          <button type="button" className="primary" onClick={() => void propose()}>
            {t('advancement.propose')}
          </button>
        </div>
      </div>
      {error instanceof Error && !('details' in error) ? (
        <p role="alert">{error.message}</p>
      ) : (
        <ErrorReport error={error} />
      )}

      {proposal && (
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
                              onChange={(e) => setReasons((r) => ({ ...r, [key]: e.target.value }))}
                            />
                            <button type="button" onClick={() => void decide(entry, 'include')}>
                              {t('advancement.include')}
                            </button>
                            <button type="button" onClick={() => void decide(entry, 'exclude')}>
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
              <select name="target" value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">—</option>
                {targets.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name[lang] ?? c.name.ru} ({t(`level.${c.level}`)}, {c.season})
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
                onClick={() => void apply()}
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
      )}

      <h2>{t('advancement.history')}</h2>
      {history.state === 'failed' && <ErrorReport error={history.error} />}
      {history.state === 'ready' && history.data.advancements.length === 0 && (
        <p>{t('advancement.noHistory')}</p>
      )}
      {history.state === 'ready' && history.data.advancements.length > 0 && (
        <ul>
          {history.data.advancements.map((decision) => {
            const targetName =
              all.state === 'ready'
                ? all.data.championships.find((c) => c.id === decision.targetChampionshipId)
                : undefined;
            const { quota } = decision.rules;
            const rulesText = [
              t('advancement.forAll', { rule: ruleText(decision.rules.defaultRule) }),
              ...Object.keys(decision.rules.rules).map(
                (id) => `${names.get(id) ?? id}: ${ruleText(ruleFor(decision.rules, id))}`,
              ),
              quota
                ? t('advancement.quotaOf', {
                    max: quota.max,
                    team: t(
                      quota.team === 'region'
                        ? 'advancement.quotaRegion'
                        : 'advancement.quotaCollege',
                    ),
                  })
                : t('advancement.noQuota'),
            ];
            return (
              <li key={decision.id}>
                <strong>
                  {t('advancement.decision', {
                    at: new Date(decision.at).toLocaleString(lang),
                    target: targetName
                      ? (targetName.name[lang] ?? targetName.name.ru)
                      : decision.targetChampionshipId,
                    sent: decision.sent.length,
                    created: decision.created.length,
                  })}
                </strong>
                <div className="org-muted">{rulesText.join('; ')}</div>
                {decision.adjustments.length > 0 && (
                  <ul>
                    {decision.adjustments.map((adjustment) => (
                      <li key={`${adjustment.competitionId}/${adjustment.competitorId}`}>
                        {adjustment.name ? fullName(adjustment.name) : adjustment.competitorId} (
                        {names.get(adjustment.competitionId) ?? adjustment.competitionId}):{' '}
                        {t(
                          adjustment.action === 'include'
                            ? 'advancement.statusOf.included'
                            : 'advancement.statusOf.excluded',
                        )}{' '}
                        — {adjustment.reason}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
