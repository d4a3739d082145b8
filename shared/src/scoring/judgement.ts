/**
 * Judgement aspects: a panel scores 0..3 against the descriptors; the aspect mark follows the
 * profile's named formula. docs/scoring.md marks max * mean / 3 as unverified, so the formula is a
 * profile setting chosen by id, never a constant in the engine.
 */
export const judgementFormulaIds = ['max-mean-over-3'] as const;
export type JudgementFormulaId = (typeof judgementFormulaIds)[number];

export const JUDGEMENT_SCORE_MAX = 3;

const formulas: Record<JudgementFormulaId, (maxMark: number, scores: readonly number[]) => number> =
  {
    'max-mean-over-3': (maxMark, scores) => {
      let sum = 0;
      for (const score of scores) sum += score;
      // The share first: max * share never exceeds max, where (max * sum) / (3 * n) could by a
      // binary rounding step (14.3 * 9 / 9 is 14.300000000000002).
      return maxMark * (sum / (JUDGEMENT_SCORE_MAX * scores.length));
    },
  };

/** The aspect mark for a complete panel's scores, at full precision, within [0, max]. */
export function judgementMark(
  formula: JudgementFormulaId,
  maxMark: number,
  scores: readonly number[],
): number {
  if (scores.length === 0) throw new RangeError('a judgement mark needs at least one score');
  return formulas[formula](maxMark, scores);
}

/** max(scores) - min(scores). */
export function scoreSpread(scores: readonly number[]): number {
  let low = Infinity;
  let high = -Infinity;
  for (const score of scores) {
    if (score < low) low = score;
    if (score > high) high = score;
  }
  return scores.length === 0 ? 0 : high - low;
}

/** A discrepancy is a spread strictly greater than the profile's threshold (default 1). */
export function isDiscrepant(scores: readonly number[], threshold: number): boolean {
  return scoreSpread(scores) > threshold;
}
