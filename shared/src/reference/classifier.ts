import { z } from 'zod';
import { addReasonIssue, reasonRefinement } from '../identifiers/localized-issue';

/**
 * Codes of the classifier of TVET specialties and qualifications. Kept as text, never numbers:
 * leading zeros matter (06130100).
 *
 * - Current (2018 and later): specialty = 8 digits ending in 00, the first four being the
 *   ISCED-F 2013 field (0613 software); qualification = level prefix (3W worker, 4S mid-level
 *   specialist, 5AB applied bachelor) + the specialty's first six digits + a serial 01-99
 *   (4S06130105 belongs to 06130100).
 * - Legacy (7 digits, still in college records): specialty ends in 000 (1304000);
 *   qualification = the specialty's first four digits + a 3-digit serial (1304043).
 */

export const qualificationLevels = ['3W', '4S', '5AB'] as const;
export type QualificationLevel = (typeof qualificationLevels)[number];
export type ClassifierEdition = 'current' | 'legacy';

const CURRENT_LENGTH = 8;
const LEGACY_LENGTH = 7;
/** ISCED-F 2013 broad fields run from 00 (generic) to 10 (services). */
const LAST_BROAD_FIELD = 10;

/**
 * Trims, upper-cases, and turns Cyrillic А and В typed on a Russian layout into the Latin
 * letters of the level prefix (4S, 5AB).
 */
export function normalizeClassifierCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/А/g, 'A').replace(/В/g, 'B');
}

type DigitsFailure =
  | { ok: false; reason: 'non_digit'; position: number }
  | { ok: false; reason: 'length'; length: number };

/** `offset` is how many characters (the level prefix) precede `digits` in the code. */
function digitsFailure(
  digits: string,
  offset: number,
  lengths: readonly number[],
): DigitsFailure | undefined {
  const bad = [...digits].findIndex((char) => char < '0' || char > '9');
  if (bad >= 0) return { ok: false, reason: 'non_digit', position: offset + bad + 1 };
  if (!lengths.includes(digits.length))
    return { ok: false, reason: 'length', length: digits.length };
  return undefined;
}

function isBroadField(digits: string): boolean {
  return Number(digits.slice(0, 2)) <= LAST_BROAD_FIELD;
}

export type SpecialtyCodeCheck =
  | { ok: true; code: string; edition: ClassifierEdition }
  | DigitsFailure
  | { ok: false; reason: 'field'; field: string }
  | { ok: false; reason: 'suffix'; suffix: string };

export function validateSpecialtyCode(raw: string): SpecialtyCodeCheck {
  const code = normalizeClassifierCode(raw);
  const shape = digitsFailure(code, 0, [CURRENT_LENGTH, LEGACY_LENGTH]);
  if (shape) return shape;
  if (code.length === CURRENT_LENGTH) {
    if (!isBroadField(code)) return { ok: false, reason: 'field', field: code.slice(0, 2) };
    // A specialty's last two digits are where its qualifications put their serial.
    if (!code.endsWith('00')) return { ok: false, reason: 'suffix', suffix: '00' };
    return { ok: true, code, edition: 'current' };
  }
  if (!code.endsWith('000')) return { ok: false, reason: 'suffix', suffix: '000' };
  return { ok: true, code, edition: 'legacy' };
}

export type QualificationCodeCheck =
  | {
      ok: true;
      code: string;
      edition: ClassifierEdition;
      /** Absent for legacy codes, which carry no level prefix. */
      level?: QualificationLevel;
      /** The specialty this qualification belongs to. */
      specialty: string;
    }
  | DigitsFailure
  | { ok: false; reason: 'level'; prefix: string }
  | { ok: false; reason: 'missing_level' }
  | { ok: false; reason: 'field'; field: string }
  | { ok: false; reason: 'serial' }
  | { ok: false; reason: 'specialty_code' };

function validateLegacyQualification(code: string): QualificationCodeCheck {
  const shape = digitsFailure(code, 0, [LEGACY_LENGTH, CURRENT_LENGTH]);
  if (shape) return shape;
  if (code.length === CURRENT_LENGTH) {
    return code.endsWith('00')
      ? { ok: false, reason: 'specialty_code' }
      : { ok: false, reason: 'missing_level' };
  }
  if (code.endsWith('000')) return { ok: false, reason: 'specialty_code' };
  return { ok: true, code, edition: 'legacy', specialty: `${code.slice(0, 4)}000` };
}

export function validateQualificationCode(raw: string): QualificationCodeCheck {
  const code = normalizeClassifierCode(raw);
  // The level prefix is digits then letters (4S, 5AB); a code without letters is legacy.
  const prefix = /^\d*[A-Z]+/.exec(code)?.[0];
  if (prefix === undefined) return validateLegacyQualification(code);
  const level = qualificationLevels.find((candidate) => candidate === prefix);
  if (!level) return { ok: false, reason: 'level', prefix };
  const digits = code.slice(prefix.length);
  const shape = digitsFailure(digits, prefix.length, [CURRENT_LENGTH]);
  if (shape) return shape;
  if (!isBroadField(digits)) return { ok: false, reason: 'field', field: digits.slice(0, 2) };
  if (digits.endsWith('00')) return { ok: false, reason: 'serial' };
  return { ok: true, code, edition: 'current', level, specialty: `${digits.slice(0, 6)}00` };
}

export type QualificationOfSpecialtyCheck =
  | { ok: true }
  | { ok: false; reason: 'edition_mismatch' }
  | { ok: false; reason: 'specialty_mismatch'; specialty: string };

/**
 * Whether a qualification belongs to a specialty. Both codes must already be valid (validate
 * each field first); codes of different classifier editions never match.
 */
export function checkQualificationOfSpecialty(
  qualificationCode: string,
  specialtyCode: string,
): QualificationOfSpecialtyCheck {
  const qualification = validateQualificationCode(qualificationCode);
  const specialty = validateSpecialtyCode(specialtyCode);
  if (!qualification.ok || !specialty.ok) {
    throw new RangeError('checkQualificationOfSpecialty: validate both codes first');
  }
  if (qualification.edition !== specialty.edition) return { ok: false, reason: 'edition_mismatch' };
  if (qualification.specialty !== specialty.code) {
    return { ok: false, reason: 'specialty_mismatch', specialty: qualification.specialty };
  }
  return { ok: true };
}

/** A specialty code, normalised; an invalid one fails with a localised reason. */
export const specialtyCodeSchema = z
  .string()
  .overwrite(normalizeClassifierCode)
  .superRefine(reasonRefinement(validateSpecialtyCode, 'reference', 'classifier.specialty'));

/** A qualification code, normalised; an invalid one fails with a localised reason. */
export const qualificationCodeSchema = z
  .string()
  .overwrite(normalizeClassifierCode)
  .superRefine(
    reasonRefinement(validateQualificationCode, 'reference', 'classifier.qualification'),
  );

/** A specialty and one of its qualifications; a mismatch is reported on `qualification`. */
export const specialtyQualificationSchema = z
  .object({ specialty: specialtyCodeSchema, qualification: qualificationCodeSchema })
  .superRefine(({ specialty, qualification }, ctx) => {
    // Invalid codes already have their own issues.
    if (!validateSpecialtyCode(specialty).ok || !validateQualificationCode(qualification).ok)
      return;
    const membership = checkQualificationOfSpecialty(qualification, specialty);
    if (membership.ok) return;
    addReasonIssue(ctx, membership, {
      namespace: 'reference',
      keyPrefix: 'classifier.membership',
      input: qualification,
      path: ['qualification'],
    });
  });
