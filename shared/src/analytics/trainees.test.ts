import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeFigures, type JudgedCell } from './judges';
import { traineeFigures, type TraineeScore } from './trainees';

const at = '2026-03-11T05:00:00.000Z';

/** Official cells: a panel of j1..jN on competitors c1..cM, one aspect. */
const official = (rows: number[][]): JudgedCell[] =>
  rows.map((row, c) => ({
    competitor: `c${c + 1}`,
    aspect: 'A1.J1',
    scores: row.map((score, j) => ({ judge: `j${j + 1}`, score, at })),
  }));

const scored = (trainee: string, scores: number[]): TraineeScore[] =>
  scores.map((score, c) => ({ trainee, competitor: `c${c + 1}`, aspect: 'A1.J1', score, at }));

const panelArbitrary = fc.array(
  fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
  {
    minLength: 1,
    maxLength: 20,
  },
);

describe('trainee figures', () => {
  it('measures a trainee against the official panel only', () => {
    const panel = official([
      [2, 2, 3],
      [1, 1, 1],
      [0, 1, 1],
    ]);
    // t1 gives the panel's median every time; t2 one more.
    const [t1, t2] = traineeFigures(
      panel,
      [...scored('t1', [2, 1, 1]), ...scored('t2', [3, 2, 2])],
      undefined,
      { minCells: 3 },
    );
    expect(t1).toMatchObject({ judge: 't1', cells: 3, exact: 1, withinOne: 1 });
    expect(t1!.severity.mean).toBe(0);
    expect(t2).toMatchObject({ judge: 't2', cells: 3, exact: 0, withinOne: 1 });
    expect(t2!.severity.mean).toBe(1);
  });

  it('skips a cell no official judge has scored yet', () => {
    const figures = traineeFigures(official([[2, 2, 2]]), [
      ...scored('t1', [2]),
      { trainee: 't1', competitor: 'c9', aspect: 'A1.J1', score: 3, at },
    ]);
    expect(figures[0]!.cells).toBe(1);
  });

  it('leaves every official figure as it is, and one trainee never moves another', () => {
    fc.assert(
      fc.property(
        panelArbitrary,
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 20, maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 20, maxLength: 20 }),
        (rows, first, second) => {
          const panel = official(rows);
          const before = judgeFigures(panel);
          const one = traineeFigures(panel, scored('t1', first.slice(0, rows.length)));
          const both = traineeFigures(panel, [
            ...scored('t2', second.slice(0, rows.length)),
            ...scored('t1', first.slice(0, rows.length)),
          ]);
          expect(judgeFigures(panel)).toEqual(before);
          expect(both.find((f) => f.judge === 't1')).toEqual(one[0]);
          // Nobody official appears among the trainees' figures.
          expect(both.map((f) => f.judge).sort()).toEqual(['t1', 't2']);
        },
      ),
    );
  });

  it('a trainee who adds a constant to the panel median leans by that constant, clamped at the scale', () => {
    fc.assert(
      fc.property(panelArbitrary, fc.integer({ min: -3, max: 3 }), (rows, shift) => {
        const panel = official(rows);
        const medians = rows.map((row) => [...row].sort((a, b) => a - b)[1]!);
        const shifted = medians.map((m) => Math.min(3, Math.max(0, m + shift)));
        const [figures] = traineeFigures(panel, scored('t1', shifted));
        const expected =
          shifted.reduce((sum, score, i) => sum + score - medians[i]!, 0) / shifted.length;
        expect(figures!.severity.mean).toBeCloseTo(expected, 4);
      }),
    );
  });
});
