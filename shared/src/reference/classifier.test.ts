import { describe, expect, it } from 'vitest';
import { localizeIssue } from '../identifiers/localized-issue';
import {
  checkQualificationOfSpecialty,
  normalizeClassifierCode,
  qualificationCodeSchema,
  specialtyCodeSchema,
  specialtyQualificationSchema,
  validateQualificationCode,
  validateSpecialtyCode,
} from './classifier';

describe('validateSpecialtyCode', () => {
  it('accepts current 8-digit and legacy 7-digit codes, keeping leading zeros', () => {
    expect(validateSpecialtyCode('06130100')).toEqual({
      ok: true,
      code: '06130100',
      edition: 'current',
    });
    expect(validateSpecialtyCode('10130100')).toMatchObject({ ok: true, edition: 'current' });
    expect(validateSpecialtyCode(' 1304000 ')).toEqual({
      ok: true,
      code: '1304000',
      edition: 'legacy',
    });
  });

  it('reports non-digits, lengths, fields and qualification-like endings', () => {
    expect(validateSpecialtyCode('0613-0100')).toEqual({
      ok: false,
      reason: 'non_digit',
      position: 5,
    });
    expect(validateSpecialtyCode('061301')).toEqual({ ok: false, reason: 'length', length: 6 });
    expect(validateSpecialtyCode('')).toEqual({ ok: false, reason: 'length', length: 0 });
    expect(validateSpecialtyCode('61300100')).toEqual({ ok: false, reason: 'field', field: '61' });
    expect(validateSpecialtyCode('06130105')).toEqual({
      ok: false,
      reason: 'suffix',
      suffix: '00',
    });
    expect(validateSpecialtyCode('1304043')).toEqual({
      ok: false,
      reason: 'suffix',
      suffix: '000',
    });
  });
});

describe('validateQualificationCode', () => {
  it('reads level and specialty from current codes', () => {
    expect(validateQualificationCode('4S06130105')).toEqual({
      ok: true,
      code: '4S06130105',
      edition: 'current',
      level: '4S',
      specialty: '06130100',
    });
    expect(validateQualificationCode('3W06130102')).toMatchObject({
      level: '3W',
      specialty: '06130100',
    });
    expect(validateQualificationCode('5AB06130101')).toMatchObject({ level: '5AB' });
  });

  it('accepts legacy 7-digit codes without a level', () => {
    expect(validateQualificationCode('1304043')).toEqual({
      ok: true,
      code: '1304043',
      edition: 'legacy',
      specialty: '1304000',
    });
  });

  it('fixes case and Cyrillic letters typed on a Russian layout', () => {
    expect(normalizeClassifierCode(' 4s06130105 ')).toBe('4S06130105');
    expect(validateQualificationCode('5АВ06130101')).toMatchObject({
      ok: true,
      code: '5AB06130101',
    });
  });

  it('explains what is wrong', () => {
    expect(validateQualificationCode('4X06130105')).toEqual({
      ok: false,
      reason: 'level',
      prefix: '4X',
    });
    expect(validateQualificationCode('W06130105')).toEqual({
      ok: false,
      reason: 'level',
      prefix: 'W',
    });
    expect(validateQualificationCode('06130105')).toEqual({ ok: false, reason: 'missing_level' });
    expect(validateQualificationCode('06130100')).toEqual({ ok: false, reason: 'specialty_code' });
    expect(validateQualificationCode('1304000')).toEqual({ ok: false, reason: 'specialty_code' });
    expect(validateQualificationCode('4S0613010')).toEqual({
      ok: false,
      reason: 'length',
      length: 7,
    });
    expect(validateQualificationCode('4S 06130105')).toEqual({
      ok: false,
      reason: 'non_digit',
      position: 3,
    });
    expect(validateQualificationCode('4S61300105')).toEqual({
      ok: false,
      reason: 'field',
      field: '61',
    });
    expect(validateQualificationCode('4S06130100')).toEqual({ ok: false, reason: 'serial' });
    expect(validateQualificationCode('130404')).toEqual({ ok: false, reason: 'length', length: 6 });
  });
});

describe('checkQualificationOfSpecialty', () => {
  it('matches current codes on the first six digits and legacy codes on the first four', () => {
    expect(checkQualificationOfSpecialty('4S06130105', '06130100')).toEqual({ ok: true });
    expect(checkQualificationOfSpecialty('1304043', '1304000')).toEqual({ ok: true });
    expect(checkQualificationOfSpecialty('4S06120103', '06130100')).toEqual({
      ok: false,
      reason: 'specialty_mismatch',
      specialty: '06120100',
    });
    expect(checkQualificationOfSpecialty('0518033', '1304000')).toMatchObject({
      specialty: '0518000',
    });
  });

  it('never matches codes of different classifier editions', () => {
    expect(checkQualificationOfSpecialty('4S04210101', '0201000')).toEqual({
      ok: false,
      reason: 'edition_mismatch',
    });
  });

  it('refuses invalid codes: validate first', () => {
    expect(() => checkQualificationOfSpecialty('4S0613010', '06130100')).toThrow(RangeError);
  });
});

describe('classifier schemas', () => {
  it('normalise the code they accept', () => {
    expect(qualificationCodeSchema.parse(' 4s06130105')).toBe('4S06130105');
    expect(specialtyCodeSchema.parse('06130100')).toBe('06130100');
  });

  it('fail with localised reasons', () => {
    const issue = specialtyCodeSchema.safeParse('06130105').error!.issues[0]!;
    expect(issue.message).toBe(
      'Код специальности оканчивается на 00; похоже, это код квалификации',
    );
    expect(localizeIssue(issue, 'kk')).toBe(
      'Мамандық коды 00 деп аяқталады; бұл біліктілік коды сияқты',
    );
  });

  it('report a qualification of another specialty on the qualification field', () => {
    const result = specialtyQualificationSchema.safeParse({
      specialty: '06130100',
      qualification: '4S06120103',
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(['qualification']);
    expect(localizeIssue(issue, 'en')).toBe(
      'This qualification belongs to specialty 06120100, not to the one selected',
    );
    expect(
      specialtyQualificationSchema.safeParse({ specialty: '06130100', qualification: '4s06130105' })
        .data,
    ).toEqual({ specialty: '06130100', qualification: '4S06130105' });
  });

  it('report only the field problem when a code is itself invalid', () => {
    const result = specialtyQualificationSchema.safeParse({
      specialty: '06130100',
      qualification: '4S0613',
    });
    expect(result.error!.issues).toHaveLength(1);
    expect(result.error!.issues[0]).toMatchObject({
      path: ['qualification'],
      params: { reason: 'length' },
    });
  });
});
