import { describe, expect, it } from 'vitest';
import { sampleScheme } from './fixtures';
import { indexScheme } from './scheme-index';
import { schemeMaxima, totalsFromMarks } from './totals';
import { validateMarkAgainstScheme } from './validation';

describe('scheme index', () => {
  it('keeps aspects in scheme order with their sub-criterion, criterion and section', () => {
    const index = indexScheme(sampleScheme());
    expect(index.aspects.map((a) => a.code)).toEqual([
      'A1.M1',
      'A1.M2',
      'A1.J1',
      'A2.M1',
      'B1.M1',
      'B1.J1',
    ]);
    expect(index.aspectByCode.get('B1.J1')).toMatchObject({
      subCriterion: 2,
      criterion: 1,
      section: 1,
      kind: 'judgement',
    });
    expect(index.subCriteria.map((s) => [s.id, s.firstAspect, s.endAspect])).toEqual([
      ['A1', 0, 3],
      ['A2', 3, 4],
      ['B1', 4, 6],
    ]);
  });

  it('is built once per scheme object', () => {
    const scheme = sampleScheme();
    expect(indexScheme(scheme)).toBe(indexScheme(scheme));
  });
});

describe('totals', () => {
  it('sums aspect marks per sub-criterion, criterion, section and in total', () => {
    const totals = totalsFromMarks(sampleScheme(), {
      'A1.M1': 1,
      'A1.J1': 1,
      'A2.M1': 0.5,
      'B1.J1': 2 / 3,
    });
    expect(totals).toEqual({
      subCriteria: { A1: 2, A2: 0.5, B1: 0.67 },
      criteria: { A: 2.5, B: 0.67 },
      sections: { S1: 2, S2: 1.17 },
      total: 3.17,
    });
  });

  it('rounds sums at full precision, not sums of rounded marks', () => {
    // three judgement marks of 1/3 each: 0.33 + 0.33 + 0.33 would say 0.99; the total is 1.
    const totals = totalsFromMarks(sampleScheme(), {
      'A1.J1': 1 / 3,
      'A2.M1': 1 / 3,
      'B1.J1': 1 / 3,
    });
    expect(totals.subCriteria.A1).toBe(0.33);
    expect(totals.total).toBe(1);
  });

  it('reports the scheme maxima', () => {
    expect(schemeMaxima(sampleScheme())).toEqual({
      subCriteria: { A1: 3, A2: 1, B1: 3 },
      criteria: { A: 4, B: 3 },
      sections: { S1: 4.5, S2: 2.5 },
      total: 7,
    });
  });
});

describe('validateMarkAgainstScheme', () => {
  const scheme = sampleScheme();

  it('accepts a value that fits the aspect', () => {
    expect(
      validateMarkAgainstScheme(scheme, {
        aspect: 'A1.J1',
        value: { kind: 'judgement', score: 2 },
      }),
    ).toBeNull();
    expect(
      validateMarkAgainstScheme(scheme, { aspect: 'A2.M1', value: { kind: 'choice', option: 2 } }),
    ).toBeNull();
    expect(
      validateMarkAgainstScheme(scheme, {
        aspect: 'A1.M2',
        value: { kind: 'deduction', measured: 951 },
      }),
    ).toBeNull();
  });

  it('names an unknown aspect', () => {
    expect(
      validateMarkAgainstScheme(scheme, {
        aspect: 'C1.M1',
        value: { kind: 'binary', achieved: true },
      }),
    ).toEqual({
      reason: 'unknown_aspect',
      params: { aspect: 'C1.M1' },
    });
  });

  it('refuses a value kind that does not fit the aspect type or measurement kind', () => {
    expect(
      validateMarkAgainstScheme(scheme, {
        aspect: 'A1.M1',
        value: { kind: 'judgement', score: 3 },
      }),
    ).toEqual({
      reason: 'value_kind_mismatch',
      params: { aspect: 'A1.M1', expected: 'binary', got: 'judgement' },
    });
    expect(
      validateMarkAgainstScheme(scheme, {
        aspect: 'A1.J1',
        value: { kind: 'binary', achieved: true },
      })?.reason,
    ).toBe('value_kind_mismatch');
  });

  it('refuses a choice index outside the options', () => {
    expect(
      validateMarkAgainstScheme(scheme, { aspect: 'A2.M1', value: { kind: 'choice', option: 3 } }),
    ).toEqual({
      reason: 'choice_option_unknown',
      params: { aspect: 'A2.M1', option: 3, options: 3 },
    });
  });
});
