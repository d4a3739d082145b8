import { describe, expect, it } from 'vitest';
import { median, scaleParameters, scaledScore } from './scales';

describe('WorldSkills 700 scale', () => {
  it('centres on the median and scales by 1.4826 * MAD', () => {
    const totals = [60, 70, 80, 90, 100];
    const p = scaleParameters('ws700', totals);
    expect(p.location).toBe(80);
    expect(p.spread).toBeCloseTo(1.4826 * 10, 12);
    expect(scaledScore(p, 80)).toBe(700);
    // 700 + 30 * 10 / 14.826 = 720.234...
    expect(scaledScore(p, 90)).toBe(720.23);
    expect(scaledScore(p, 60)).toBe(659.53);
  });

  it('gives everyone 700 when the population is degenerate', () => {
    expect(scaledScore(scaleParameters('ws700', [55]), 55)).toBe(700);
    expect(scaledScore(scaleParameters('ws700', [40, 40, 40]), 40)).toBe(700);
    // MAD = 0 although totals differ: more than half sit on the median
    const p = scaleParameters('ws700', [50, 50, 50, 60, 90]);
    expect(p.spread).toBe(0);
    expect(scaledScore(p, 90)).toBe(700);
    expect(scaledScore(scaleParameters('ws700', []), 10)).toBe(700);
  });
});

describe('legacy 500 scale', () => {
  it('centres on the mean and scales by the population standard deviation', () => {
    const p = scaleParameters('legacy500', [2, 4, 4, 4, 5, 5, 7, 9]);
    expect(p.location).toBe(5);
    expect(p.spread).toBe(2);
    expect(scaledScore(p, 7)).toBe(520);
    expect(scaledScore(p, 2)).toBe(470);
  });

  it('treats equal totals as degenerate despite float noise in the mean', () => {
    const p = scaleParameters('legacy500', [0.1, 0.1, 0.1]);
    expect(p.spread).toBe(0);
    expect(scaledScore(p, 0.1)).toBe(500);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
