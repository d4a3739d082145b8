import { describe, expect, it } from 'vitest';
import { clampStep, revealAt, revealGroups } from './ceremony';
import type { BoardRow } from './types';

const row = (
  competitor: string,
  position: number | null,
  medal: BoardRow['medal'] = null,
): BoardRow => ({
  position,
  competitor,
  name: null,
  collegeId: null,
  college: null,
  regionId: null,
  guest: position === null,
  status: 'active',
  criteria: {},
  total: 0,
  medal,
  medallion: false,
});

// Two golds (tied), no silver, then bronze: standard competition ranking (1224).
const rows = [
  row('a', 1, 'gold'),
  row('b', 1, 'gold'),
  row('c', 3, 'bronze'),
  row('d', 4),
  row('e', 5),
  row('guest', null),
];

describe('ceremony reveal', () => {
  it('ascending: from last place up, tied competitors together, guests not at all', () => {
    expect(revealGroups(rows, 'ascending')).toEqual([['e'], ['d'], ['c'], ['a', 'b']]);
  });

  it('medals: everyone without a medal first, then bronze, silver, gold', () => {
    expect(revealGroups(rows, 'medals')).toEqual([['d', 'e'], ['c'], ['a', 'b']]);
  });

  it('shows the revealed rows in board order and what the latest step revealed', () => {
    const { rows: shown, view } = revealAt(rows, 'ascending', 2);
    expect(shown.map((r) => r.competitor)).toEqual(['d', 'e']);
    expect(view).toEqual({ mode: 'ascending', step: 2, steps: 4, latest: ['d'], hidden: 3 });
    expect(revealAt(rows, 'ascending', 0).rows).toEqual([]);
    expect(revealAt(rows, 'medals', 3).view.hidden).toBe(0);
  });

  it('keeps the step between nothing shown and everything shown', () => {
    expect(clampStep(rows, 'ascending', -1)).toBe(0);
    expect(clampStep(rows, 'ascending', 9)).toBe(4);
    expect(clampStep(rows, 'medals', 9)).toBe(3);
  });
});
