/**
 * Decimal rounding for marks and totals.
 *
 * Binary floats store 1.005 as 1.00499999999999989..., so a naive `Math.round(x * 100) / 100`
 * gives 1.00. A double carries 15-17 significant decimal digits; anything past the 15th is
 * representation or summation noise. We therefore scale to the target unit (hundredths), cut the
 * scaled value back to 15 significant digits (which restores the decimal the user meant:
 * 100.49999999999999 -> 100.5), and only then round half away from zero. Marks and totals are
 * never negative, so "half-up" and "half away from zero" agree where it matters.
 */
const SIGNIFICANT_DIGITS = 15;

/** Removes float noise beyond 15 significant digits (0.30000000000000004 -> 0.3). */
export function stripFloatNoise(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}

/** Rounds half-up to `digits` decimals: roundHalfUp(1.005, 2) = 1.01, roundHalfUp(2.675, 2) = 2.68. */
export function roundHalfUp(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  const magnitude = Math.abs(value) * factor;
  // Noise past the 15th significant digit moves a value by under 1e-14 of itself, so it can only
  // change the result next to a half (100.49999999999999). Elsewhere the decimal text that
  // removes it (toPrecision, the costly step of a re-rank) is skipped: the result is the same.
  const fromHalf = Math.abs(magnitude - Math.floor(magnitude) - 0.5);
  const scaled = fromHalf > magnitude * 1e-13 ? magnitude : stripFloatNoise(magnitude);
  const rounded = Math.floor(scaled + 0.5) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * Measured values, targets and mark parameters are decimals with a few places. Working in
 * integer millionths makes differences and multiples exact (|0.3 - 0.1| / 0.1 is exactly 2,
 * not 1.9999999999999998). Values are quantised to 6 decimals, far below any real unit.
 */
export const MICRO = 1_000_000;

export function toMicro(value: number): number {
  return Math.round(value * MICRO);
}
