/**
 * Judgement aspects: a panel scores 0..3 against the descriptors; the aspect mark follows the
 * profile's named formula. docs/scoring.md marks max * mean / 3 as unverified, so the formula is a
 * profile setting chosen by id, never a constant in the engine.
 */
export const judgementFormulaIds = ['max-mean-over-3'] as const;
export type JudgementFormulaId = (typeof judgementFormulaIds)[number];

export const JUDGEMENT_SCORE_MAX = 3;

/** Scores are the first `count` entries of `scores` (the engine passes a reused scratch array). */
type Formula = (maxMark: number, scores: ArrayLike<number>, count: number) => number;

const formulas: Record<JudgementFormulaId, Formula> = {
  'max-mean-over-3': (maxMark, scores, count) => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += scores[i]!;
    // The share first: max * share never exceeds max, where (max * sum) / (3 * n) could by a
    // binary rounding step (14.3 * 9 / 9 is 14.300000000000002).
    return maxMark * (sum / (JUDGEMENT_SCORE_MAX * count));
  },
};

/**
 * The aspect mark for a complete panel's scores, at full precision, within [0, max]. The scores
 * are the first `count` entries of `scores` (all of them by default).
 */
export function judgementMark(
  formula: JudgementFormulaId,
  maxMark: number,
  scores: ArrayLike<number>,
  count = scores.length,
): number {
  if (count === 0) throw new RangeError('a judgement mark needs at least one score');
  return formulas[formula](maxMark, scores, count);
}

/** max(scores) - min(scores), over the first `count` scores. */
export function scoreSpread(scores: ArrayLike<number>, count = scores.length): number {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < count; i++) {
    const score = scores[i]!;
    if (score < low) low = score;
    if (score > high) high = score;
  }
  return count === 0 ? 0 : high - low;
}

/** A discrepancy is a spread strictly greater than the profile's threshold (default 1). */
export function isDiscrepant(
  scores: ArrayLike<number>,
  threshold: number,
  count = scores.length,
): boolean {
  return scoreSpread(scores, count) > threshold;
}
