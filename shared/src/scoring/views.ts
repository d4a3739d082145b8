import type { RulesProfile } from '../profiles/profile';
import type { MarkingScheme } from '../scheme/schema';
import type { CompetitorState, Resolution } from './competitor-state';
import type { DelegationKeys } from './conflicts';
import type { CompetitorStatus } from './events';
import { MarkBook, type MarkRecord } from './mark-book';
import type { Medal } from './medals';
import { ScoringError, type ScoringReason } from './reasons';
import { roundHalfUp } from './rounding';
import { indexScheme, type SchemeIndex } from './scheme-index';
import { scaleParameters, type ScaleParameters } from './scales';
import type { ProjectionSnapshot } from './snapshot';
import { percentOfMax, Standings } from './standings';
import { totalsOf } from './totals';

export interface LockRecord {
  at: string;
  actor: string;
  signOffs: { expert: string; at: string; actor: string }[];
}

export interface RankingRow {
  competitor: string;
  guest: boolean;
  status: CompetitorStatus;
  /** Rounded total: what is shown, ranked and printed. */
  total: number;
  /** Rounded total as a percent of the scheme's maximum, rounded. */
  percent: number;
  /** Null for guests, absent and withdrawn competitors. */
  position: number | null;
  medal: Medal | null;
  medallion: boolean;
  /** Standardised score (700 or 500 scale); null without a scale or without a place in it. */
  scaled: number | null;
  /** Percent at or above the profile's pass threshold; null where the profile has none. */
  passed: boolean | null;
  /** Aspects marked of the scheme's aspects. */
  progress: { marked: number; total: number };
}

export interface CompetitorResult extends RankingRow {
  delegations: DelegationKeys;
  /** Full-precision total, for audit; rankings use `total`. */
  rawTotal: number;
  /** Full-precision aspect marks by code; null where not (fully) marked. */
  aspects: Record<string, number | null>;
  subCriteria: Record<string, number>;
  criteria: Record<string, number>;
  sections: Record<string, number>;
}

export interface SubCriterionProgress {
  subCriterion: string;
  day: number;
  /** Competitor x aspect marks present, over active competitors (guests count, absent do not). */
  marked: number;
  required: number;
  locked: boolean;
}

/** One competitor's marking of one sub-criterion: a cell of the chief's progress matrix. */
export interface ProgressCell {
  subCriterion: string;
  competitor: string;
  /** Aspects of the sub-criterion marked for this competitor. */
  marked: number;
  required: number;
  /** Experts whose marks count in this cell, sorted by id. */
  experts: string[];
}

export interface OpenDiscrepancy {
  competitor: string;
  aspect: string;
  subCriterion: string;
  scores: { expert: string; score: number; mark: string }[];
  spread: number;
}

export interface LockBlocker {
  reason: Extract<ScoringReason, 'aspect_unmarked' | 'discrepancy_open'>;
  competitor: string;
  aspect: string;
}

export interface LockState {
  subCriterion: string;
  locked: boolean;
  at: string | null;
  actor: string | null;
  signOffs: LockRecord['signOffs'];
}

export interface AspectState {
  mark: number | null;
  /** The marks that count now. */
  current: MarkRecord[];
  /** Every mark ever entered for this competitor and aspect, superseded and withdrawn ones too. */
  history: MarkRecord[];
  discrepancy: 'none' | 'open' | 'resolved';
  resolution: Resolution | null;
}

/**
 * The state a projection holds and the read-only queries over it. Queries build plain objects
 * on demand; nothing here changes state.
 */
export abstract class ProjectionState {
  readonly index: SchemeIndex;
  protected readonly competitors: CompetitorState[] = [];
  protected readonly byId = new Map<string, CompetitorState>();
  protected readonly book = new MarkBook();
  protected readonly locks: (LockRecord | undefined)[];
  protected readonly standings: Standings;
  /**
   * A total or a status changed since positions, medals, scaled scores and medallions were last
   * derived. They are derived when a row is read, not on every mark: re-ranking every competitor
   * ran before each mark's acknowledgement (4 % of the marking path's allocation), and as a pure
   * function of the order and the totals it gives the same whenever it runs.
   */
  protected ranksStale = false;
  protected readonly digits: number;
  /** The scheme's maximum total, rounded like every total. */
  readonly maxTotal: number;
  protected publication: { at: string; actor: string } | null = null;

  protected constructor(
    scheme: MarkingScheme,
    readonly profile: RulesProfile,
  ) {
    this.index = indexScheme(scheme);
    this.digits = profile.rounding.digits;
    this.maxTotal = roundHalfUp(totalsOf(this.index, this.index.maxMarks).total, this.digits);
    this.locks = new Array<LockRecord | undefined>(this.index.subCriteria.length);
    this.standings = new Standings({
      digits: this.digits,
      medals: profile.medals,
      medallion: profile.medallion,
      scale: profile.scale,
      maxTotal: this.maxTotal,
    });
  }

