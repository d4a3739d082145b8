import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundHalfUp, stripFloatNoise, toMicro } from './rounding';

describe('roundHalfUp', () => {
  it('rounds the classic binary-float traps up, as a person would on paper', () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    expect(roundHalfUp(0.285, 2)).toBe(0.29);
    expect(roundHalfUp(1.255, 2)).toBe(1.26);
    expect(roundHalfUp(8.345, 2)).toBe(8.35);
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
  });

  it('keeps values already on the grid and rounds below half down', () => {
    expect(roundHalfUp(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundHalfUp(99.99, 2)).toBe(99.99);
    expect(roundHalfUp(1.00499999999, 2)).toBe(1);
    expect(roundHalfUp(2 / 3, 2)).toBe(0.67);
    expect(roundHalfUp(1 / 3, 2)).toBe(0.33);
    expect(roundHalfUp(0, 2)).toBe(0);
  });

  it('rounds to other digit counts and symmetrically for negatives', () => {
    expect(roundHalfUp(2.5, 0)).toBe(3);
    expect(roundHalfUp(1.0005, 3)).toBe(1.001);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(Object.is(roundHalfUp(-0.001, 2), 0)).toBe(true);
  });

  it('passes non-finite values through', () => {
    expect(roundHalfUp(Number.NaN, 2)).toBeNaN();
    expect(roundHalfUp(Infinity, 2)).toBe(Infinity);
  });

  it('agrees with exact integer arithmetic on every value with three decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (thousandths) => {
        const expected = Math.floor((thousandths + 5) / 10) / 100;
        expect(roundHalfUp(thousandths / 1000, 2)).toBe(expected);
      }),
    );
  });

  it('is idempotent and moves a value by at most half a hundredth', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (x) => {
        const once = roundHalfUp(x, 2);
        expect(roundHalfUp(once, 2)).toBe(once);
        expect(Math.abs(once - x)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

describe('roundHalfUp without the decimal text', () => {
  /** The rule as written: noise always stripped first, whatever the value. */
  function alwaysStripped(value: number, digits: number): number {
    const factor = 10 ** digits;
    const rounded = Math.floor(stripFloatNoise(Math.abs(value) * factor) + 0.5) / factor;
    return value < 0 && rounded !== 0 ? -rounded : rounded;
  }

  it('gives what stripping the noise first gives: any double, sums of marks, near-halves', () => {
    const near = fc
      .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: -40, max: 40 }))
      .map(([cents, ulps]) => {
        // A half-hundredth with a few units of float noise either side of it.
        let value = (cents + 0.5) / 100;
        for (let i = 0; i < Math.abs(ulps); i++) value = ulps > 0 ? nextUp(value) : nextDown(value);
        return value;
      });
    const sums = fc
      .array(
        fc.integer({ min: 0, max: 300 }).map((n) => n / 100),
        { maxLength: 40 },
      )
      .map((marks) => marks.reduce((sum, mark) => sum + mark, 0));
    const percents = fc
      .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }))
      .filter(([points, max]) => points <= max)
      .map(([points, max]) => ((points / 1000) * 100) / (max / 1000));
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), near, sums, percents),
        fc.integer({ min: 0, max: 4 }),
        (value, digits) => {
          expect(roundHalfUp(value, digits)).toBe(alwaysStripped(value, digits));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

/** The next double above a positive value, and below it. */
function nextUp(value: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}
function nextDown(value: number): number {
  if (value === 0) return 0;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
}

describe('stripFloatNoise and toMicro', () => {
  it('restores the decimal a sum of marks stands for', () => {
    expect(stripFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(stripFloatNoise(0.7 + 0.1 + 0.1)).toBe(0.9);
  });

  it('turns decimals into exact integer millionths', () => {
    expect(toMicro(0.3) - toMicro(0.1)).toBe(200_000);
    expect(toMicro(1000.3) - toMicro(1000.1)).toBe(200_000);
  });
});
