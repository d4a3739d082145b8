import { describe, expect, it } from 'vitest';
import { localizeIssue } from './localized-issue';
import { binSchema, isValidBin, validateBin } from './bin';

describe('validateBin', () => {
  it('accepts real BINs of organisations and reads their parts', () => {
    expect(validateBin('940140000385')).toEqual({
      ok: true,
      bin: '940140000385',
      registered: { year: 1994, month: 1 },
      type: 'resident',
      attribute: 'head_office',
    });
    expect(validateBin('990140004654')).toMatchObject({
      ok: true,
      registered: { year: 1999, month: 1 },
    });
    expect(validateBin('810840000017')).toMatchObject({
      ok: true,
      registered: { year: 1981, month: 8 },
    });
  });

  it('reads two-digit years below 50 as 20xx', () => {
    expect(validateBin('070540001236')).toMatchObject({
      ok: true,
      registered: { year: 2007, month: 5 },
    });
  });

  it('reads the type and attribute digits', () => {
    expect(validateBin('940150000384')).toMatchObject({
      type: 'non_resident',
      attribute: 'head_office',
    });
    expect(validateBin('940161000388')).toMatchObject({
      type: 'joint_entrepreneurship',
      attribute: 'branch',
    });
    expect(validateBin('940143000381')).toMatchObject({
      type: 'resident',
      attribute: 'peasant_farm',
    });
  });

  it('rejects an impossible registration month', () => {
    expect(validateBin('940040000385')).toEqual({ ok: false, reason: 'date', month: 0 });
    expect(validateBin('941340000385')).toEqual({ ok: false, reason: 'date', month: 13 });
  });

  it('rejects type digits other than 4, 5, 6 and attribute digits above 3', () => {
    expect(validateBin('940130000385')).toEqual({ ok: false, reason: 'type', digit: 3 });
    expect(validateBin('940170000385')).toEqual({ ok: false, reason: 'type', digit: 7 });
    expect(validateBin('940144000385')).toEqual({ ok: false, reason: 'attribute', digit: 4 });
  });

  it('names the expected check digit, and rejects never-issued numbers', () => {
    expect(validateBin('940140000386')).toEqual({ ok: false, reason: 'check_digit', expected: 5 });
    expect(validateBin('070540000060')).toEqual({ ok: false, reason: 'never_issued' });
    expect(isValidBin('940140000385')).toBe(true);
  });

  it('reports shape problems like the IIN does', () => {
    expect(validateBin('94014000038')).toEqual({ ok: false, reason: 'length', length: 11 });
    expect(validateBin('9401400003-5')).toEqual({ ok: false, reason: 'non_digit', position: 11 });
  });
});

describe('binSchema', () => {
  it('trims and accepts a valid BIN', () => {
    expect(binSchema.parse(' 810840000017 ')).toBe('810840000017');
  });

  it('fails with a localised reason', () => {
    const issue = binSchema.safeParse('940170000385').error!.issues[0]!;
    expect(issue).toMatchObject({ params: { reason: 'type', values: { digit: 7 } } });
    expect(issue.message).toBe('5-я цифра БИН (тип организации) должна быть 4, 5 или 6, а не 7');
    expect(localizeIssue(issue, 'kk')).toBe(
      'БСН-нің 5-цифры (ұйым түрі) 7 емес, 4, 5 немесе 6 болуы керек',
    );
  });
});
