import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { almatyHour, JudgeAnalytics, judgeFigures, type JudgedCell } from './judges';

const at = '2026-03-11T05:00:00.000Z'; // 10:00 in Almaty

/** A panel of judges j1..jN scoring competitors c1..cM on one aspect each. */
const panelCells = (scores: number[][]): JudgedCell[] =>
  scores.map((row, c) => ({
    competitor: `c${c + 1}`,
    aspect: 'A1.J1',
    scores: row.map((score, j) => ({ judge: `j${j + 1}`, score, at })),
  }));

/** Cells of 3-5 judges on 0-3 scores. */
const cellsArbitrary = fc.integer({ min: 3, max: 5 }).chain((judges) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: judges, maxLength: judges }), {
    minLength: 1,
    maxLength: 30,
  }),
);

const byJudge = (figures: ReturnType<typeof judgeFigures>) =>
  Object.fromEntries(figures.map((f) => [f.judge, f]));

describe('judge figures', () => {
  it('works the documented example: a lenient judge among four', () => {
    // docs/judge-analytics.md: j4 gives one more than the others, and two more on c3.
    const figures = byJudge(
      judgeFigures(
        panelCells([
          [2, 2, 2, 3],
          [1, 1, 1, 2],
          [1, 1, 1, 3],
          [0, 0, 0, 1],
        ]),
        undefined,
        { minCells: 4 },
      ),
    );
    expect(figures.j4!.severity).toEqual({ n: 4, mean: 1.25, spread: 0.433 });
    expect(figures.j4!.flag).toBe('lenient');
    expect(figures.j4!.exact).toBe(0);
    expect(figures.j4!.withinOne).toBe(0.75);
    // c3: 1, 1, 1, 3 is a discrepancy (spread 2 > 1), and j4 alone is furthest from the others.
    expect(figures.j4!.outlier).toBe(1);
    expect(figures.j1!.severity).toEqual({ n: 4, mean: 0, spread: 0 });
    expect(figures.j1!.exact).toBe(1);
    expect(figures.j1!.flag).toBeNull();
  });

  it('gives a judge who always agrees with the panel severity 0 and agreement 100 %', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }),
        (scores) => {
          const figures = judgeFigures(panelCells(scores.map((s) => [s, s, s, s])));
          for (const judge of figures) {
            expect(judge.severity.mean).toBe(0);
            expect(judge.exact).toBe(1);
            expect(judge.withinOne).toBe(1);
            expect(judge.outlier).toBe(0);
            expect(judge.flag).toBeNull();
          }
        },
      ),
    );
  });

  it('does not change when the judges or the competitors are listed in another order', () => {
    fc.assert(
      fc.property(cellsArbitrary, fc.integer(), (scores, seed) => {
        const cells = panelCells(scores);
        const shuffle = <T>(items: readonly T[]) =>
          items
            .map((item, i) => ({ item, key: Math.sin(seed + i * 7919) }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const permuted = shuffle(cells).map((cell) => ({ ...cell, scores: shuffle(cell.scores) }));
        expect(judgeFigures(permuted)).toEqual(judgeFigures(cells));
      }),
    );
  });

  it('moves a judge’s severity by a constant added to its scores, within the scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 20, maxLength: 20 }),
        fc.constantFrom(-1, 1),
        (others, own, shift) => {
          // The shifted judge's scores stay on the 0-3 scale: 1-2 shifted by ±1.
          const base = others.map((row, c) => [...row, own[c]! < 1 ? 1 : 2]);
          const shifted = base.map((row) => [...row.slice(0, 3), row[3]! + shift]);
          const before = byJudge(judgeFigures(panelCells(base))).j4!;
          const after = byJudge(judgeFigures(panelCells(shifted))).j4!;
          expect(after.severity.mean).toBeCloseTo(before.severity.mean + shift, 10);
          expect(after.severity.spread).toBeCloseTo(before.severity.spread, 10);
        },
      ),
    );
  });

  it('updates incrementally to exactly what a recompute gives, through re-scores', () => {
    fc.assert(
      fc.property(
        cellsArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }))),
        (scores, changes) => {
          const live = new JudgeAnalytics();
          const current = scores.map((row) => [...row]);
          for (const cell of panelCells(current)) live.setCell(cell);
          for (const [c, j, score] of changes) {
            const row = current[c % current.length]!;
            row[j % row.length] = score;
            live.setCell(panelCells(current)[c % current.length]!);
          }
          expect(live.all()).toEqual(judgeFigures(panelCells(current)));
        },
      ),
    );
  });

  it('shows a group only with enough cells, and greys a small sample without a flag', () => {
    const cells = panelCells([
      [3, 1, 1],
      [3, 1, 1],
      [3, 1, 1],
    ]);
    const groupOf = (competitor: string) => (competitor === 'c3' ? 'abai' : 'astana');
    const figures = byJudge(judgeFigures(cells, groupOf, { minGroupCells: 2 }));
    expect(figures.j1!.smallSample).toBe(true);
    expect(figures.j1!.flag).toBeNull();
    expect(figures.j1!.byGroup).toEqual([{ group: 'astana', n: 2, mean: 2, spread: 0 }]);
    expect(figures.j1!.byHour).toEqual([{ hour: 10, n: 3, mean: 2, spread: 0 }]);
  });

  it('leaves out cells one judge scored alone', () => {
    expect(judgeFigures(panelCells([[2]]))).toEqual([]);
  });

  it('reads the hour in Almaty from any ISO time, as a date parser would', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (date) => {
          const expected = (date.getUTCHours() + 5) % 24;
          expect(almatyHour(date.toISOString())).toBe(expected);
          // The same instant written in Almaty's own offset.
          const local = new Date(date.getTime() + 5 * 3_600_000).toISOString().slice(0, 19);
          expect(almatyHour(`${local}+05:00`)).toBe(expected);
        },
      ),
    );
  });
});
