import { describe, expect, it } from 'vitest';
import { deepFreeze, defineProfile, rulesProfileSchema } from './profile';
import { wsiCis2024 } from './wsi-cis@2024';

const valid = () => structuredClone(wsiCis2024) as unknown as Parameters<typeof defineProfile>[0];

describe('rulesProfileSchema', () => {
  it('accepts a shipped profile as it is', () => {
    expect(rulesProfileSchema.safeParse(wsiCis2024).success).toBe(true);
  });

  it('refuses a panel default outside its range', () => {
    const profile = { ...valid(), judgesPerAspect: { min: 3, max: 5, default: 6 } };
    expect(() => defineProfile(profile)).toThrow(/min <= default <= max/);
  });

  it('refuses a scaled medallion without a scale', () => {
    const profile = { ...valid(), scale: 'none' as const };
    expect(() => defineProfile(profile)).toThrow(/scaled medallion needs a scale/);
  });

  it('refuses a grade scale this build does not ship', () => {
    expect(rulesProfileSchema.safeParse({ ...valid(), gradeScale: 'kz-letter@1999' }).success).toBe(
      false,
    );
  });

  it('refuses an id without a version and a level missing from the compatriot keys', () => {
    expect(rulesProfileSchema.safeParse({ ...valid(), id: 'wsi-cis' }).success).toBe(false);
    const compatriotKey = { national: 'region', regional: 'college', college: 'group' };
    expect(rulesProfileSchema.safeParse({ ...valid(), compatriotKey }).success).toBe(false);
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects and arrays', () => {
    const frozen = deepFreeze({ a: { b: [1, { c: 2 }] } });
    expect(Object.isFrozen(frozen.a.b[1])).toBe(true);
    expect(() => {
      (frozen.a.b as unknown as number[]).push(3);
    }).toThrow(TypeError);
  });
});
