import {
  conflictOf,
  delegationKeysOf,
  isSameMark,
  isSameName,
  reject,
  rescoreRequestedSchema,
  rescoreTargets,
  ScoringError,
  type Competitor,
  type CompetitorStatus,
  type ExpertParty,
  type MarkEntry,
  type Rejection,
  type RescoreRequest,
  type ScoringEventType,
  type MarkInput,
  type PersonName,
} from '@ashyq/shared';
import type { JsonValue } from '../events/canonical-json';
import { toJson } from '../store/json';
import type { EventDraft } from '../events/chain';
import type { EventLog, LogVerdict } from '../events/event-log';
import type { LiveProjection } from '../events/live-projection';
import type { Store, StoredEvent, StreamHead } from '../store/port';
import { matches, readEventPage, type EventFilter, type EventPage } from './audit-filter';
import { publicBoard, type Board, type BoardView } from '../boards/board';
import {
  blockersOf,
  markRecordedDraft,
  scoringDraft,
  stageOfResults,
  type RuntimeState,
} from './runtime-state';
import {
  LockBlockedError,
  maxPanelSize,
  PublicationBlockedError,
  RegistrationRefusedError,
  type ItemResult,
  type RuntimeContext,
} from './runtime-types';
import { ReferenceRepository } from '../domain/reference';
import { TRAINEE_SCORED, type TraineeMark } from './trainees';

/**
 * One competition while it runs: every change goes through its single-writer LiveProjection,
 * so checks and appends never interleave, and every acknowledged change is durable in the log.
 * Panels and declared conflicts are events in the same log because they decide which marks count.
 */
export class CompetitionRuntime {
  /** Each expert's conflict party, and whether it is a trainee (docs/judge-analytics.md). */
  private readonly expertCache = new Map<string, ExpertParty & { trainee: boolean }>();
  /** The board at the freeze time, computed once: the log before that time never changes. */

  constructor(
    private current: RuntimeContext,
    private readonly live: LiveProjection<RuntimeState>,
    private readonly store: Store,
    private readonly log: EventLog,
  ) {}

  get context(): RuntimeContext {
    return this.current;
  }

  /** After an organiser edited the documents: new context, experts read again on next use. */
  refreshed(context: RuntimeContext): void {
    this.current = context;
    this.expertCache.clear();
  }

  get id(): string {
    return this.context.competition.id;
  }

  get state(): RuntimeState {
    return this.live.state;
  }

  /** The last stored event: what a push or a catch-up is complete up to. */
  get head(): StreamHead {
    return this.live.head;
  }

  /**
   * Registers competitors in the log (public fields only, never the IIN), all of them or none:
   * repeats are acknowledged as duplicates, and if the log refuses any (registration closes with
   * the first lock) nothing is appended and a RegistrationRefusedError lists every refusal, so
   * a caller cannot answer success for people who are on no board.
   */
  async registerCompetitors(
    actor: string,
    competitors: readonly Competitor[],
  ): Promise<ItemResult[]> {
    const results = await this.decideItems(competitors, this.registration(actor), {
      allOrNothing: true,
    });
    const refused = results.filter((result) => result.status === 'rejected');
    if (refused.length > 0) throw new RegistrationRefusedError(refused);
    return results;
  }

  /**
   * The refusals registerCompetitors would meet now, without registering anyone: callers check
   * before they store anything (a lock landing in between is still refused by the register).
   */
  registrationRefusals(competitors: readonly Competitor[]): ItemResult[] {
    const decide = this.registration('check');
    return competitors.flatMap((competitor) => {
      const verdict = this.state.closed
        ? reject('competition_closed')
        : decide(this.state, competitor);
      return Array.isArray(verdict) || verdict === 'duplicate'
        ? []
        : [{ id: competitor.id, status: 'rejected' as const, ...verdict }];
    });
  }

