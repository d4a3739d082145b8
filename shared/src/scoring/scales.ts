import { roundHalfUp } from './rounding';

/**
 * Standardised scales (both unverified against an official document, hence profile settings):
 * - ws700:     700 + 30 * (x - median) / (1.4826 * MAD), MAD = median of |x - median|;
 * - legacy500: 500 + 20 * (x - mean) / sd, sd the population standard deviation.
 * The population is the competition's ranked competitors (the caller decides; the projection
 * excludes guests, absent and withdrawn). Degenerate populations (fewer than two, or a spread
 * of zero: everyone equal, or more than half on the median for MAD) give everyone the centre.
 */
export const scaleKinds = ['none', 'ws700', 'legacy500'] as const;
export type ScaleKind = (typeof scaleKinds)[number];
export type StandardScale = Exclude<ScaleKind, 'none'>;

const centreOf: Record<StandardScale, number> = { ws700: 700, legacy500: 500 };
const stepOf: Record<StandardScale, number> = { ws700: 30, legacy500: 20 };
/** Makes MAD a consistent estimator of the standard deviation for normally distributed totals. */
const MAD_TO_SD = 1.4826;
/** Spreads below this are float noise around equal totals (totals are 2-decimal numbers). */
const ZERO_SPREAD = 1e-9;

export interface ScaleParameters {
  scale: StandardScale;
  /** Median (ws700) or mean (legacy500) of the population's totals. */
  location: number;
  /** 1.4826 * MAD (ws700) or sd (legacy500); 0 when degenerate. */
  spread: number;
  population: number;
}

export function scaleParameters(scale: StandardScale, totals: readonly number[]): ScaleParameters {
  const n = totals.length;
  if (n === 0) return { scale, location: 0, spread: 0, population: 0 };
  let location: number;
  let spread: number;
  if (scale === 'ws700') {
    location = median(totals);
    spread = MAD_TO_SD * median(totals.map((x) => Math.abs(x - location)));
  } else {
    let sum = 0;
    for (const x of totals) sum += x;
    location = sum / n;
    let squares = 0;
    for (const x of totals) squares += (x - location) ** 2;
    spread = Math.sqrt(squares / n);
  }
  if (n < 2 || !(spread > ZERO_SPREAD)) spread = 0;
  return { scale, location, spread, population: n };
}

/** The standardised score of a raw total, rounded like every displayed figure. */
export function scaledScore(parameters: ScaleParameters, total: number, digits = 2): number {
  const centre = centreOf[parameters.scale];
  if (parameters.spread === 0) return centre;
  return roundHalfUp(
    centre + (stepOf[parameters.scale] * (total - parameters.location)) / parameters.spread,
    digits,
  );
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
