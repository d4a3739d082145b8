import { describe, expect, it } from 'vitest';
import type { Aspect } from '@ashyq/shared';
import {
  cellState,
  cellsToMark,
  entryMode,
  entryScroll,
  nextToMark,
  sidewaysScroll,
  panelShown,
} from './grid-view';
import { cellKey, type CellMark, type ExpertView } from './view';

const judged: Aspect = {
  code: 'A1.J1',
  type: 'J',
  description: 'Layout is balanced',
  section: '1',
  maxMark: 2,
  descriptors: ['Poor', 'Fair', 'Good', 'Excellent'],
};
const measured: Aspect = { ...judged, code: 'A1.M1', type: 'M', descriptors: undefined };

const person = (id: string) => ({ id, name: { first: id, last: id }, status: 'active' });
const view: ExpertView = {
  competition: { id: 'c', profileId: 'wsk-championship@2024' },
  expert: { id: 'e1', role: 'expert' },
  criteria: [
    {
      id: 'A',
      name: 'A',
      maxMark: 4,
      subCriteria: [{ id: 'A1', name: 'A1', day: 1, aspects: [judged, measured] }],
    },
  ],
  locks: [],
  competitors: [person('p1'), person('p2'), person('p3'), person('p4')],
  marks: [],
  fullPanels: [{ competitor: 'p2', aspect: 'A1.J1' }],
};
const saved = (value: CellMark['value']): CellMark => ({ id: 'm', value, state: 'saved' });

describe('marking grid: cell states', () => {
  it('shows a cell the complete panel needs no score for as "not needed", not as one to fill', () => {
    expect(cellState(view, 'p2', 'A1.J1', undefined)).toBe('notNeeded');
    expect(cellState(view, 'p1', 'A1.J1', undefined)).toBe('empty');
    expect(cellState(view, 'p2', 'A1.M1', undefined)).toBe('empty');
  });

  it('keeps the expert’s own saved score when the panel is full, and a rejected one asks again', () => {
    const score = saved({ kind: 'judgement', score: 2 });
    expect(cellState(view, 'p2', 'A1.J1', score)).toBe('saved');
    expect(cellState(view, 'p2', 'A1.J1', { ...score, state: 'rejected' })).toBe('notNeeded');
    expect(cellState(view, 'p1', 'A1.J1', { ...score, state: 'rejected' })).toBe('rejected');
  });

  it('counts what is left to mark on a tab, leaving out cells no mark is needed for', () => {
    const cells = new Map([[cellKey('p1', 'A1.M1'), saved({ kind: 'binary', achieved: true })]]);
    // 4 competitors × 2 aspects, minus p1's measurement, minus p2's complete judgement.
    expect(cellsToMark(view, [judged, measured], cells)).toBe(6);
  });
});

describe('marking grid: what the entry panel offers', () => {
  it('a cell not needed offers no entry and no promise of the panel’s scores', () => {
    const mode = entryMode(judged, 'notNeeded', undefined, { locked: false, requested: false });
    expect(mode).toBe('notNeeded');
    expect(panelShown(view, judged, 'p2', mode)).toBeNull();
  });

  it('an empty judgement cell takes a score and says the panel stays hidden until then', () => {
    const mode = entryMode(judged, 'empty', undefined, { locked: false, requested: false });
    expect(mode).toBe('entry');
    expect(panelShown(view, judged, 'p1', mode)).toEqual({ kind: 'blind' });
  });

  it('a locked sub-criterion takes nothing, whatever the cell holds', () => {
    expect(entryMode(judged, 'empty', undefined, { locked: true, requested: true })).toBe('locked');
  });

  it('a saved judgement is scored again behind a button, at once when the chief asked', () => {
    const cell = saved({ kind: 'judgement', score: 1 });
    expect(entryMode(judged, 'saved', cell, { locked: false, requested: false })).toBe(
      'offerRescore',
    );
    expect(entryMode(judged, 'saved', cell, { locked: false, requested: true })).toBe('rescore');
    expect(
      entryMode(measured, 'saved', saved({ kind: 'binary', achieved: false }), {
        locked: false,
        requested: false,
      }),
    ).toBe('offerCorrection');
    expect(
      entryMode(
        measured,
        'queued',
        { ...cell, state: 'queued' },
        { locked: false, requested: false },
      ),
    ).toBe('done');
  });
});

describe('marking grid: moving on after a first entry', () => {
  it('goes down the column to the next competitor who needs a mark, skipping complete panels', () => {
    const cells = new Map([[cellKey('p3', 'A1.J1'), saved({ kind: 'judgement', score: 3 })]]);
    cells.set(cellKey('p1', 'A1.J1'), saved({ kind: 'judgement', score: 2 }));
    expect(nextToMark(view, cells, { competitor: 'p1', aspect: 'A1.J1' })).toBe('p4');
  });

  it('wraps to the top, and stops when the column is done', () => {
    const cells = new Map<string, CellMark>();
    expect(nextToMark(view, cells, { competitor: 'p4', aspect: 'A1.M1' })).toBe('p1');
    for (const id of ['p1', 'p2', 'p3', 'p4'])
      cells.set(cellKey(id, 'A1.M1'), saved({ kind: 'binary', achieved: true }));
    expect(nextToMark(view, cells, { competitor: 'p4', aspect: 'A1.M1' })).toBeNull();
  });
});

describe('marking grid: keeping the grid in sight above the entry', () => {
  const room = 600;
  it('leaves a grid that is already in sight where it is', () => {
    expect(entryScroll({ top: 80, bottom: 560 }, { top: 140, bottom: 200 }, room)).toBe(0);
  });
  it('brings the whole grid to the top of the screen when it fits above the entry', () => {
    expect(entryScroll({ top: 480, bottom: 960 }, { top: 540, bottom: 600 }, room)).toBe(480);
    expect(entryScroll({ top: -200, bottom: 280 }, { top: -140, bottom: -80 }, room)).toBe(-200);
  });
  it('shows as much of a taller grid as keeps the selected row in sight', () => {
    const grid = { top: 300, bottom: 1500 };
    expect(entryScroll(grid, { top: 400, bottom: 460 }, room)).toBe(300);
    expect(entryScroll(grid, { top: 1100, bottom: 1160 }, room)).toBe(560);
    expect(entryScroll({ top: -900, bottom: 300 }, { top: 100, bottom: 160 }, room)).toBe(0);
    expect(entryScroll({ top: -900, bottom: 300 }, { top: -60, bottom: 0 }, room)).toBe(-60);
  });
});

describe('sidewaysScroll', () => {
  const box = { left: 0, right: 560 };
  it('leaves a cell already in sight where it is', () => {
    expect(sidewaysScroll(box, { left: 300, right: 400 }, 280)).toBe(0);
  });
  it('brings a cell beyond the right edge into sight', () => {
    expect(sidewaysScroll(box, { left: 640, right: 740 }, 280)).toBe(180);
  });
  it('brings a cell under the names column out from under it', () => {
    expect(sidewaysScroll(box, { left: 200, right: 300 }, 280)).toBe(-80);
    expect(sidewaysScroll(box, { left: -150, right: -50 }, 0)).toBe(-150);
  });
  it('shows the left edge of a cell wider than the room', () => {
    expect(sidewaysScroll(box, { left: 500, right: 900 }, 280)).toBe(220);
  });
});
