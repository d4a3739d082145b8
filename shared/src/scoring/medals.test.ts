import { describe, expect, it } from 'vitest';
import { earnsMedallion, medalForPosition, type MedalRules, type MedallionRules } from './medals';
import { standardPositions } from './ranking';

const open: MedalRules = { minField: null };

describe('medalForPosition', () => {
  it('gives gold, silver and bronze to positions 1, 2 and 3', () => {
    expect([1, 2, 3, 4].map((p) => medalForPosition(p, 10, open))).toEqual([
      'gold',
      'silver',
      'bronze',
      null,
    ]);
  });

  it('two golds leave no silver: the next competitor is bronze', () => {
    const positions = standardPositions([95, 95, 90, 80]);
    expect(positions.map((p) => medalForPosition(p, 4, open))).toEqual([
      'gold',
      'gold',
      'bronze',
      null,
    ]);
  });

  it('a tie for bronze gives two bronzes', () => {
    const positions = standardPositions([95, 90, 85, 85, 80]);
    expect(positions.map((p) => medalForPosition(p, 5, open))).toEqual([
      'gold',
      'silver',
      'bronze',
      'bronze',
      null,
    ]);
  });

  it('gives nothing to unranked competitors, below the minimum field, or when medals are off', () => {
    expect(medalForPosition(null, 10, open)).toBeNull();
    expect(medalForPosition(1, 3, { minField: 4 })).toBeNull();
    expect(medalForPosition(1, 4, { minField: 4 })).toBe('gold');
    expect(medalForPosition(1, 10, null)).toBeNull();
  });
});

describe('earnsMedallion', () => {
  const scaled: MedallionRules = { basis: 'scaled', threshold: 700 };
  const percent: MedallionRules = { basis: 'percent', threshold: 70 };

  it('goes to ranked non-medallists at or above the threshold', () => {
    expect(earnsMedallion(scaled, { ranked: true, medal: null, scaled: 700, percent: 10 })).toBe(
      true,
    );
    expect(earnsMedallion(scaled, { ranked: true, medal: null, scaled: 699.99, percent: 99 })).toBe(
      false,
    );
    expect(earnsMedallion(percent, { ranked: true, medal: null, scaled: null, percent: 70 })).toBe(
      true,
    );
    expect(
      earnsMedallion(percent, { ranked: true, medal: null, scaled: null, percent: 69.99 }),
    ).toBe(false);
  });

  it('never goes to a medallist, a guest, or when disabled', () => {
    expect(
      earnsMedallion(scaled, { ranked: true, medal: 'bronze', scaled: 760, percent: 90 }),
    ).toBe(false);
    expect(earnsMedallion(scaled, { ranked: false, medal: null, scaled: 760, percent: 90 })).toBe(
      false,
    );
    expect(earnsMedallion(null, { ranked: true, medal: null, scaled: 760, percent: 90 })).toBe(
      false,
    );
  });
});
