/**
 * Percent of max points, rounded to 2 decimals half-up, as grade boundaries are defined on it.
 *
 * Binary floats cannot hold most decimals: 89.995 is stored as 89.99499999…, and a plain
 * Math.round(x * 100) / 100 gives 89.99 where a person (and the protocol) expects 90.00.
 * Cutting the value to 15 significant digits first, the precision a double always keeps,
 * removes that representation and arithmetic noise; real marks never differ from a rounding
 * boundary by less than that.
 */
const SIGNIFICANT_DIGITS = 15;

export function roundPercent(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`roundPercent: not a finite number: ${value}`);
  const hundredths = Number((Math.abs(value) * 100).toPrecision(SIGNIFICANT_DIGITS));
  // Half-up means away from zero for negatives (-0.005 -> -0.01), hence the sign split.
  const rounded = (Math.sign(value) * Math.round(hundredths)) / 100;
  return rounded === 0 ? 0 : rounded;
}

/** `points` out of `max` as a percent, rounded to 2 decimals half-up; 0 <= points <= max. */
export function percentOf(points: number, max: number): number {
  if (!Number.isFinite(max) || max <= 0)
    throw new RangeError(`percentOf: max must be > 0, got ${max}`);
  if (!Number.isFinite(points) || points < 0) {
    throw new RangeError(`percentOf: points must be >= 0, got ${points}`);
  }
  const percent = roundPercent((points * 100) / max);
  // Sums of aspect marks may exceed max by float noise (100.00000000000001), not by a hundredth.
  if (percent > 100) throw new RangeError(`percentOf: ${points} points exceed the max of ${max}`);
  return percent;
}
