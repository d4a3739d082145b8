import type { RulesProfile } from '../profiles/profile';
import type { MarkingScheme } from '../scheme/schema';
import { CompetitorState, type AspectRules } from './competitor-state';
import {
  isSameCompetitorEntry,
  isSameMark,
  type CompetitorEntry,
  type ScoringEvent,
  type ScoringEventOf,
} from './events';
import { MarkBook, NONE, type StoredMark } from './mark-book';
import type { MarkEntry } from './marks';
import { reject, ScoringError, type Rejection } from './reasons';
import { measurementMark } from './measurement';
import type { IndexedAspect } from './scheme-index';
import { projectionSnapshotSchema, type ProjectionSnapshot } from './snapshot';
import { checkValueFits } from './validation';
import { ProjectionState } from './views';

export interface ProjectionSetup {
  scheme: MarkingScheme;
  profile: RulesProfile;
  competitors: readonly CompetitorEntry[];
  /** Judges per judgement aspect in this competition; the profile's default when omitted. */
  judgesPerAspect?: number;
}

export type ApplyOutcome =
  { readonly ok: true; readonly duplicate: boolean } | ({ ok: false } & Rejection);

/** Shared, frozen: an accepted event costs no allocation (a replay applies hundreds of thousands). */
const ACCEPTED: ApplyOutcome = Object.freeze({ ok: true, duplicate: false });
const REPEATED: ApplyOutcome = Object.freeze({ ok: true, duplicate: true });

const DUPLICATE = 'duplicate';

/**
 * The live state of one competition, projected from its event log. `apply` changes only what
 * the event touches: a mark recomputes one aspect, that competitor's sums and the standings
 * (insertion into the order plus a linear re-rank). `recompute` replays a whole log with the
 * standings deferred to the end; both paths run the same code on the same data in the same
 * order, which is why they give identical state (a property test holds them to it).
 */
export class CompetitionProjection extends ProjectionState {
  private readonly aspectRules: AspectRules;
  private deferred = false;
  private eventsSeen = 0;
  /**
   * Where the last assessed mark event points (its competitor, aspect and, for a correction or
   * withdrawal, the mark it names): `assess` finds them and `mutate` reuses them, so each id is
   * looked up once per event and nothing is allocated to carry them.
   */
  private hitCompetitor: CompetitorState | undefined;
  private hitAspect: IndexedAspect | undefined;
  private hitMark = NONE;

  private constructor(setup: ProjectionSetup) {
    super(setup.scheme, setup.profile);
    const judges = setup.judgesPerAspect ?? setup.profile.judgesPerAspect.default;
    const allowed = setup.profile.judgesPerAspect;
    if (!Number.isInteger(judges) || judges < allowed.min || judges > allowed.max) {
      throw new RangeError(
        `judgesPerAspect ${judges} is outside ${allowed.min}..${allowed.max} of ${setup.profile.id}`,
      );
    }
    this.aspectRules = {
      formula: setup.profile.judgementFormula,
      discrepancyThreshold: setup.profile.discrepancyThreshold,
      panelSize: judges,
    };
    for (const entry of setup.competitors) {
      if (this.byId.has(entry.id))
        throw new ScoringError('competitor_exists', { competitor: entry.id });
      this.addCompetitor(entry);
    }
  }

  static create(setup: ProjectionSetup): CompetitionProjection {
    const projection = new CompetitionProjection(setup);
    projection.deriveAll();
    return projection;
  }

  /** Replays a whole log: the same state as applying the events one by one, computed once. */
  static recompute(setup: ProjectionSetup, events: Iterable<ScoringEvent>): CompetitionProjection {
    const projection = new CompetitionProjection(setup);
    projection.deferred = true;
    if (Array.isArray(events)) {
      projection.book.reserve(events.length);
      // Indexed: an iterator would allocate a result object per event.
      const list = events as readonly ScoringEvent[];
      for (let i = 0; i < list.length; i++) projection.apply(list[i]!);
    } else {
      for (const event of events) projection.apply(event);
    }
    projection.deferred = false;
    projection.deriveAll();
    return projection;
  }

  static restore(
    setup: Omit<ProjectionSetup, 'competitors' | 'judgesPerAspect'>,
    input: unknown,
  ): CompetitionProjection {
    const snapshot = projectionSnapshotSchema.parse(input);
    if (snapshot.profile !== setup.profile.id) {
      throw new ScoringError('snapshot_mismatch', {
        expected: setup.profile.id,
        got: snapshot.profile,
      });
    }
    const projection = new CompetitionProjection({
      ...setup,
      competitors: snapshot.competitors,
      judgesPerAspect: snapshot.judgesPerAspect,
    });
    projection.load(snapshot);
    projection.deriveAll();
    return projection;
  }

