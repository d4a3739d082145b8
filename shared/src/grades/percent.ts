import { roundHalfUp } from '../scoring/rounding';

/**
 * A percent rounded to 2 decimals half-up, as grade boundaries are defined on it (89.995 -> 90.00:
 * the float noise is removed first, see roundHalfUp). Refuses what is not a number.
 */
export function roundPercent(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`roundPercent: not a finite number: ${value}`);
  return roundHalfUp(value, 2);
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