  private registration(actor: string) {
    const inBatch = new Set<string>();
    return (
      state: RuntimeState,
      competitor: Competitor,
    ): Rejection | 'duplicate' | EventDraft[] => {
      const entry = {
        id: competitor.id,
        guest: competitor.guest,
        delegations: delegationKeysOf(competitor),
      };
      const profile = {
        name: competitor.name,
        regionId: competitor.regionId,
        ...(competitor.collegeId ? { collegeId: competitor.collegeId } : {}),
      };
      const { draft, event } = scoringDraft('competitor.registered', actor, {
        competitor: entry,
        profile,
      });
      if (inBatch.has(competitor.id)) {
        return reject('competitor_exists', { competitor: competitor.id });
      }
      const rejection = state.scoring.check(event);
      if (rejection) return rejection;
      if (state.people.has(competitor.id)) return 'duplicate';
      inBatch.add(competitor.id);
      return [draft];
    };
  }

  /**
   * A corrected name (a typo in the list, a name changed by marriage): the log keeps the old and
   * the new one with the reason, and boards, documents and exports show the new one from then on.
   * Region, college and delegation stay as registered, since they decide who is a compatriot.
   */
  async renameCompetitor(
    actor: string,
    competitorId: string,
    name: PersonName,
    reason: string,
  ): Promise<void> {
    await this.execute((state) => {
      const person = state.people.get(competitorId);
      if (!person) throw new ScoringError('unknown_competitor', { competitor: competitorId });
      if (isSameName(person.name, name)) return [];
      const data = { competitor: competitorId, name: { ...name }, reason };
      return [{ type: 'competitor.renamed', actor, data }];
    });
  }

  /** Which experts mark a sub-criterion; judgement sub-criteria need the profile's panel size. */
  async setPanel(actor: string, subCriterion: string, expertIds: readonly string[]): Promise<void> {
    const experts = [...new Set(expertIds)];
    for (const expert of experts) {
      // A trainee joins no panel: its scores never count (docs/judge-analytics.md).
      if ((await this.expert(expert, { refresh: true })).trainee) {
        throw new ScoringError('trainee_on_panel', { expert, subCriterion });
      }
    }
    await this.execute((state) => {
      const sub = state.scoring.index.subCriterionById.get(subCriterion);
      if (!sub) throw new ScoringError('unknown_sub_criterion', { subCriterion });
      const judged = state.scoring.index.aspects
        .slice(sub.firstAspect, sub.endAspect)
        .some((aspect) => aspect.kind === 'judgement');
      const range = judged ? this.context.profile.judgesPerAspect : { min: 1, max: maxPanelSize };
      const min = judged ? Math.max(range.min, state.scoring.judgesPerAspect) : range.min;
      if (experts.length < min || experts.length > range.max) {
        throw new ScoringError('panel_size', {
          subCriterion,
          min,
          max: range.max,
          count: experts.length,
        });
      }
      return [{ type: 'panel.set', actor, data: { subCriterion, experts } }];
    });
  }

  async declareConflict(actor: string, expertId: string, competitorId: string): Promise<void> {
    await this.expert(expertId);
    await this.execute((state) => {
      if (!state.people.has(competitorId)) {
        throw new ScoringError('unknown_competitor', { competitor: competitorId });
      }
      if (state.conflicts.get(expertId)?.has(competitorId)) return [];
      return [
        {
          type: 'conflict.declared',
          actor,
          data: { expert: expertId, competitor: competitorId },
        },
      ];
    });
  }

