import { describe, expect, it } from 'vitest';
import { earnsMedallion } from '../scoring/medals';
import { compatriotKeyFor } from './profile';
import { wskChampionship2024 } from './wsk-championship@2024';

describe('wsk-championship@2024', () => {
  it('ranks by raw totals and gives the medallion by percent of the scheme total', () => {
    expect(wskChampionship2024.scale).toBe('none');
    expect(wskChampionship2024.medallion).toEqual({ basis: 'percent', threshold: 70 });
    const candidate = { ranked: true, medal: null, scaled: null };
    expect(earnsMedallion(wskChampionship2024.medallion, { ...candidate, percent: 70 })).toBe(true);
    expect(earnsMedallion(wskChampionship2024.medallion, { ...candidate, percent: 69.99 })).toBe(
      false,
    );
  });

  it('makes compatriots by region nationally, college regionally and training group in a college', () => {
    expect(compatriotKeyFor(wskChampionship2024, 'national')).toBe('region');
    expect(compatriotKeyFor(wskChampionship2024, 'regional')).toBe('college');
    expect(compatriotKeyFor(wskChampionship2024, 'college')).toBe('group');
  });

  it('publishes only locked results by default and lists the medallion rule as unverified', () => {
    expect(wskChampionship2024.publicationDefault).toBe('locked');
    expect(wskChampionship2024.unverified).toContain('medallion');
    expect(Object.isFrozen(wskChampionship2024.compatriotKey)).toBe(true);
  });
});
