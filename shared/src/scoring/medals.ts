export const medalKinds = ['gold', 'silver', 'bronze'] as const;
export type Medal = (typeof medalKinds)[number];

/** Null rules: the event awards no medals (a demo exam). */
export interface MedalRules {
  /** No medals at all when fewer competitors are ranked (null: no minimum). */
  minField: number | null;
}

/**
 * Position 1 gold, 2 silver, 3 bronze. With 1224 ranking two golds leave no position 2, so
 * the next competitor (position 3) gets bronze, as docs/scoring.md requires.
 */
export function medalForPosition(
  position: number | null,
  rankedCount: number,
  rules: MedalRules | null,
): Medal | null {
  if (!rules || position === null) return null;
  if (rules.minField !== null && rankedCount < rules.minField) return null;
  return medalKinds[position - 1] ?? null;
}

/** Null rules: no medallions. */
export interface MedallionRules {
  /** 'scaled': the standardised score (700 scale); 'percent': percent of the scheme total. */
  basis: 'scaled' | 'percent';
  threshold: number;
}

export interface MedallionCandidate {
  ranked: boolean;
  medal: Medal | null;
  scaled: number | null;
  percent: number;
}

/** Medallion for excellence: a ranked competitor without a medal at or above the threshold. */
export function earnsMedallion(
  rules: MedallionRules | null,
  candidate: MedallionCandidate,
): boolean {
  if (!rules || !candidate.ranked || candidate.medal !== null) return false;
  const score = rules.basis === 'scaled' ? candidate.scaled : candidate.percent;
  return score !== null && score >= rules.threshold;
}