  /**
   * Records an expert's marks. Each mark is checked on its own (panel, compatriot, declared
   * conflict, lock, value, panel size) and the accepted ones are appended together; a mark sent
   * again with the same id is acknowledged as a duplicate and appended nowhere.
   */
  async recordMarks(expertId: string, marks: readonly MarkInput[]): Promise<ItemResult[]> {
    const expert = await this.expert(expertId);
    if (expert.trainee) return this.recordTraineeScores(expertId, expert, marks);
    const inBatch = new Map<string, MarkEntry>();
    return this.decideItems(marks, (state, input) => {
      const mark: MarkEntry = { ...input, expert: expertId };
      const earlier = inBatch.get(mark.id) ?? this.recorded(state, mark);
      if (earlier) {
        return isSameMark(earlier, mark)
          ? 'duplicate'
          : reject('mark_id_reused', { mark: mark.id });
      }
      const rejection = this.markRejection(state, expert, mark);
      if (rejection) return rejection;
      inBatch.set(mark.id, mark);
      return [markRecordedDraft(mark)];
    });
  }

  /**
   * A trainee's scores (docs/judge-analytics.md): checked as a judge's (competitor, judgement
   * aspect, value, lock, compatriots and declared conflicts) but not against any panel, and
   * appended as `trainee.scored`, which the engine never reads, so nothing official changes.
   */
  private async recordTraineeScores(
    expertId: string,
    expert: ExpertParty,
    marks: readonly MarkInput[],
  ): Promise<ItemResult[]> {
    type Scored = Pick<TraineeMark, 'trainee' | 'competitor' | 'aspect' | 'score'>;
    const inBatch = new Map<string, Scored>();
    return this.decideItems(marks, (state, input) => {
      const earlier = inBatch.get(input.id) ?? state.trainees.get(input.id);
      if (earlier) {
        const same =
          earlier.trainee === expertId &&
          earlier.competitor === input.competitor &&
          earlier.aspect === input.aspect &&
          input.value.kind === 'judgement' &&
          earlier.score === input.value.score;
        return same ? 'duplicate' : reject('mark_id_reused', { mark: input.id });
      }
      if (state.results.published) return reject('results_published');
      const mark: MarkEntry = { ...input, expert: expertId };
      const rejection =
        state.scoring.validateTraineeScore(mark) ?? this.conflictRejection(state, expert, mark);
      if (rejection) return rejection;
      if (input.value.kind !== 'judgement') {
        return reject('trainee_judgement_only', { aspect: input.aspect });
      }
      inBatch.set(input.id, { trainee: expertId, ...input, score: input.value.score });
      const data = {
        mark: {
          id: input.id,
          competitor: input.competitor,
          aspect: input.aspect,
          score: input.value.score,
        },
      };
      return [{ type: TRAINEE_SCORED, actor: expertId, data }];
    });
  }

  /**
   * A correction: the new mark supersedes the expert's earlier one (both stay in the log), with a
   * reason; the same checks as a new mark apply. A resent correction is a duplicate.
   */
  async correctMark(
    expertId: string,
    markId: string,
    input: MarkInput,
    reason: string,
  ): Promise<ItemResult> {
    const expert = await this.expert(expertId);
    const [result] = await this.decideItems([input], (state) => {
      const mark: MarkEntry = { ...input, expert: expertId };
      const { draft, event } = scoringDraft('mark.superseded', expertId, {
        markId,
        mark: toJson(mark),
        reason,
      });
      const rejection = this.markRejection(state, expert, mark) ?? state.scoring.check(event);
      if (rejection) return rejection;
      return this.recorded(state, mark) ? 'duplicate' : [draft];
    });
    return result!;
  }

  /** Locks a sub-criterion; refused with the list of blockers while anything is missing or disputed. */
  async lock(actor: string, subCriterion: string): Promise<void> {
    await this.execute((state) => {
      const sub = state.scoring.index.subCriterionById.get(subCriterion);
      if (!sub) throw new ScoringError('unknown_sub_criterion', { subCriterion });
      const blockers = state.scoring.lockBlockers(subCriterion);
      if (blockers.length > 0) throw new LockBlockedError(subCriterion, blockers);
      return [this.checked(state, 'subCriterion.locked', actor, { subCriterion })];
    });
  }

  async unlock(actor: string, subCriterion: string, reason: string): Promise<void> {
    await this.execute((state) => [
      this.checked(state, 'subCriterion.unlocked', actor, { subCriterion, reason }),
    ]);
  }

