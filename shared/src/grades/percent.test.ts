import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentOf, roundPercent } from './percent';

describe('roundPercent', () => {
  it('rounds half up on the decimal value, not on its binary approximation', () => {
    expect(roundPercent(89.995)).toBe(90);
    expect(roundPercent(49.995)).toBe(50);
    expect(roundPercent(1.005)).toBe(1.01);
    expect(roundPercent(94.985)).toBe(94.99);
    expect(roundPercent(89.994999)).toBe(89.99);
    expect(roundPercent(-1.005)).toBe(-1.01);
    expect(Object.is(roundPercent(-0.001), 0)).toBe(true);
  });

  it('rounds every written x.yz5 up and every x.yz4 down', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_99 }),
        fc.integer({ min: 0, max: 9 }),
        (hundredths, third) => {
          const written = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}${third}`;
          const expected = (hundredths + (third >= 5 ? 1 : 0)) / 100;
          expect(roundPercent(Number(written))).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('leaves 2-decimal values unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_00 }), (hundredths) => {
        expect(roundPercent(hundredths / 100)).toBe(hundredths / 100);
      }),
    );
  });

  it('refuses non-finite input', () => {
    expect(() => roundPercent(NaN)).toThrow(RangeError);
    expect(() => roundPercent(Infinity)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it('gives the percent of max, rounded to 2 decimals half-up', () => {
    expect(percentOf(17.999, 20)).toBe(90);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(49.99, 100)).toBe(49.99);
    expect(percentOf(0, 40)).toBe(0);
    expect(percentOf(37.5, 37.5)).toBe(100);
  });

  it('tolerates float noise in a sum of marks at the max', () => {
    const sum = 99.7 + 0.15 + 0.15;
    expect(sum).toBeGreaterThan(100);
    expect(percentOf(sum, 100)).toBe(100);
  });

  it('refuses a max of zero or less, negative points and points above the max', () => {
    expect(() => percentOf(1, 0)).toThrow(RangeError);
    expect(() => percentOf(1, -5)).toThrow(RangeError);
    expect(() => percentOf(-0.5, 10)).toThrow(RangeError);
    expect(() => percentOf(10.01, 10)).toThrow(RangeError);
    expect(() => percentOf(NaN, 10)).toThrow(RangeError);
  });

  it('is within half a hundredth of the exact ratio and never above 100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (maxHundredths, share) => {
          const max = maxHundredths / 100;
          const points = max * share;
          const percent = percentOf(points, max);
          expect(percent).toBeLessThanOrEqual(100);
          expect(Math.abs(percent - (points / max) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
        },
      ),
    );
  });
});
