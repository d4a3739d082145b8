import { describe, expect, it } from 'vitest';
import { rulesProfileSchema } from './profile';
import { getProfile, listProfiles } from './registry';

describe('profile registry', () => {
  it('ships the three profiles under unique ids', () => {
    const ids = listProfiles().map((p) => p.id);
    expect(ids).toEqual(['wsi-cis@2024', 'wsk-championship@2024', 'kz-demo-exam@2022']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds a profile by id and nothing for an unknown version', () => {
    expect(getProfile('kz-demo-exam@2022')?.passThreshold).toBe(50);
    expect(getProfile('kz-demo-exam@2021')).toBeUndefined();
  });

  it('holds only valid, frozen profiles in a frozen list', () => {
    expect(Object.isFrozen(listProfiles())).toBe(true);
    for (const profile of listProfiles()) {
      expect(rulesProfileSchema.safeParse(profile).success).toBe(true);
      expect(Object.isFrozen(profile)).toBe(true);
    }
  });
});