  async signOff(expertId: string, subCriterion: string): Promise<void> {
    await this.execute((state) => {
      if (!state.panels.get(subCriterion)?.includes(expertId)) {
        throw new ScoringError('not_on_panel', { expert: expertId, subCriterion });
      }
      // A repeat (a tablet retrying after a lost answer) is acknowledged, not refused.
      const lock = state.scoring.lockState().find((entry) => entry.subCriterion === subCriterion);
      if (lock?.signOffs.some((signOff) => signOff.expert === expertId)) return [];
      return [
        this.checked(state, 'subCriterion.signedOff', expertId, { subCriterion, expert: expertId }),
      ];
    });
  }

  /**
   * Asks the judges of an open discrepancy to score the aspect again (a `rescore.requested` event
   * naming them); each stays pending until its new score arrives. Refused without a discrepancy.
   */
  async requestRescore(
    actor: string,
    competitor: string,
    aspect: string,
    reason?: string,
  ): Promise<RescoreRequest> {
    let asked = { subCriterion: '', experts: [] as string[] };
    const [stored] = await this.live.execute((state) => {
      refuseWhenClosed(state);
      const targets = rescoreTargets(state.scoring, competitor, aspect);
      if (!('experts' in targets)) throw new ScoringError(targets.reason, targets.params);
      asked = targets;
      // Checked like a scoring draft, so that replay can trust what it reads back.
      const data = rescoreRequestedSchema.parse({
        competitor,
        aspect,
        experts: targets.experts,
        ...(reason ? { reason } : {}),
      });
      return [{ type: 'rescore.requested', actor, data }];
    });
    // Re-scores applied right after it may have closed the request already: nobody is pending.
    return (
      this.state.rescore.get(competitor, aspect) ?? {
        competitor,
        aspect,
        subCriterion: asked.subCriterion,
        at: stored!.at,
        actor,
        reason: reason ?? null,
        pending: [],
      }
    );
  }

  async resolveDiscrepancy(
    actor: string,
    competitor: string,
    aspect: string,
    reason: string,
  ): Promise<void> {
    await this.execute((state) => [
      this.checked(state, 'discrepancy.resolved', actor, { competitor, aspect, reason }),
    ]);
  }

  async setCompetitorStatus(
    actor: string,
    competitor: string,
    status: CompetitorStatus,
    reason?: string,
  ): Promise<void> {
    await this.execute((state) => {
      this.unlessPublished(state);
      return [
        this.checked(state, 'competitor.status', actor, {
          competitor,
          status,
          ...(reason ? { reason } : {}),
        }),
      ];
    });
  }

  /**
   * Publishes the results as final, or re-publishes them after a correction. Refused with the
   * list of what is missing until every sub-criterion is locked and signed off by its panel; a
   * repeat while the results stand is acknowledged and appends nothing.
   */
  async publish(actor: string): Promise<void> {
    await this.execute((state) => {
      if (state.results.published) return [];
      const blockers = blockersOf(state);
      if (blockers.length > 0) throw new PublicationBlockedError(blockers);
      return [scoringDraft('results.published', actor, {}).draft];
    });
  }

  /** Where the results stand: marking, locked, final, correcting or corrected. */
  get resultsStage() {
    return stageOfResults(this.state);
  }

  board(view: BoardView): Board {
    return publicBoard(this.context, this.state, view);
  }

