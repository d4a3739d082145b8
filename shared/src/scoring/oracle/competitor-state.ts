import type { CompetitorEntry, CompetitorStatus } from '../events';
import type { DelegationKeys } from '../conflicts';
import { isDiscrepant, judgementMark, type JudgementFormulaId } from '../judgement';
import type { MarkBook, StoredMark } from './mark-book';
import type { Medal } from '../medals';
import { measurementMark } from '../measurement';
import { roundHalfUp } from '../rounding';
import type { IndexedAspect, SchemeIndex } from '../scheme-index';
import { criterionSum, grandSum, sectionSum, subCriterionSum, totalsOf } from '../totals';

export interface Resolution {
  reason: string;
  at: string;
  actor: string;
}

/** Scratch for a panel's scores: refreshing an aspect should not allocate. */
const scores: number[] = [];

export interface AspectRules {
  formula: JudgementFormulaId;
  discrepancyThreshold: number;
  panelSize: number;
}

/**
 * Everything the projection knows about one competitor. Marks live in arrays indexed like the
 * scheme index (NaN = not marked); totals are kept at full precision and only the total is
 * rounded eagerly, because ranking needs it on every change.
 */
export class CompetitorState {
  readonly id: string;
  readonly guest: boolean;
  readonly delegations: DelegationKeys | undefined;
  status: CompetitorStatus;
  readonly marks: Float64Array;
  readonly slots: (StoredMark[] | undefined)[];
  readonly discrepant: Uint8Array;
  readonly resolutions = new Map<number, Resolution>();
  readonly markedPerSubCriterion: Int32Array;
  readonly subCriterionTotals: Float64Array;
  readonly criterionTotals: Float64Array;
  readonly sectionTotals: Float64Array;
  total = 0;
  rounded = 0;
  position: number | null = null;
  medal: Medal | null = null;
  medallion = false;
  scaled: number | null = null;

  constructor(
    readonly index: number,
    entry: CompetitorEntry,
    private readonly scheme: SchemeIndex,
  ) {
    this.id = entry.id;
    this.guest = entry.guest;
    this.delegations = entry.delegations;
    this.status = entry.status ?? 'active';
    const aspects = scheme.aspects.length;
    this.marks = new Float64Array(aspects).fill(Number.NaN);
    this.slots = new Array<StoredMark[] | undefined>(aspects);
    this.discrepant = new Uint8Array(aspects);
    this.markedPerSubCriterion = new Int32Array(scheme.subCriteria.length);
    this.subCriterionTotals = new Float64Array(scheme.subCriteria.length);
    this.criterionTotals = new Float64Array(scheme.criteria.length);
    this.sectionTotals = new Float64Array(scheme.sections.length);
  }

  get active(): boolean {
    return this.status === 'active';
  }

  entry(): CompetitorEntry {
    const entry: CompetitorEntry = { id: this.id, guest: this.guest, status: this.status };
    if (this.delegations) entry.delegations = { ...this.delegations };
    return entry;
  }

  /** The marks that count now: one per judge for judgement, at most one for measurement. */
  currentMarks(aspect: number, book: MarkBook): StoredMark[] {
    return this.slots[aspect]?.filter((stored) => book.isCurrent(stored)) ?? [];
  }

  /** The current mark a new one from this expert (any expert for measurement) replaces. */
  replacedBy(aspect: IndexedAspect, expert: string, book: MarkBook): StoredMark | undefined {
    const slot = this.slots[aspect.index];
    if (!slot) return undefined;
    for (let i = slot.length - 1; i >= 0; i--) {
      const stored = slot[i]!;
      if (aspect.kind === 'judgement' && stored.mark.expert !== expert) continue;
      if (book.isCurrent(stored)) return stored;
    }
    return undefined;
  }

  /** Whether the panel already has `panel` current scores, none of them from this expert. */
  panelFullWithout(expert: string, aspect: IndexedAspect, panel: number, book: MarkBook): boolean {
    let judges = 0;
    for (const stored of this.slots[aspect.index] ?? []) {
      if (!book.isCurrent(stored)) continue;
      if (stored.mark.expert === expert) return false;
      judges++;
    }
    return judges >= panel;
  }

  addMark(aspect: number, stored: StoredMark): void {
    const slot = this.slots[aspect];
    // A literal of one is allocated at its exact size; an empty array's first push reserves
    // room for 17, which across every cell of a national replay was most of its garbage.
    if (slot) slot.push(stored);
    else this.slots[aspect] = [stored];
  }

  hasOpenDiscrepancy(aspect: number): boolean {
    return this.discrepant[aspect] === 1 && !this.resolutions.has(aspect);
  }

  /**
   * Recomputes one aspect's mark and discrepancy flag from its current records. Any change to
   * the records voids an earlier resolution: it was about scores that no longer stand.
   */
  refreshAspect(aspect: IndexedAspect, rules: AspectRules, book: MarkBook): void {
    const a = aspect.index;
    const slot = this.slots[a] ?? [];
    let mark = Number.NaN;
    let discrepant = 0;
    if (aspect.kind === 'judgement') {
      scores.length = 0;
      for (const stored of slot) {
        if (stored.mark.value.kind === 'judgement' && book.isCurrent(stored))
          scores.push(stored.mark.value.score);
      }
      if (scores.length >= rules.panelSize) {
        mark = judgementMark(rules.formula, aspect.aspect.maxMark, scores);
        discrepant = isDiscrepant(scores, rules.discrepancyThreshold) ? 1 : 0;
      }
    } else {
      const last = slot[slot.length - 1];
      if (last && last.mark.value.kind !== 'judgement' && book.isCurrent(last)) {
        mark = measurementMark(aspect.aspect, last.mark.value);
      }
    }
    const wasMarked = this.marks[a] === this.marks[a];
    const isMarked = mark === mark;
    if (wasMarked !== isMarked)
      this.markedPerSubCriterion[aspect.subCriterion]! += isMarked ? 1 : -1;
    this.marks[a] = mark;
    this.discrepant[a] = discrepant;
    this.resolutions.delete(a);
  }

  /** Updates the sums one aspect feeds; returns whether the rounded total moved. */
  refreshTotalsAfter(aspect: IndexedAspect, digits: number): boolean {
    const index = this.scheme;
    this.subCriterionTotals[aspect.subCriterion] = subCriterionSum(
      index,
      this.marks,
      aspect.subCriterion,
    );
    this.criterionTotals[aspect.criterion] = criterionSum(
      index,
      this.subCriterionTotals,
      aspect.criterion,
    );
    if (aspect.section >= 0)
      this.sectionTotals[aspect.section] = sectionSum(index, this.marks, aspect.section);
    return this.setTotal(grandSum(this.criterionTotals), digits);
  }

  refreshAllTotals(digits: number): void {
    const totals = totalsOf(this.scheme, this.marks);
    this.subCriterionTotals.set(totals.subCriteria);
    this.criterionTotals.set(totals.criteria);
    this.sectionTotals.set(totals.sections);
    this.setTotal(totals.total, digits);
  }

  private setTotal(total: number, digits: number): boolean {
    this.total = total;
    const rounded = roundHalfUp(total, digits);
    const moved = rounded !== this.rounded;
    this.rounded = rounded;
    return moved;
  }
}
