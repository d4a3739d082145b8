import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankByTotal, standardPositions } from './ranking';

describe('standardPositions', () => {
  it('ranks 1224: ties share a position and the next one skips', () => {
    expect(standardPositions([90, 85, 85, 70])).toEqual([1, 2, 2, 4]);
    expect(standardPositions([90, 90, 80, 80, 80, 10])).toEqual([1, 1, 3, 3, 3, 6]);
    expect(standardPositions([])).toEqual([]);
  });
});

describe('rankByTotal', () => {
  it('lists unranked entries where their total puts them, without a position', () => {
    const rows = rankByTotal([
      { id: 'a', total: 70, ranked: true },
      { id: 'guest', total: 95, ranked: false },
      { id: 'b', total: 80, ranked: true },
      { id: 'c', total: 80, ranked: true },
    ]);
    expect(rows.map((r) => [r.entry.id, r.position])).toEqual([
      ['guest', null],
      ['b', 1],
      ['c', 1],
      ['a', 3],
    ]);
  });

  it('positions agree with totals: 1 + the number of ranked entries strictly ahead', () => {
    const entry = fc.record({
      total: fc.integer({ min: 0, max: 20 }).map((n) => n / 4),
      ranked: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const rows = rankByTotal(entries);
        for (const row of rows) {
          if (!row.entry.ranked) {
            expect(row.position).toBeNull();
            continue;
          }
          const ahead = entries.filter((e) => e.ranked && e.total > row.entry.total).length;
          expect(row.position).toBe(ahead + 1);
        }
        for (let i = 1; i < rows.length; i++)
          expect(rows[i - 1]!.entry.total).toBeGreaterThanOrEqual(rows[i]!.entry.total);
      }),
    );
  });
});