  /** What the chief expert watches: progress, disputes, locks and what keeps each from locking. */
  overview() {
    const scoring = this.state.scoring;
    return {
      competitionId: this.id,
      progress: scoring.progress(),
      openDiscrepancies: scoring.openDiscrepancies(),
      matrix: scoring.progressMatrix(),
      rescoreRequests: this.state.rescore.list(),
      locks: scoring.lockState(),
      blockers: Object.fromEntries(
        scoring.index.subCriteria.map((sub) => [sub.id, scoring.lockBlockers(sub.id)]),
      ),
      panels: Object.fromEntries(this.state.panels),
      conflicts: Object.fromEntries(
        [...this.state.conflicts].map(([expert, ids]) => [expert, [...ids]]),
      ),
      published: this.state.results.published,
      stage: stageOfResults(this.state),
      /** What keeps the results from being published: shown before anyone presses Publish. */
      publicationBlockers: blockersOf(this.state),
      corrections: this.state.results.corrections,
      head: this.head,
    };
  }

  /**
   * log/verify: the hash chain, and the state beside it (the kept snapshot, the state this
   * runtime serves) against a replay of the log from its first event. A served state the log
   * does not give is rebuilt from the log before this returns (LiveProjection.verify).
   */
  verifyLog(): Promise<LogVerdict> {
    return this.live.verify();
  }

  /**
   * Appends calibration events (docs/judge-analytics.md) decided on the round as the log holds
   * it. The engine never reads them; the log is read here because a round is small and runs
   * before marking starts. Two commands racing may decide on the same reading; the fold
   * (`foldCalibration`) then ignores a second opening and a score after the close, so the log
   * reads the same on every replay.
   */
  async calibrate(
    decide: (events: readonly StoredEvent[]) => readonly EventDraft[],
  ): Promise<void> {
    const seen = await this.events({ kind: 'calibration' });
    await this.execute(() => decide(seen));
  }

  /** The audit trail: every stored event, optionally narrowed. */
  async events(filter: EventFilter = {}): Promise<StoredEvent[]> {
    const found: StoredEvent[] = [];
    for await (const event of this.log.read(this.id)) {
      if (matches(event, filter)) found.push(event);
    }
    return found;
  }

  /** One page of the audit trail, newest events first read, returned oldest first. */
  eventPage(filter: EventFilter, page: EventPage) {
    return readEventPage(this.store, this.id, this.head.seq, filter, page);
  }

  /** The experts' names as registered, for a tablet that shows who entered a team mark. */
  async expertNames(expertIds: readonly string[]): Promise<{ id: string; name: PersonName }[]> {
    const reference = new ReferenceRepository(this.store);
    const found = await Promise.all(expertIds.map((id) => reference.find('experts', id)));
    return found.flatMap((expert) => {
      return expert?.competitionId === this.id ? [{ id: expert.id, name: expert.name }] : [];
    });
  }

  /** The competitor ids the expert may never mark: compatriots and declared conflicts. */
  async barredCompetitors(expertId: string): Promise<Set<string>> {
    const expert = await this.expert(expertId);
    const barred = new Set<string>();
    for (const [id, person] of this.state.people) {
      const party = { id, delegations: delegationKeysOf(person) };
      const conflict = conflictOf(
        this.withConflicts(this.state, expert),
        party,
        this.context.compatriotKey,
      );
      if (conflict) barred.add(id);
    }
    return barred;
  }

  private markRejection(state: RuntimeState, expert: ExpertParty, mark: MarkEntry) {
    if (state.results.published) return reject('results_published');
    const aspect = state.scoring.index.aspectByCode.get(mark.aspect);
    if (!aspect) return reject('unknown_aspect', { aspect: mark.aspect });
    const subCriterion = state.scoring.index.subCriteria[aspect.subCriterion]!.id;
    if (!state.panels.get(subCriterion)?.includes(mark.expert)) {
      return reject('not_on_panel', { expert: mark.expert, subCriterion });
    }
    return this.conflictRejection(state, expert, mark) ?? state.scoring.validateMark(mark);
  }

  /** A compatriot or a declared conflict between the expert and the mark's competitor. */
  private conflictRejection(state: RuntimeState, expert: ExpertParty, mark: MarkEntry) {
    const person = state.people.get(mark.competitor);
    if (!person) return reject('unknown_competitor', { competitor: mark.competitor });
    const competitor = { id: mark.competitor, delegations: delegationKeysOf(person) };
    return conflictOf(this.withConflicts(state, expert), competitor, this.context.compatriotKey);
  }

