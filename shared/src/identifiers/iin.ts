import { z } from 'zod';
import { reasonRefinement } from './localized-issue';
import {
  checkDigitFailure,
  shapeFailure,
  type CheckDigitFailure,
  type ShapeFailure,
} from './twelve-digits';

/**
 * IIN (ЖСН / ИИН), 12 digits: YYMMDD birth date, a century-and-sex digit, a 4-digit serial and
 * the check digit. IINs are personal data (Law No. 94-V): never show them on public pages
 * unmasked, and never put real people's IINs in tests or seeds (use `syntheticIin`).
 */

export type Sex = 'male' | 'female';
/** The first year of the birth century: 1800 for the 1800s, and so on. */
export type Century = 1800 | 1900 | 2000;

export interface ValidIin {
  ok: true;
  iin: string;
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
  century: Century;
}

export type IinFailure =
  | ShapeFailure
  | { ok: false; reason: 'century'; digit: number }
  | { ok: false; reason: 'date' }
  | CheckDigitFailure;

export type IinCheck = ValidIin | IinFailure;
export type IinFailureReason = IinFailure['reason'];

const CENTURY_BY_DIGIT: Record<string, { century: Century; sex: Sex }> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

/** The 7th digit for a birth century and sex (inverse of the table above). */
export function centuryDigit(century: Century, sex: Sex): number {
  const entry = Object.entries(CENTURY_BY_DIGIT).find(
    ([, meaning]) => meaning.century === century && meaning.sex === sex,
  );
  return Number(entry![0]);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * Checks an IIN: digits and length, century digit (0, 7, 8, 9 are never used), a real birth
 * date in that century (so 000229 is valid for 2000 but not for 1900), then the check digit.
 * Only the first problem is reported. The check digit misses most typos in the 11th digit (its
 * first-pass weight, 11, is 0 mod 11; see synthetic.test.ts). A birth date in the future is not rejected here, since
 * that depends on the clock; the caller decides.
 */
export function validateIin(value: string): IinCheck {
  const shape = shapeFailure(value);
  if (shape) return shape;
  const centuryAndSex = CENTURY_BY_DIGIT[value[6]!];
  if (!centuryAndSex) return { ok: false, reason: 'century', digit: Number(value[6]) };
  const year = centuryAndSex.century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'date' };
  const checkDigit = checkDigitFailure(value);
  if (checkDigit) return checkDigit;
  return {
    ok: true,
    iin: value,
    birthDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
    sex: centuryAndSex.sex,
    century: centuryAndSex.century,
  };
}

export function isValidIin(value: string): boolean {
  return validateIin(value).ok;
}

/**
 * For public pages: only the last four digits stay visible. The birth date and sex are hidden
 * too, because docs/access-and-roles.md forbids birth dates on public pages; the serial and check digit
 * reveal nothing about the person, and let a student recognise their own row.
 * Anything that is not 12 digits is masked entirely, so a malformed value never leaks.
 */
export function maskIin(value: string): string {
  if (shapeFailure(value)) return '*'.repeat(value.length);
  return '*'.repeat(8) + value.slice(8);
}

/** A trimmed IIN; an invalid one fails with a localised reason (see localizeIssue). */
export const iinSchema = z
  .string()
  .trim()
  .superRefine(reasonRefinement(validateIin, 'identifiers', 'iin'));
