import { z } from 'zod';
import { reasonRefinement } from './localized-issue';
import {
  checkDigitFailure,
  shapeFailure,
  type CheckDigitFailure,
  type ShapeFailure,
} from './twelve-digits';

/**
 * BIN (БСН / БИН), 12 digits: YYMM of registration, type, attribute, a 5-digit serial and the
 * check digit. BINs identify organisations and are public (printed on protocols).
 */

export const binTypes = ['resident', 'non_resident', 'joint_entrepreneurship'] as const;
export type BinType = (typeof binTypes)[number];
/** Indexed by the 6th digit, 0-3. */
export const binAttributes = [
  'head_office',
  'branch',
  'representative_office',
  'peasant_farm',
] as const;
export type BinAttribute = (typeof binAttributes)[number];

/** The 5th digit: 4 resident legal entity, 5 non-resident, 6 joint individual entrepreneurship. */
const TYPE_BY_DIGIT: Record<string, BinType> = {
  '4': 'resident',
  '5': 'non_resident',
  '6': 'joint_entrepreneurship',
};

export interface ValidBin {
  ok: true;
  bin: string;
  registered: { year: number; month: number };
  type: BinType;
  attribute: BinAttribute;
}

export type BinFailure =
  | ShapeFailure
  | { ok: false; reason: 'date'; month: number }
  | { ok: false; reason: 'type'; digit: number }
  | { ok: false; reason: 'attribute'; digit: number }
  | CheckDigitFailure;

export type BinCheck = ValidBin | BinFailure;
export type BinFailureReason = BinFailure['reason'];

/**
 * Two-digit registration years 50-99 read as 1950-1999, 00-49 as 2000-2049: organisations
 * re-registered with a BIN keep their original registration date (e.g. 810840000017 is 1981).
 */
function registrationYear(twoDigits: number): number {
  return twoDigits >= 50 ? 1900 + twoDigits : 2000 + twoDigits;
}

/** Checks a BIN: digits and length, month 01-12, type and attribute digits, check digit. */
export function validateBin(value: string): BinCheck {
  const shape = shapeFailure(value);
  if (shape) return shape;
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return { ok: false, reason: 'date', month };
  const type = TYPE_BY_DIGIT[value[4]!];
  if (!type) return { ok: false, reason: 'type', digit: Number(value[4]) };
  const attribute = binAttributes[Number(value[5])];
  if (!attribute) return { ok: false, reason: 'attribute', digit: Number(value[5]) };
  const checkDigit = checkDigitFailure(value);
  if (checkDigit) return checkDigit;
  return {
    ok: true,
    bin: value,
    registered: { year: registrationYear(Number(value.slice(0, 2))), month },
    type,
    attribute,
  };
}

export function isValidBin(value: string): boolean {
  return validateBin(value).ok;
}

/** A trimmed BIN; an invalid one fails with a localised reason (see localizeIssue). */
export const binSchema = z
  .string()
  .trim()
  .superRefine(reasonRefinement(validateBin, 'identifiers', 'bin'));