  private withConflicts(state: RuntimeState, expert: ExpertParty): ExpertParty {
    return { ...expert, conflicts: [...(state.conflicts.get(expert.id) ?? [])] };
  }

  /**
   * The mark already stored under this id, if any: a lookup by id, because rebuilding the cell's
   * history for every incoming mark was the largest cost of marking under load.
   */
  private recorded(state: RuntimeState, mark: MarkEntry): MarkEntry | undefined {
    return state.scoring.markById(mark.id);
  }

  /** Throws while the results are published: nothing may change them before an unlock. */
  private unlessPublished(state: RuntimeState): void {
    if (state.results.published) throw new ScoringError('results_published');
  }

  /** The event's draft, or the engine's reason for refusing it. */
  private checked(
    state: RuntimeState,
    type: ScoringEventType,
    actor: string,
    data: Record<string, JsonValue>,
  ): EventDraft {
    const { draft, event } = scoringDraft(type, actor, data);
    const rejection = state.scoring.check(event);
    if (rejection) throw new ScoringError(rejection.reason, rejection.params);
    return draft;
  }

  private async expert(
    expertId: string,
    options: { refresh?: boolean } = {},
  ): Promise<ExpertParty & { trainee: boolean }> {
    const cached = this.expertCache.get(expertId);
    if (cached && !options.refresh) return cached;
    const expert = await new ReferenceRepository(this.store).find('experts', expertId);
    if (!expert || expert.competitionId !== this.id) {
      throw new ScoringError('unknown_expert', { expert: expertId });
    }
    const party = {
      id: expert.id,
      delegations: delegationKeysOf(expert),
      trainee: expert.role === 'trainee',
    };
    this.expertCache.set(expertId, party);
    return party;
  }

  private async execute(decide: (state: RuntimeState) => readonly EventDraft[]): Promise<void> {
    await this.live.execute((state) => {
      refuseWhenClosed(state);
      return decide(state);
    });
  }

  /**
   * Closes the competition's log for good (a demo exam session deleted): a `competition.closed`
   * event with the reason, after which every command is refused (`competition_closed`), here
   * and on any server that replays the log. `guard` runs on the state in the same single-writer
   * step, so nothing can slip in between its check and the close. Closing again changes nothing.
   */
  async close(actor: string, reason: string, guard?: (state: RuntimeState) => void): Promise<void> {
    await this.live.execute((state) => {
      if (state.closed) return [];
      guard?.(state);
      return [{ type: 'competition.closed', actor, data: { reason } }];
    });
  }

  /**
   * Decides every item in one command, so the accepted ones share one durable append. With
   * `allOrNothing`, one refused item keeps every item out of the log (their results still say
   * which were acceptable).
   */
  private async decideItems<T extends { id: string }>(
    items: readonly T[],
    decideOne: (state: RuntimeState, item: T) => Rejection | 'duplicate' | EventDraft[],
    options: { allOrNothing?: boolean } = {},
  ): Promise<ItemResult[]> {
    let results: ItemResult[] = [];
    await this.live.execute((state) => {
      results = [];
      const drafts: EventDraft[] = [];
      for (const item of items) {
        const verdict = state.closed ? reject('competition_closed') : decideOne(state, item);
        if (verdict === 'duplicate') results.push({ id: item.id, status: 'duplicate' });
        else if (Array.isArray(verdict)) {
          drafts.push(...verdict);
          results.push({ id: item.id, status: 'accepted' });
        } else results.push({ id: item.id, status: 'rejected', ...verdict });
      }
      const refused = results.some((result) => result.status === 'rejected');
      return options.allOrNothing && refused ? [] : drafts;
    });
    return results;
  }
}

function refuseWhenClosed(state: RuntimeState): void {
  if (state.closed) throw new ScoringError('competition_closed');
}