  get version(): number {
    return this.eventsSeen;
  }

  get judgesPerAspect(): number {
    return this.aspectRules.panelSize;
  }

  /** Whether the event would be accepted (null) or why not; changes nothing. */
  check(event: ScoringEvent): Rejection | null {
    const verdict = this.assess(event);
    return verdict === DUPLICATE ? null : verdict;
  }

  /** A mark as an expert would send it: scheme, competitor, lock and panel checks. */
  validateMark(mark: MarkEntry): Rejection | null {
    const verdict = this.assessMark(mark);
    return verdict === DUPLICATE ? null : verdict;
  }

  /**
   * A trainee's score (docs/judge-analytics.md), checked as a judge's would be for the
   * competitor, the aspect (judgement only), the value and the lock; never against the panel,
   * which a trainee never joins, and never filed: the engine does not hold it.
   */
  validateTraineeScore(mark: MarkEntry): Rejection | null {
    if (!this.byId.has(mark.competitor)) {
      return reject('unknown_competitor', { competitor: mark.competitor });
    }
    const aspect = this.index.aspectByCode.get(mark.aspect);
    if (!aspect) return reject('unknown_aspect', { aspect: mark.aspect });
    if (aspect.kind !== 'judgement')
      return reject('trainee_judgement_only', { aspect: mark.aspect });
    return checkValueFits(aspect, mark.value) ?? this.lockedRejection(aspect);
  }

  /**
   * The mark stored under this id, wherever it is filed, superseded and withdrawn ones included:
   * what a resent mark is compared with, without building any cell's history.
   */
  markById(id: string): MarkEntry | undefined {
    return this.book.get(id)?.mark;
  }

  /** Applies one event. A refused event changes nothing; a repeated one is acknowledged once. */
  apply(event: ScoringEvent): ApplyOutcome {
    this.eventsSeen++;
    const verdict = this.assess(event);
    if (verdict === DUPLICATE) return REPEATED;
    if (verdict) return { ok: false, ...verdict };
    this.mutate(event);
    return ACCEPTED;
  }

  private addCompetitor(entry: CompetitorEntry): CompetitorState {
    const competitor = new CompetitorState(this.competitors.length, entry, this.index);
    this.competitors.push(competitor);
    this.byId.set(competitor.id, competitor);
    return competitor;
  }

  private assess(event: ScoringEvent): Rejection | typeof DUPLICATE | null {
    switch (event.type) {
      case 'competitor.registered': {
        const existing = this.byId.get(event.competitor.id);
        if (!existing) {
          // A competitor added after a lock would leave the locked sub-criterion incomplete.
          const locked = this.locks.findIndex((lock) => lock !== undefined);
          return locked < 0
            ? null
            : reject('registration_closed', { subCriterion: this.index.subCriteria[locked]!.id });
        }
        return isSameCompetitorEntry(existing.entry(), event.competitor)
          ? DUPLICATE
          : reject('competitor_exists', { competitor: event.competitor.id });
      }
      case 'competitor.status': {
        const competitor = this.byId.get(event.competitor);
        if (!competitor) return reject('unknown_competitor', { competitor: event.competitor });
        return competitor.status === event.status ? DUPLICATE : null;
      }
      case 'mark.recorded':
        return this.assessMark(event.mark);
      case 'mark.superseded':
        return this.assessCorrection(event);
      case 'mark.withdrawn': {
        if (!this.place(event.markId)) return reject('mark_not_found', { mark: event.markId });
        if (!this.book.isCurrent(this.hitMark)) {
          return reject('mark_not_current', { mark: event.markId });
        }
        return this.lockedRejection(this.hitAspect!);
      }
      case 'discrepancy.resolved': {
        const competitor = this.byId.get(event.competitor);
        if (!competitor) return reject('unknown_competitor', { competitor: event.competitor });
        const aspect = this.index.aspectByCode.get(event.aspect);
        if (!aspect) return reject('unknown_aspect', { aspect: event.aspect });
        if (!competitor.hasOpenDiscrepancy(aspect.index)) {
          return reject('no_open_discrepancy', {
            competitor: event.competitor,
            aspect: event.aspect,
          });
        }
        return this.lockedRejection(aspect);
      }
      case 'subCriterion.locked':
      case 'subCriterion.unlocked':
      case 'subCriterion.signedOff':
        return this.assessLockEvent(event);
      case 'results.published':
        return null;
    }
  }