  /** Events applied so far, accepted or not. */
  abstract get version(): number;

  abstract get judgesPerAspect(): number;

  get published(): { at: string; actor: string } | null {
    return this.publication && { ...this.publication };
  }

  /** The projection's own state (not the derived totals), JSON-serialisable; see `restore`. */
  snapshot(): ProjectionSnapshot {
    const resolutions: ProjectionSnapshot['resolutions'] = [];
    for (const competitor of this.competitors) {
      for (const [aspect, resolution] of [...competitor.resolutions].sort((a, b) => a[0] - b[0])) {
        resolutions.push({
          competitor: competitor.id,
          aspect: this.index.aspects[aspect]!.code,
          ...resolution,
        });
      }
    }
    const locks: ProjectionSnapshot['locks'] = [];
    this.locks.forEach((lock, s) => {
      if (lock)
        locks.push({ subCriterion: this.index.subCriteria[s]!.id, ...structuredClone(lock) });
    });
    return {
      format: 1,
      profile: this.profile.id,
      judgesPerAspect: this.judgesPerAspect,
      version: this.version,
      competitors: this.competitors.map((c) => ({ ...c.entry(), status: c.status })),
      marks: this.book.records(),
      resolutions,
      locks,
      published: this.published,
    };
  }

  /** Every competitor: active ones in ranking order (guests where their total puts them), then absent and withdrawn. */
  rankingRows(): RankingRow[] {
    return this.inDisplayOrder().map((c) => this.row(c));
  }

  results(): CompetitorResult[] {
    return this.inDisplayOrder().map((c) => this.result(c));
  }

  competitorResult(id: string): CompetitorResult | undefined {
    const competitor = this.byId.get(id);
    return competitor && this.result(competitor);
  }

  /**
   * The standardised scale in use and its parameters over the ranked competitors (null without
   * a scale), so a board can name the formula and say when everyone got the centre (spread 0).
   */
  scaleInfo(): ScaleParameters | null {
    if (this.profile.scale === 'none') return null;
    const ranked = this.standings.ordered().filter((c) => !c.guest);
    return scaleParameters(
      this.profile.scale,
      ranked.map((c) => c.rounded),
    );
  }

  progress(): { subCriteria: SubCriterionProgress[]; marked: number; required: number } {
    const active = this.competitors.filter((c) => c.active);
    let marked = 0;
    let required = 0;
    const subCriteria = this.index.subCriteria.map((sub) => {
      let subMarked = 0;
      for (const competitor of active) subMarked += competitor.markedPerSubCriterion[sub.index]!;
      const subRequired = active.length * (sub.endAspect - sub.firstAspect);
      marked += subMarked;
      required += subRequired;
      return {
        subCriterion: sub.id,
        day: sub.day,
        marked: subMarked,
        required: subRequired,
        locked: this.locks[sub.index] !== undefined,
      };
    });
    return { subCriteria, marked, required };
  }

  /**
   * Progress per sub-criterion and competitor, for the active competitors `progress` counts (so
   * the cells of a sub-criterion sum to its progress), with who has marked each cell.
   */
  progressMatrix(): ProgressCell[] {
    const cells: ProgressCell[] = [];
    const active = this.competitors.filter((c) => c.active);
    for (const sub of this.index.subCriteria) {
      for (const competitor of active) {
        const experts = new Set<string>();
        for (let a = sub.firstAspect; a < sub.endAspect; a++) {
          for (const n of competitor.currentMarks(a, this.book))
            experts.add(this.book.stored(n).mark.expert);
        }
        cells.push({
          subCriterion: sub.id,
          competitor: competitor.id,
          marked: competitor.markedPerSubCriterion[sub.index]!,
          required: sub.endAspect - sub.firstAspect,
          experts: [...experts].sort(),
        });
      }
    }
    return cells;
  }

  openDiscrepancies(): OpenDiscrepancy[] {
    const open: OpenDiscrepancy[] = [];
    for (const competitor of this.competitors) {
      if (!competitor.active) continue;
      for (const aspect of this.index.aspects) {
        if (!competitor.hasOpenDiscrepancy(aspect.index)) continue;
        const scores = competitor.currentMarks(aspect.index, this.book).map((n) => {
          const { mark } = this.book.stored(n);
          return {
            expert: mark.expert,
            score: mark.value.kind === 'judgement' ? mark.value.score : 0,
            mark: mark.id,
          };
        });
        const values = scores.map((s) => s.score);
        open.push({
          competitor: competitor.id,
          aspect: aspect.code,
          subCriterion: this.index.subCriteria[aspect.subCriterion]!.id,
          scores,
          spread: Math.max(...values) - Math.min(...values),
        });
      }
    }
    return open;
  }

