import type { MarkingScheme } from '../scheme/schema';
import { roundHalfUp } from './rounding';
import { indexScheme, type SchemeIndex } from './scheme-index';

/**
 * Sums of aspect marks at full precision. An unmarked aspect (NaN) counts 0. The order of
 * addition is fixed by the scheme index (aspects in a sub-criterion, sub-criteria in a
 * criterion, criteria in the total), so an incremental update and a full recompute agree to
 * the last bit. Rounding happens only for display and ranking.
 */
export function subCriterionSum(index: SchemeIndex, marks: ArrayLike<number>, sub: number): number {
  const { firstAspect, endAspect } = index.subCriteria[sub]!;
  let sum = 0;
  for (let a = firstAspect; a < endAspect; a++) {
    const mark = marks[a]!;
    if (mark === mark) sum += mark;
  }
  return sum;
}

export function criterionSum(
  index: SchemeIndex,
  subTotals: ArrayLike<number>,
  criterion: number,
): number {
  const { firstSubCriterion, endSubCriterion } = index.criteria[criterion]!;
  let sum = 0;
  for (let s = firstSubCriterion; s < endSubCriterion; s++) sum += subTotals[s]!;
  return sum;
}

export function sectionSum(index: SchemeIndex, marks: ArrayLike<number>, section: number): number {
  let sum = 0;
  for (const a of index.sections[section]!.aspects) {
    const mark = marks[a]!;
    if (mark === mark) sum += mark;
  }
  return sum;
}

export function grandSum(criterionTotals: ArrayLike<number>): number {
  let sum = 0;
  for (let c = 0; c < criterionTotals.length; c++) sum += criterionTotals[c]!;
  return sum;
}

export interface TotalsArrays {
  subCriteria: Float64Array;
  criteria: Float64Array;
  sections: Float64Array;
  total: number;
}

/** Every sum of one competitor's aspect marks (index order, full precision). */
export function totalsOf(index: SchemeIndex, marks: ArrayLike<number>): TotalsArrays {
  const subCriteria = new Float64Array(index.subCriteria.length);
  const criteria = new Float64Array(index.criteria.length);
  const sections = new Float64Array(index.sections.length);
  for (let s = 0; s < subCriteria.length; s++) subCriteria[s] = subCriterionSum(index, marks, s);
  for (let c = 0; c < criteria.length; c++) criteria[c] = criterionSum(index, subCriteria, c);
  for (let s = 0; s < sections.length; s++) sections[s] = sectionSum(index, marks, s);
  return { subCriteria, criteria, sections, total: grandSum(criteria) };
}

export interface RoundedTotals {
  subCriteria: Record<string, number>;
  criteria: Record<string, number>;
  sections: Record<string, number>;
  total: number;
}

/** Keyed by id and rounded half-up for display, ranking and documents. */
export function roundTotals(index: SchemeIndex, totals: TotalsArrays, digits = 2): RoundedTotals {
  const keyed = (ids: readonly { id: string }[], values: Float64Array) =>
    Object.fromEntries(ids.map((item, i) => [item.id, roundHalfUp(values[i]!, digits)]));
  return {
    subCriteria: keyed(index.subCriteria, totals.subCriteria),
    criteria: keyed(index.criteria, totals.criteria),
    sections: keyed(index.sections, totals.sections),
    total: roundHalfUp(totals.total, digits),
  };
}

/** Totals for aspect marks given by code (e.g. an individual result sheet or a preview). */
export function totalsFromMarks(
  scheme: MarkingScheme,
  marksByAspect: Readonly<Record<string, number | null | undefined>>,
  digits = 2,
): RoundedTotals {
  const index = indexScheme(scheme);
  const marks = Float64Array.from(index.aspects, (a) => marksByAspect[a.code] ?? Number.NaN);
  return roundTotals(index, totalsOf(index, marks), digits);
}

/** The maxima of the scheme: what a competitor with every aspect at full marks would get. */
export function schemeMaxima(scheme: MarkingScheme, digits = 2): RoundedTotals {
  const index = indexScheme(scheme);
  return roundTotals(index, totalsOf(index, index.maxMarks), digits);
}
