/**
 * The shape and check digit shared by IIN and BIN (Government resolution No. 406 of 22 May 2007).
 */

export const IDENTIFIER_LENGTH = 12;

const FIRST_PASS_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

export type ShapeFailure =
  | { ok: false; reason: 'non_digit'; position: number }
  | { ok: false; reason: 'length'; length: number };

/**
 * Reports the first character that is not an ASCII digit (1-based position) before the length,
 * so that "12345678901O" says "letter at 12" rather than nothing useful.
 */
export function shapeFailure(value: string): ShapeFailure | undefined {
  const badIndex = [...value].findIndex((char) => char < '0' || char > '9');
  if (badIndex >= 0) return { ok: false, reason: 'non_digit', position: badIndex + 1 };
  if (value.length !== IDENTIFIER_LENGTH)
    return { ok: false, reason: 'length', length: value.length };
  return undefined;
}

function weightedSumMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i]!;
  return sum % 11;
}

/**
 * The check digit for the first 11 digits, or null when both passes give 10: such a number is
 * never issued, whatever its 12th digit.
 */
export function checkDigitOf(first11: string): number | null {
  const first = weightedSumMod11(first11, FIRST_PASS_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedSumMod11(first11, SECOND_PASS_WEIGHTS);
  return second === 10 ? null : second;
}

export type CheckDigitFailure =
  { ok: false; reason: 'check_digit'; expected: number } | { ok: false; reason: 'never_issued' };

export function checkDigitFailure(digits: string): CheckDigitFailure | undefined {
  const expected = checkDigitOf(digits.slice(0, 11));
  if (expected === null) return { ok: false, reason: 'never_issued' };
  if (expected !== Number(digits[11])) return { ok: false, reason: 'check_digit', expected };
  return undefined;
}