  lockState(): LockState[] {
    return this.index.subCriteria.map((sub) => {
      const lock = this.locks[sub.index];
      return {
        subCriterion: sub.id,
        locked: lock !== undefined,
        at: lock?.at ?? null,
        actor: lock?.actor ?? null,
        signOffs: lock ? lock.signOffs.map((s) => ({ ...s })) : [],
      };
    });
  }

  /** What keeps a sub-criterion from being locked: unmarked aspects and open discrepancies of active competitors. */
  lockBlockers(subCriterion: string): LockBlocker[] {
    const sub = this.index.subCriterionById.get(subCriterion);
    if (!sub) throw new ScoringError('unknown_sub_criterion', { subCriterion });
    const blockers: LockBlocker[] = [];
    for (const competitor of this.competitors) {
      if (!competitor.active) continue;
      for (let a = sub.firstAspect; a < sub.endAspect; a++) {
        const aspect = this.index.aspects[a]!.code;
        if (competitor.marks[a] !== competitor.marks[a]) {
          blockers.push({ reason: 'aspect_unmarked', competitor: competitor.id, aspect });
        } else if (competitor.hasOpenDiscrepancy(a)) {
          blockers.push({ reason: 'discrepancy_open', competitor: competitor.id, aspect });
        }
      }
    }
    return blockers;
  }

  /**
   * The marks that count on one cell now, without its history (aspectState's): what a push to
   * teammates or a panel's figures read, at a cost that does not grow with the cell's corrections.
   */
  currentMarks(competitorId: string, aspectCode: string): MarkRecord[] | undefined {
    const competitor = this.byId.get(competitorId);
    const aspect = this.index.aspectByCode.get(aspectCode);
    if (!competitor || !aspect) return undefined;
    return this.records(competitor.currentMarks(aspect.index, this.book));
  }

  aspectState(competitorId: string, aspectCode: string): AspectState | undefined {
    const competitor = this.byId.get(competitorId);
    const aspect = this.index.aspectByCode.get(aspectCode);
    if (!competitor || !aspect) return undefined;
    const a = aspect.index;
    const mark = competitor.marks[a]!;
    const resolution = competitor.resolutions.get(a) ?? null;
    return {
      mark: mark === mark ? mark : null,
      current: this.records(competitor.currentMarks(a, this.book)),
      history: this.records(competitor.history(a, this.book)),
      discrepancy: competitor.discrepant[a] === 1 ? (resolution ? 'resolved' : 'open') : 'none',
      resolution: resolution && { ...resolution },
    };
  }

  /** The book's records of the given mark numbers, in their order. */
  private records(numbers: readonly number[]): MarkRecord[] {
    return numbers.map((n) => this.book.record(n));
  }

  private inDisplayOrder(): CompetitorState[] {
    return [...this.standings.ordered(), ...this.competitors.filter((c) => !c.active)];
  }

  private row(c: CompetitorState): RankingRow {
    if (this.ranksStale) {
      this.ranksStale = false;
      this.standings.rerank(this.competitors);
    }
    const percent = percentOfMax(c.rounded, this.maxTotal);
    const threshold = this.profile.passThreshold;
    let marked = 0;
    for (let s = 0; s < c.markedPerSubCriterion.length; s++) marked += c.markedPerSubCriterion[s]!;
    return {
      competitor: c.id,
      guest: c.guest,
      status: c.status,
      total: c.rounded,
      percent,
      position: c.position,
      medal: c.medal,
      medallion: c.medallion,
      scaled: c.scaled,
      passed: threshold === null ? null : c.active && percent >= threshold,
      progress: { marked, total: this.index.aspects.length },
    };
  }

  private result(c: CompetitorState): CompetitorResult {
    const round = (value: number) => roundHalfUp(value, this.digits);
    const keyed = (items: readonly { id: string }[], values: Float64Array) =>
      Object.fromEntries(items.map((item, i) => [item.id, round(values[i]!)]));
    return {
      ...this.row(c),
      delegations: { ...c.delegations },
      rawTotal: c.total,
      aspects: Object.fromEntries(
        this.index.aspects.map((a) => [
          a.code,
          c.marks[a.index] === c.marks[a.index] ? c.marks[a.index]! : null,
        ]),
      ),
      subCriteria: keyed(this.index.subCriteria, c.subCriterionTotals),
      criteria: keyed(this.index.criteria, c.criterionTotals),
      sections: keyed(this.index.sections, c.sectionTotals),
    };
  }
}