  private assessMark(mark: MarkEntry): Rejection | typeof DUPLICATE | null {
    const existing = this.book.numberOf(mark.id);
    if (existing !== NONE) {
      return isSameMark(this.book.stored(existing).mark, mark)
        ? DUPLICATE
        : reject('mark_id_reused', { mark: mark.id });
    }
    const competitor = this.byId.get(mark.competitor);
    if (!competitor) return reject('unknown_competitor', { competitor: mark.competitor });
    const aspect = this.index.aspectByCode.get(mark.aspect);
    if (!aspect) return reject('unknown_aspect', { aspect: mark.aspect });
    const unfit = checkValueFits(aspect, mark.value);
    if (unfit) return unfit;
    const locked = this.lockedRejection(aspect);
    if (locked) return locked;
    const panel = this.aspectRules.panelSize;
    if (
      aspect.kind === 'judgement' &&
      competitor.panelFullWithout(this.book.knownExpert(mark.expert), aspect, panel, this.book)
    ) {
      return reject('panel_full', {
        competitor: mark.competitor,
        aspect: mark.aspect,
        judges: panel,
      });
    }
    this.hitCompetitor = competitor;
    this.hitAspect = aspect;
    return null;
  }

  private assessCorrection(
    event: ScoringEventOf<'mark.superseded'>,
  ): Rejection | typeof DUPLICATE | null {
    const replacement = this.book.get(event.mark.id);
    if (replacement) {
      const same =
        replacement.type === 'mark.superseded' &&
        replacement.markId === event.markId &&
        isSameMark(replacement.mark, event.mark);
      return same ? DUPLICATE : reject('mark_id_reused', { mark: event.mark.id });
    }
    if (!this.place(event.markId)) return reject('mark_not_found', { mark: event.markId });
    if (!this.book.isCurrent(this.hitMark))
      return reject('mark_not_current', { mark: event.markId });
    const old = this.book.stored(this.hitMark).mark;
    const aspect = this.hitAspect!;
    const judged = aspect.kind === 'judgement';
    if (
      old.competitor !== event.mark.competitor ||
      old.aspect !== event.mark.aspect ||
      (judged && old.expert !== event.mark.expert)
    ) {
      return reject('supersede_mismatch', {
        mark: event.markId,
        competitor: old.competitor,
        aspect: old.aspect,
      });
    }
    return checkValueFits(aspect, event.mark.value) ?? this.lockedRejection(aspect);
  }

  private assessLockEvent(
    event: ScoringEventOf<
      'subCriterion.locked' | 'subCriterion.unlocked' | 'subCriterion.signedOff'
    >,
  ): Rejection | null {
    const sub = this.index.subCriterionById.get(event.subCriterion);
    if (!sub) return reject('unknown_sub_criterion', { subCriterion: event.subCriterion });
    const lock = this.locks[sub.index];
    if (event.type === 'subCriterion.locked') {
      if (lock) return reject('already_locked', { subCriterion: sub.id });
      const blockers = this.lockBlockers(sub.id).length;
      return blockers > 0
        ? reject('lock_blocked', { subCriterion: sub.id, count: blockers })
        : null;
    }
    if (!lock) return reject('not_locked', { subCriterion: sub.id });
    if (
      event.type === 'subCriterion.signedOff' &&
      lock.signOffs.some((s) => s.expert === event.expert)
    ) {
      return reject('already_signed_off', { subCriterion: sub.id, expert: event.expert });
    }
    return null;
  }

  private lockedRejection(aspect: IndexedAspect): Rejection | null {
    if (!this.locks[aspect.subCriterion]) return null;
    return reject('sub_criterion_locked', {
      subCriterion: this.index.subCriteria[aspect.subCriterion]!.id,
      aspect: aspect.code,
    });
  }

