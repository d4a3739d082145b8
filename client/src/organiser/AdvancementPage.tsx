import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Adjustment,
  type AdvancementApplyInput,
  type AdvancementApplyReply,
  type AdvancementHistoryReply,
  type AdvancementProposalInput,
  type ChampionshipDetailReply,
  type ChampionshipsReply,
} from '@ashyq/shared';
import { AdvancementHistory } from './advancement/AdvancementHistory';
import { ProposalView } from './advancement/ProposalView';
import { RulesForm } from './advancement/RulesForm';
import type { Entry, Proposal } from './advancement/types';
import { ErrorReport } from '../lib/errors';
import { LoadFailure } from './LoadFailure';
import { apiRequest } from '../lib/http';
import { localized } from '../lib/localized';
import { useResource } from '../lib/resource';
import {
  competitionNames,
  rulesKeyOf,
  rulesOf,
  targetChampionships,
  withDecision,
  type RuleChoice,
} from './advancement-view';
import { useLanguage } from '../lib/language';

/**
 * Advancement: choose the rule for every competency (and any competency's own) and the quota,
 * read the proposal, decide every tie (and any other change) with a reason, then create the
 * next championship's competitor lists. The decisions taken so far are listed below.
 */
export function AdvancementPage() {
  const { t } = useTranslation('organiser');
  const lang = useLanguage();
  const { championshipId = '' } = useParams();
  const base = `/api/organiser/championships/${encodeURIComponent(championshipId)}`;
  const [source] = useResource<ChampionshipDetailReply>(base, { signIn: '/login' });
  const [all] = useResource<ChampionshipsReply>('/api/organiser/championships', {
    signIn: '/login',
  });
  const [choice, setChoice] = useState<RuleChoice>({
    kind: 'top',
    count: 3,
    quotaTeam: '',
    quotaMax: 5,
    own: {},
  });
  const [history, reloadHistory] = useResource<AdvancementHistoryReply>(`${base}/advancements`, {
    signIn: '/login',
  });
  const [adjustments, setAdjustments] = useState<Adjustment[]>([]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  /** With the rules it was made for: a proposal for other rules is not applied. */
  const [proposal, setProposal] = useState<(Proposal & { rulesKey: string }) | null>(null);
  const [target, setTarget] = useState('');
  const [applied, setApplied] = useState<AdvancementApplyReply | null>(null);
  const [error, setError] = useState<unknown>(null);

  const rules = rulesOf(choice);
  const rulesKey = rulesKeyOf(rules);
  const stale = proposal !== null && proposal.rulesKey !== rulesKey;
  const names = competitionNames(source.state === 'ready' ? source.data.competitions : [], lang);

  async function propose(next = adjustments) {
    setError(null);
    try {
      const body: AdvancementProposalInput = { rules, adjustments: next };
      const reply = await apiRequest<Proposal>('POST', `${base}/advancement/proposal`, body);
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
      const body: AdvancementApplyInput = { rules, adjustments, targetChampionshipId: target };
      setApplied(
        await apiRequest<AdvancementApplyReply>('POST', `${base}/advancement/apply`, body),
      );
      reloadHistory();
    } catch (failure) {
      setError(failure);
    }
  }

  // The page speaks of the championship by its name: nothing is drawn before it is known.
  if (source.state === 'loading') return <p>{t('loading')}</p>;
  if (source.state === 'failed') return <LoadFailure failed={source} what="championship" />;
  const championshipName = localized(source.data.championship.name, lang);
  const targets =
    all.state === 'ready' ? targetChampionships(all.data.championships, championshipId, lang) : [];
  const competitions = source.data.competitions;

  return (
    <section>
      <p>
        <Link to={`/organiser/championships/${championshipId}`}>← {championshipName}</Link>
      </p>
      <h1>{t('advancement.title', { name: championshipName })}</h1>
      <RulesForm
        choice={choice}
        onChange={setChoice}
        competitions={competitions}
        names={names}
        onPropose={() => void propose()}
      />
      {error instanceof Error && !('details' in error) ? (
        <p role="alert">{error.message}</p>
      ) : (
        <ErrorReport error={error} />
      )}

      {proposal && (
        <ProposalView
          proposal={proposal}
          names={names}
          reasons={reasons}
          onReason={(key, reason) => setReasons((r) => ({ ...r, [key]: reason }))}
          onDecide={(entry, action) => void decide(entry, action)}
          targets={targets}
          target={target}
          onTarget={setTarget}
          stale={stale}
          applied={applied}
          onApply={() => void apply()}
        />
      )}
      <AdvancementHistory
        history={history}
        championships={all.state === 'ready' ? all.data.championships : []}
        names={names}
      />
    </section>
  );
}
