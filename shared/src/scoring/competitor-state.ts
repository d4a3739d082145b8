import type { CompetitorEntry, CompetitorStatus } from './events';
import type { DelegationKeys } from './conflicts';
import { isDiscrepant, judgementMark, type JudgementFormulaId } from './judgement';
import { NONE, type MarkBook } from './mark-book';
import type { Medal } from './medals';
import { roundHalfUp } from './rounding';
import type { IndexedAspect, SchemeIndex } from './scheme-index';
import { criterionSum, grandSum, sectionSum, subCriterionSum, totalsOf } from './totals';

export interface Resolution {
  reason: string;
  at: string;
  actor: string;
}

/**
 * Scratch for a panel's scores: refreshing an aspect should not allocate. A typed array, never
 * shrunk (emptying a plain array by `length = 0` frees its store, and the next push allocates).
 */
let scores = new Float64Array(16);

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
  /** First and last mark number of each aspect's chain (NONE: unmarked); see MarkBook. */
  readonly first: Int32Array;
  readonly last: Int32Array;
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
    this.first = new Int32Array(aspects).fill(NONE);
    this.last = new Int32Array(aspects).fill(NONE);
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

  /** The numbers of the marks that count now: one per judge for judgement, at most one for measurement. */
  currentMarks(aspect: number, book: MarkBook): number[] {
    const current: number[] = [];
    for (let n = this.first[aspect]!; n !== NONE; n = book.next[n]!) {
      if (book.isCurrent(n)) current.push(n);
    }
    return current;
  }

  /** Every mark of one aspect in arrival order, replaced and withdrawn ones too. */
  history(aspect: number, book: MarkBook): number[] {
    const all: number[] = [];
    for (let n = this.first[aspect]!; n !== NONE; n = book.next[n]!) all.push(n);
    return all;
  }

  hasMarks(aspect: number): boolean {
    return this.first[aspect] !== NONE;
  }

  /**
   * The current mark a new one from this expert (any expert for measurement) replaces, or NONE;
   * marks from `end` on (the new mark itself, already chained) are not looked at.
   */
  replacedBy(aspect: IndexedAspect, expert: number, book: MarkBook, end = NONE): number {
    let found = NONE;
    const judged = aspect.kind === 'judgement';
    for (let n = this.first[aspect.index]!; n !== NONE && n !== end; n = book.next[n]!) {
      if (judged && book.expert[n] !== expert) continue;
      if (book.isCurrent(n)) found = n;
    }
    return found;
  }

  /** Whether the panel already has `panel` current scores, none of them from this expert. */
  panelFullWithout(expert: number, aspect: IndexedAspect, panel: number, book: MarkBook): boolean {
    let judges = 0;
    for (let n = this.first[aspect.index]!; n !== NONE; n = book.next[n]!) {
      if (!book.isCurrent(n)) continue;
      if (book.expert[n] === expert) return false;
      judges++;
    }
    return judges >= panel;
  }

  /** Appends mark `n` to its aspect's chain. */
  addMark(aspect: number, n: number, book: MarkBook): void {
    const last = this.last[aspect]!;
    if (last === NONE) this.first[aspect] = n;
    else book.next[last] = n;
    this.last[aspect] = n;
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
    let mark = Number.NaN;
    let discrepant = 0;
    if (aspect.kind === 'judgement') {
      let count = 0;
      for (let n = this.first[a]!; n !== NONE; n = book.next[n]!) {
        const score = book.value[n]!;
        if (score !== score || !book.isCurrent(n)) continue;
        if (count === scores.length) {
          const wider = new Float64Array(count * 2);
          wider.set(scores);
          scores = wider;
        }
        scores[count++] = score;
      }
      if (count >= rules.panelSize) {
        mark = judgementMark(rules.formula, aspect.aspect.maxMark, scores, count);
        discrepant = isDiscrepant(scores, rules.discrepancyThreshold, count) ? 1 : 0;
      }
    } else {
      const last = this.last[a]!;
      if (last !== NONE && book.isCurrent(last)) mark = book.value[last]!;
    }
    const wasMarked = this.marks[a] === this.marks[a];
    const isMarked = mark === mark;
    if (wasMarked !== isMarked)
      this.markedPerSubCriterion[aspect.subCriterion]! += isMarked ? 1 : -1;
    this.marks[a] = mark;
    this.discrepant[a] = discrepant;
    if (this.resolutions.size > 0) this.resolutions.delete(a);
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
