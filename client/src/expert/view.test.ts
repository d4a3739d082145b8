import { describe, expect, it } from 'vitest';
import type { Aspect } from '@ashyq/shared';
import type { QueuedMark } from './queue';
import {
  acceptsEntry,
  cellKey,
  cellMarks,
  daysOf,
  panelScores,
  shortValue,
  type ExpertView,
} from './view';

const aspect = (code: string, extra: Partial<Aspect> = {}): Aspect => ({
  code,
  type: code.includes('.J') ? 'J' : 'M',
  description: code,
  section: '1',
  maxMark: 2,
  ...extra,
});

const view: ExpertView = {
  competition: { id: 'c', profileId: 'wsk-championship@2024' },
  expert: { id: 'e1', role: 'expert' },
  criteria: [
    {
      id: 'A',
      name: 'A',
      maxMark: 4,
      subCriteria: [
        { id: 'A2', name: 'A2', day: 2, aspects: [aspect('A2.M1')] },
        { id: 'A1', name: 'A1', day: 1, aspects: [aspect('A1.J1')] },
      ],
    },
  ],
  locks: [],
  competitors: [{ id: 'p1', name: { first: 'A', last: 'B' }, status: 'active' }],
  marks: [
    { id: 'server-1', competitor: 'p1', aspect: 'A1.J1', value: { kind: 'judgement', score: 1 } },
  ],
};

const queued = (
  id: string,
  aspectCode: string,
  state: QueuedMark['state'],
  at: number,
): QueuedMark => ({
  id,
  competitor: 'p1',
  aspect: aspectCode,
  value: { kind: 'binary', achieved: true },
  state,
  enteredAt: at,
});

describe('expert view', () => {
  it('shows the server marks as saved and overlays the queue, latest entry last', () => {
    const cells = cellMarks(view, [
      queued('local-01', 'A2.M1', 'rejected', 1),
      queued('local-02', 'A2.M1', 'queued', 2),
    ]);
    expect(cells.get(cellKey('p1', 'A1.J1'))?.state).toBe('saved');
    expect(cells.get(cellKey('p1', 'A2.M1'))?.state).toBe('queued');
  });

  it('does not let a rejected retry hide a saved mark, but lets the expert enter again', () => {
    const cells = cellMarks(view, [queued('local-01', 'A1.J1', 'rejected', 1)]);
    expect(cells.get(cellKey('p1', 'A1.J1'))?.state).toBe('saved');
    expect(acceptsEntry(cells.get(cellKey('p1', 'A1.J1')))).toBe(false);
    const rejectedOnly = cellMarks(view, [queued('local-02', 'A2.M1', 'rejected', 1)]);
    expect(acceptsEntry(rejectedOnly.get(cellKey('p1', 'A2.M1')))).toBe(true);
    expect(acceptsEntry(undefined)).toBe(true);
  });

  it("shows a teammate's measurement as saved by them, and not this tablet's mark it replaced", () => {
    const achieved = { kind: 'binary', achieved: false } as const;
    const withTeam: ExpertView = {
      ...view,
      teamMarks: [
        {
          id: 'e2-1',
          competitor: 'p1',
          aspect: 'A2.M1',
          value: achieved,
          expert: 'e2',
          supersedes: 'local-01',
        },
      ],
    };
    const replaced = cellMarks(withTeam, [queued('local-01', 'A2.M1', 'saved', 1)]);
    expect(replaced.get(cellKey('p1', 'A2.M1'))).toMatchObject({
      id: 'e2-1',
      by: 'e2',
      state: 'saved',
    });
    expect(acceptsEntry(replaced.get(cellKey('p1', 'A2.M1')))).toBe(false);
    // Measured again on this tablet after the teammate: the latest entry is shown.
    const again = cellMarks(withTeam, [queued('local-02', 'A2.M1', 'queued', 2)]);
    expect(again.get(cellKey('p1', 'A2.M1'))).toMatchObject({ id: 'local-02', state: 'queued' });
    expect(again.get(cellKey('p1', 'A2.M1'))?.by).toBeUndefined();
  });

  it('lists the marking days in order', () => {
    expect(daysOf(view)).toEqual([1, 2]);
  });

  it('shows measurement cells as the mark the shared engine computes', () => {
    const deduction = aspect('A2.M1', {
      measurement: { kind: 'deduction', target: 0, unit: 1, deduction: 0.25 },
    });
    expect(shortValue(deduction, { kind: 'deduction', measured: 3 })).toBe('1.25');
    const choice = aspect('A2.M2', {
      measurement: {
        kind: 'choice',
        options: [
          { label: 'all', deduction: 0 },
          { label: 'some', deduction: 0.5 },
        ],
      },
    });
    expect(shortValue(choice, { kind: 'choice', option: 1 })).toBe('1.5');
    expect(shortValue(aspect('A2.M3'), { kind: 'binary', achieved: false })).toBe('✗');
    expect(shortValue(aspect('A1.J1'), { kind: 'judgement', score: 3 })).toBe('3');
  });

  it('reveals the panel only where the judge has scored, flagged by the profile threshold', () => {
    const judged = aspect('A1.J1', { maxMark: 3 });
    expect(panelScores(view, judged, 'p1')).toBeNull();
    const revealed: ExpertView = {
      ...view,
      revealedScores: [{ competitor: 'p1', aspect: 'A1.J1', scores: [{ score: 1 }, { score: 3 }] }],
    };
    expect(panelScores(revealed, judged, 'p1')).toEqual({
      scores: [1, 3],
      discrepant: true,
      mark: 2,
    });
    const agreed: ExpertView = {
      ...view,
      revealedScores: [{ competitor: 'p1', aspect: 'A1.J1', scores: [{ score: 2 }, { score: 3 }] }],
    };
    expect(panelScores(agreed, judged, 'p1')?.discrepant).toBe(false);
  });
});
