import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Aspect, MeasurementSpec } from '../scheme/schema';
import { measurementMark, valueKindOf } from './measurement';
import { ScoringError } from './reasons';

function aspect(maxMark: number, measurement?: MeasurementSpec): Aspect {
  return { code: 'A1.M1', type: 'M', description: 'x', section: '1', maxMark, measurement };
}

const deduction = (target: number, unit: number, per: number): MeasurementSpec => ({
  kind: 'deduction',
  target,
  unit,
  deduction: per,
});

const choice: MeasurementSpec = {
  kind: 'choice',
  options: [
    { label: 'Full Marks', deduction: 0 },
    { label: 'Partial', deduction: 0.5 },
    { label: 'No Marks', deduction: 1 },
  ],
};

describe('measurementMark', () => {
  it('binary: achieved gives the max, not achieved gives 0', () => {
    expect(measurementMark(aspect(1.5), { kind: 'binary', achieved: true })).toBe(1.5);
    expect(measurementMark(aspect(1.5), { kind: 'binary', achieved: false })).toBe(0);
  });

  it('deduction: one deduction per whole unit of difference, either side of the target', () => {
    const a = aspect(1, deduction(10, 0.5, 0.25));
    expect(measurementMark(a, { kind: 'deduction', measured: 10 })).toBe(1);
    expect(measurementMark(a, { kind: 'deduction', measured: 10.49 })).toBe(1);
    expect(measurementMark(a, { kind: 'deduction', measured: 10.5 })).toBe(0.75);
    expect(measurementMark(a, { kind: 'deduction', measured: 9 })).toBe(0.5);
    expect(measurementMark(a, { kind: 'deduction', measured: 8.5 })).toBe(0.25);
  });

  it('deduction: float error does not move the floor (|0.3 - 0.1| / 0.1 is 2 units)', () => {
    const a = aspect(1, deduction(0.1, 0.1, 0.25));
    expect(measurementMark(a, { kind: 'deduction', measured: 0.3 })).toBe(0.5);
    const large = aspect(1, deduction(1000.1, 0.1, 0.1));
    expect(measurementMark(large, { kind: 'deduction', measured: 1000.3 })).toBe(0.8);
    const tenths = aspect(1, deduction(0, 0.1, 0.1));
    expect(measurementMark(tenths, { kind: 'deduction', measured: 0.7 })).toBe(0.3);
  });

  it('deduction: the mark never goes below 0', () => {
    const a = aspect(0.5, deduction(0, 1, 0.25));
    expect(measurementMark(a, { kind: 'deduction', measured: 100 })).toBe(0);
  });

  it('choice: the max minus the option deduction, clamped at 0', () => {
    expect(measurementMark(aspect(1, choice), { kind: 'choice', option: 0 })).toBe(1);
    expect(measurementMark(aspect(1, choice), { kind: 'choice', option: 1 })).toBe(0.5);
    expect(measurementMark(aspect(0.75, choice), { kind: 'choice', option: 2 })).toBe(0);
  });

  it('choice: an unknown option index is an error with a reason code', () => {
    expect(() => measurementMark(aspect(1, choice), { kind: 'choice', option: 3 })).toThrow(
      ScoringError,
    );
    try {
      measurementMark(aspect(1, choice), { kind: 'choice', option: 7 });
    } catch (error) {
      expect((error as ScoringError).reason).toBe('choice_option_unknown');
      expect((error as ScoringError).params).toMatchObject({ option: 7, options: 3 });
    }
  });

  it('refuses a value of another kind than the aspect takes', () => {
    expect(valueKindOf(aspect(1))).toBe('binary');
    expect(valueKindOf(aspect(1, choice))).toBe('choice');
    expect(() => measurementMark(aspect(1), { kind: 'choice', option: 0 })).toThrow(
      /value_kind_mismatch/,
    );
  });

  it('every measurement mark lies within [0, max]', () => {
    const max = fc.integer({ min: 1, max: 400 }).map((n) => n * 0.05);
    const spec = fc.oneof(
      fc.record({
        kind: fc.constant('deduction' as const),
        target: fc.double({ min: -1000, max: 1000, noNaN: true }),
        unit: fc.double({ min: 0.001, max: 100, noNaN: true }),
        deduction: fc.double({ min: 0, max: 5, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('choice' as const),
        options: fc.array(
          fc.record({
            label: fc.constant('o'),
            deduction: fc.double({ min: 0, max: 5, noNaN: true }),
          }),
          { minLength: 2, maxLength: 5 },
        ),
      }),
    );
    fc.assert(
      fc.property(
        max,
        spec,
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.nat(4),
        (m, s, measured, option) => {
          const a = aspect(m, s);
          const mark =
            s.kind === 'deduction'
              ? measurementMark(a, { kind: 'deduction', measured })
              : measurementMark(a, { kind: 'choice', option: option % s.options.length });
          expect(mark).toBeGreaterThanOrEqual(0);
          expect(mark).toBeLessThanOrEqual(m);
        },
      ),
    );
  });
});