  private mutate(event: ScoringEvent): void {
    const { at, actor } = event;
    switch (event.type) {
      case 'competitor.registered':
        return this.competitorChanged(this.addCompetitor(event.competitor));
      case 'competitor.status': {
        const competitor = this.byId.get(event.competitor)!;
        competitor.status = event.status;
        return this.competitorChanged(competitor);
      }
      case 'mark.recorded': {
        const competitor = this.hitCompetitor!;
        const aspect = this.hitAspect!;
        const added = this.attach(event, competitor, aspect);
        const replaced = competitor.replacedBy(aspect, this.book.expert[added]!, this.book, added);
        if (replaced !== NONE) this.book.replace(replaced, added);
        return this.aspectChanged(competitor, aspect);
      }
      case 'mark.superseded': {
        const old = this.hitMark;
        const competitor = this.hitCompetitor!;
        const aspect = this.hitAspect!;
        this.book.replace(old, this.attach(event, competitor, aspect));
        return this.aspectChanged(competitor, aspect);
      }
      case 'mark.withdrawn': {
        this.book.withdraw(this.hitMark, { reason: event.reason, at, actor });
        return this.aspectChanged(this.hitCompetitor!, this.hitAspect!);
      }
      case 'discrepancy.resolved': {
        const aspect = this.index.aspectByCode.get(event.aspect)!;
        this.byId
          .get(event.competitor)!
          .resolutions.set(aspect.index, { reason: event.reason, at, actor });
        return;
      }
      case 'subCriterion.locked':
        this.locks[this.index.subCriterionById.get(event.subCriterion)!.index] = {
          at,
          actor,
          signOffs: [],
        };
        return;
      case 'subCriterion.unlocked':
        // Sign-offs vouch for the locked figures; after an unlock they are void.
        this.locks[this.index.subCriterionById.get(event.subCriterion)!.index] = undefined;
        return;
      case 'subCriterion.signedOff':
        this.locks[this.index.subCriterionById.get(event.subCriterion)!.index]!.signOffs.push({
          expert: event.expert,
          at,
          actor,
        });
        return;
      case 'results.published':
        this.publication = { at, actor };
        return;
    }
  }

  /** Finds where a stored mark is filed (into the hit fields); false when no mark has this id. */
  private place(markId: string): boolean {
    const n = this.book.numberOf(markId);
    if (n === NONE) return false;
    const { mark } = this.book.stored(n);
    this.hitMark = n;
    this.hitCompetitor = this.byId.get(mark.competitor)!;
    this.hitAspect = this.index.aspectByCode.get(mark.aspect)!;
    return true;
  }

  /** Files a mark in the book and its cell's chain, its value decoded once; returns its number. */
  private attach(stored: StoredMark, competitor: CompetitorState, aspect: IndexedAspect): number {
    const value = stored.mark.value;
    let decoded = Number.NaN;
    let expert = NONE;
    if (aspect.kind === 'judgement') {
      if (value.kind === 'judgement') decoded = value.score;
      expert = this.book.expertNumber(stored.mark.expert);
    } else if (value.kind !== 'judgement') {
      decoded = measurementMark(aspect.aspect, value);
    }
    const n = this.book.add(stored, decoded, expert);
    competitor.addMark(aspect.index, n, this.book);
    return n;
  }

  private aspectChanged(competitor: CompetitorState, aspect: IndexedAspect): void {
    competitor.refreshAspect(aspect, this.aspectRules, this.book);
    if (this.deferred) return;
    if (competitor.refreshTotalsAfter(aspect, this.digits)) this.competitorChanged(competitor);
  }

  private competitorChanged(competitor: CompetitorState): void {
    if (this.deferred) return;
    this.standings.place(competitor);
    this.ranksStale = true;
  }

  private deriveAll(): void {
    for (const competitor of this.competitors) competitor.refreshAllTotals(this.digits);
    this.standings.rebuild(this.competitors);
    this.ranksStale = true;
  }

  private load(snapshot: ProjectionSnapshot): void {
    const touched = new Set<CompetitorState>();
    for (const record of snapshot.marks) {
      const competitor = this.byId.get(record.competitor);
      const aspect = this.index.aspectByCode.get(record.aspect);
      if (!competitor || !aspect || this.book.numberOf(record.id) !== NONE) {
        const params = { mark: record.id, competitor: record.competitor, aspect: record.aspect };
        throw new ScoringError('snapshot_mismatch', params);
      }
      this.book.relink(this.attach(MarkBook.fromRecord(record), competitor, aspect), record);
      touched.add(competitor);
    }
    for (const competitor of touched) {
      for (const aspect of this.index.aspects) {
        if (competitor.hasMarks(aspect.index)) {
          competitor.refreshAspect(aspect, this.aspectRules, this.book);
        }
      }
    }
    for (const { competitor, aspect, ...resolution } of snapshot.resolutions) {
      const indexed = this.index.aspectByCode.get(aspect);
      const owner = this.byId.get(competitor);
      if (!indexed || !owner) throw new ScoringError('snapshot_mismatch', { competitor, aspect });
      owner.resolutions.set(indexed.index, resolution);
    }
    for (const { subCriterion, ...lock } of snapshot.locks) {
      const sub = this.index.subCriterionById.get(subCriterion);
      if (!sub) throw new ScoringError('snapshot_mismatch', { subCriterion });
      this.locks[sub.index] = lock;
    }
    this.publication = snapshot.published;
    this.eventsSeen = snapshot.version;
  }
}
