import { describe, expect, it } from 'vitest';
import { earnsMedallion } from '../scoring/medals';
import { scaleParameters, scaledScore } from '../scoring/scales';
import { compatriotKeyFor } from './profile';
import { wsiCis2024 } from './wsi-cis@2024';

describe('wsi-cis@2024', () => {
  it('scores on the 700 scale with a medallion at 700', () => {
    expect(wsiCis2024.scale).toBe('ws700');
    const parameters = scaleParameters('ws700', [50, 60, 70, 80, 90]);
    const atMedian = scaledScore(parameters, 70);
    expect(atMedian).toBe(700);
    expect(
      earnsMedallion(wsiCis2024.medallion, {
        ranked: true,
        medal: null,
        scaled: atMedian,
        percent: 70,
      }),
    ).toBe(true);
    expect(
      earnsMedallion(wsiCis2024.medallion, {
        ranked: true,
        medal: null,
        scaled: scaledScore(parameters, 69.99),
        percent: 69.99,
      }),
    ).toBe(false);
  });

  it('uses panels of 3 to 5 judges, a discrepancy above 1 and the mean formula', () => {
    expect(wsiCis2024.judgesPerAspect).toEqual({ min: 3, max: 5, default: 3 });
    expect(wsiCis2024.discrepancyThreshold).toBe(1);
    expect(wsiCis2024.judgementFormula).toBe('max-mean-over-3');
  });

  it('makes compatriots by country internationally and by region nationally', () => {
    expect(compatriotKeyFor(wsiCis2024, 'international')).toBe('country');
    expect(compatriotKeyFor(wsiCis2024, 'national')).toBe('region');
  });

  it('counts team points 4/3/2/1 with tie-breaks gold, silver, bronze, and marks its unverified rules', () => {
    expect(wsiCis2024.teams).toEqual({
      points: { gold: 4, silver: 3, bronze: 2, medallion: 1 },
      tieBreaks: ['gold', 'silver', 'bronze'],
    });
    expect(wsiCis2024.unverified).toEqual(
      expect.arrayContaining(['judgementFormula', 'scale', 'teams']),
    );
  });

  it('is frozen: no setting can be changed at run time', () => {
    expect(Object.isFrozen(wsiCis2024)).toBe(true);
    expect(() => {
      (wsiCis2024.judgesPerAspect as { default: number }).default = 5;
    }).toThrow(TypeError);
  });
});
