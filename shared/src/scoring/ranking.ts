/**
 * Standard competition ranking ("1224"): equal totals share a position and the next position
 * skips as many places as were shared. Totals here are the rounded totals (2 decimals), so two
 * competitors whose rounded totals are equal are tied even if their full-precision sums differ.
 */
export function standardPositions(totalsBestFirst: ArrayLike<number>): number[] {
  const positions: number[] = new Array<number>(totalsBestFirst.length);
  for (let i = 0; i < totalsBestFirst.length; i++) {
    positions[i] =
      i > 0 && totalsBestFirst[i] === totalsBestFirst[i - 1] ? positions[i - 1]! : i + 1;
  }
  return positions;
}

export interface Rankable {
  total: number;
  /** False for guests and absent or withdrawn competitors: listed, but take no position. */
  ranked: boolean;
}

export interface RankedRow<T> {
  entry: T;
  position: number | null;
}

/**
 * Orders entries best first (ties keep their input order) and gives positions to the ranked
 * ones only: an unranked entry is listed where its total puts it but does not take a place.
 */
export function rankByTotal<T extends Rankable>(entries: readonly T[]): RankedRow<T>[] {
  const ordered = entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => b.entry.total - a.entry.total || a.order - b.order)
    .map(({ entry }) => entry);
  const rankedPositions = standardPositions(ordered.filter((e) => e.ranked).map((e) => e.total));
  let next = 0;
  return ordered.map((entry) => ({
    entry,
    position: entry.ranked ? rankedPositions[next++]! : null,
  }));
}
