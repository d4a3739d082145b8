/** A ranked result as the best-of-delegation report compares it across competencies. */
export interface DelegationResult {
  team: string;
  competitionId: string;
  competitorId: string;
  /** Null (guest, absent, withdrawn): never a delegation's best. */
  position: number | null;
  percent: number;
}

export interface DelegationBest<T extends DelegationResult> {
  team: string;
  /** More than one when they are equal on position and percent: all are named, none dropped. */
  best: T[];
}

/**
 * The best competitor of each region or college: the best position in its competency, then
 * the higher percent of that competency's maximum (totals of different schemes do not compare).
 * Teams come in the order of their best results.
 */
export function bestOfDelegation<T extends DelegationResult>(
  results: readonly T[],
): DelegationBest<T>[] {
  const better = (a: T, b: T) => a.position! - b.position! || b.percent - a.percent;
  const byTeam = new Map<string, T[]>();
  for (const result of results) {
    if (result.position === null) continue;
    const current = byTeam.get(result.team);
    if (!current || better(result, current[0]!) < 0) byTeam.set(result.team, [result]);
    else if (better(result, current[0]!) === 0) current.push(result);
  }
  return [...byTeam]
    .map(([team, best]) => ({ team, best }))
    .sort((a, b) => better(a.best[0]!, b.best[0]!) || a.team.localeCompare(b.team));
}
