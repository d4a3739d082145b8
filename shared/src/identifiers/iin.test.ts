import { describe, expect, it } from 'vitest';
import { localizeIssue } from './localized-issue';
import { iinSchema, isValidIin, maskIin, validateIin } from './iin';

// Synthetic IINs made for these tests (valid check digits, nobody's real number).
const MALE_2005 = '050314501235';
const FEMALE_1988 = '880712404577';

describe('validateIin', () => {
  it('reads birth date, sex and century from a valid IIN', () => {
    expect(validateIin(MALE_2005)).toEqual({
      ok: true,
      iin: MALE_2005,
      birthDate: '2005-03-14',
      sex: 'male',
      century: 2000,
    });
    expect(validateIin(FEMALE_1988)).toMatchObject({
      birthDate: '1988-07-12',
      sex: 'female',
      century: 1900,
    });
  });

  it('reports the first non-digit character by its 1-based position, before the length', () => {
    expect(validateIin('05031450123O')).toEqual({ ok: false, reason: 'non_digit', position: 12 });
    expect(validateIin('0503 14501235')).toEqual({ ok: false, reason: 'non_digit', position: 5 });
    expect(validateIin('１２３')).toEqual({ ok: false, reason: 'non_digit', position: 1 });
  });

  it('reports a wrong length', () => {
    expect(validateIin('05031450123')).toEqual({ ok: false, reason: 'length', length: 11 });
    expect(validateIin('0503145012350')).toEqual({ ok: false, reason: 'length', length: 13 });
    expect(validateIin('')).toEqual({ ok: false, reason: 'length', length: 0 });
  });

  it('rejects the century digits 0, 7, 8 and 9', () => {
    for (const digit of [0, 7, 8, 9]) {
      const iin = `050314${digit}01235`;
      expect(validateIin(iin)).toEqual({ ok: false, reason: 'century', digit });
    }
  });

  it('rejects impossible birth dates, leap days by the century digit', () => {
    expect(validateIin('310231501235')).toEqual({ ok: false, reason: 'date' });
    expect(validateIin('051314501235')).toEqual({ ok: false, reason: 'date' });
    expect(validateIin('050300501235')).toEqual({ ok: false, reason: 'date' });
    expect(validateIin('000229500018')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    // 1900 is not a leap year.
    expect(validateIin('000229300015')).toEqual({ ok: false, reason: 'date' });
  });

  it('names the expected check digit', () => {
    expect(validateIin('050314501239')).toEqual({ ok: false, reason: 'check_digit', expected: 5 });
    expect(isValidIin('050314501235')).toBe(true);
  });

  it('rejects numbers whose both weighted sums give 10, whatever the last digit', () => {
    for (let last = 0; last <= 9; last++) {
      expect(validateIin(`05031450186${last}`)).toEqual({ ok: false, reason: 'never_issued' });
    }
  });
});

describe('maskIin', () => {
  it('keeps only the last four digits, hiding the birth date and sex', () => {
    expect(maskIin('990101300123')).toBe('********0123');
    expect(maskIin(MALE_2005)).not.toContain('0503');
  });

  it('masks a malformed value entirely', () => {
    expect(maskIin('99010130012')).toBe('***********');
    expect(maskIin('99010130012x')).toBe('************');
  });
});

describe('iinSchema', () => {
  it('trims and accepts a valid IIN', () => {
    expect(iinSchema.parse(` ${MALE_2005}\t`)).toBe(MALE_2005);
  });

  it('fails with the reason, its values and a message in the default language (ru)', () => {
    const result = iinSchema.safeParse('050314501239');
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue).toMatchObject({
      code: 'custom',
      params: {
        reason: 'check_digit',
        namespace: 'identifiers',
        key: 'iin.check_digit',
        values: { expected: 5 },
      },
    });
    expect(issue.message).toContain('Контрольный разряд ИИН');
    expect(issue.message).toContain('5');
  });

  it('renders the same issue in Kazakh and English', () => {
    const issue = iinSchema.safeParse('0503145012').error!.issues[0]!;
    expect(localizeIssue(issue, 'kk')).toBe('ЖСН-де 10 емес, 12 цифр болуы керек');
    expect(localizeIssue(issue, 'en')).toBe('The IIN must have 12 digits, not 10');
  });

  it('leaves ordinary zod issues to the caller', () => {
    const issue = iinSchema.safeParse(42).error!.issues[0]!;
    expect(issue.code).toBe('invalid_type');
    expect(localizeIssue(issue, 'kk')).toBeUndefined();
  });
});
