import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDiscrepant, judgementMark, scoreSpread } from './judgement';

describe('judgementMark (max * mean / 3)', () => {
  it('gives the max for unanimous 3s and 0 for unanimous 0s', () => {
    expect(judgementMark('max-mean-over-3', 1.5, [3, 3, 3])).toBe(1.5);
    expect(judgementMark('max-mean-over-3', 1.5, [0, 0, 0])).toBe(0);
  });

  it('averages the panel at full precision', () => {
    expect(judgementMark('max-mean-over-3', 1.5, [2, 2, 2])).toBe(1);
    expect(judgementMark('max-mean-over-3', 1, [1, 2, 2])).toBeCloseTo(5 / 9, 15);
    expect(judgementMark('max-mean-over-3', 2, [1, 2, 3, 2, 2])).toBeCloseTo(4 / 3, 15);
  });

  it('does not depend on the order the judges scored in', () => {
    expect(judgementMark('max-mean-over-3', 0.75, [1, 3, 2])).toBe(
      judgementMark('max-mean-over-3', 0.75, [3, 2, 1]),
    );
  });

  it('refuses an empty panel', () => {
    expect(() => judgementMark('max-mean-over-3', 1, [])).toThrow(RangeError);
  });

  it('gives exactly the maximum to a unanimous 3, whatever binary rounding does', () => {
    expect(judgementMark('max-mean-over-3', 14.3, [3, 3, 3])).toBe(14.3);
    expect(judgementMark('max-mean-over-3', 0.35, [3, 3, 3, 3, 3])).toBe(0.35);
  });

  it('every judgement mark lies within [0, max]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }).map((n) => n * 0.05),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 5 }),
        (max, scores) => {
          const mark = judgementMark('max-mean-over-3', max, scores);
          expect(mark).toBeGreaterThanOrEqual(0);
          expect(mark).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe('discrepancy', () => {
  it('flags a spread above the threshold only', () => {
    expect(scoreSpread([1, 3, 2])).toBe(2);
    expect(isDiscrepant([1, 2, 2], 1)).toBe(false);
    expect(isDiscrepant([1, 3, 2], 1)).toBe(true);
    expect(isDiscrepant([0, 2, 2], 2)).toBe(false);
    expect(isDiscrepant([0, 3, 3], 2)).toBe(true);
  });
});
