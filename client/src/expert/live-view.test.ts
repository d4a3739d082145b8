import { describe, expect, it } from 'vitest';
import { initialLiveView, liveViewReducer, ViewReader } from './live-view';
import type { QueuedMark } from './queue';
import { openRescores, panelScores, type ExpertView } from './view';

const view: ExpertView = {
  competition: { id: 'c', profileId: 'wsk-championship@2024' },
  expert: { id: 'e1', role: 'expert' },
  criteria: [],
  locks: [{ subCriterion: 'C2', locked: false, signOffs: [] }],
  competitors: [{ id: 'p1', name: { first: 'A', last: 'B' }, status: 'active' }],
  marks: [],
  revealedScores: [{ competitor: 'p1', aspect: 'C2.J1', scores: [{ score: 0 }] }],
  rescoreRequests: [
    { competitor: 'p1', aspect: 'C2.J1', at: '2026-03-12T10:00:00Z', reason: null },
  ],
};

const judged = (id: string, state: QueuedMark['state'], enteredAt: number): QueuedMark => ({
  id,
  competitor: 'p1',
  aspect: 'C2.J1',
  value: { kind: 'judgement', score: 2 },
  state,
  enteredAt,
});

describe('live expert view', () => {
  it('replaces the revealed scores of a cell with a push, keeping the server flag', () => {
    const live = liveViewReducer(initialLiveView(view, 1), {
      type: 'scores',
      scores: {
        competitor: 'p1',
        aspect: 'C2.J1',
        scores: [{ score: 0 }, { score: 3 }],
        discrepancy: true,
      },
    });
    expect(live.view.revealedScores).toEqual([
      {
        competitor: 'p1',
        aspect: 'C2.J1',
        scores: [{ score: 0 }, { score: 3 }],
        discrepancy: true,
      },
    ]);
    const aspect = { code: 'C2.J1', type: 'J', description: '', section: '1', maxMark: 1 } as const;
    expect(panelScores(live.view, aspect, 'p1')?.discrepant).toBe(true);
    // A resolution by the chief expert clears the flag although the scores are still far apart.
    const resolved = liveViewReducer(live, {
      type: 'scores',
      scores: {
        competitor: 'p1',
        aspect: 'C2.J1',
        scores: [{ score: 0 }, { score: 3 }],
        discrepancy: false,
      },
    });
    expect(panelScores(resolved.view, aspect, 'p1')?.discrepant).toBe(false);
  });

  it("takes a teammate's measurement push, and drops the cell when its mark stops counting", () => {
    const mark = { id: 'e2-1', value: { kind: 'binary', achieved: true } as const, expert: 'e2' };
    const pushed = liveViewReducer(initialLiveView(view, 1), {
      type: 'teamMarks',
      marks: [{ competitor: 'p1', aspect: 'C1.M1', mark }],
    });
    expect(pushed.view.teamMarks).toEqual([{ ...mark, competitor: 'p1', aspect: 'C1.M1' }]);
    const cleared = liveViewReducer(pushed, {
      type: 'teamMarks',
      marks: [{ competitor: 'p1', aspect: 'C1.M1', mark: null }],
    });
    expect(cleared.view.teamMarks).toEqual([]);
  });

  it("leaves out this expert's own marks, which come in the same push as the team's", () => {
    const own = { id: 'e1-1', value: { kind: 'binary', achieved: false } as const, expert: 'e1' };
    const teammate = { ...own, id: 'e2-1', expert: 'e2' };
    const pushed = liveViewReducer(initialLiveView(view, 1), {
      type: 'teamMarks',
      marks: [
        { competitor: 'p1', aspect: 'C1.M1', mark: own },
        { competitor: 'p1', aspect: 'C1.M2', mark: teammate },
      ],
    });
    expect(pushed.view.teamMarks).toEqual([{ ...teammate, competitor: 'p1', aspect: 'C1.M2' }]);
  });

  it('keeps which judgement cells have a complete panel without this judge', () => {
    const cell = { competitor: 'p1', aspect: 'C2.J1' };
    const full = liveViewReducer(initialLiveView(view, 1), { type: 'panel', ...cell, full: true });
    expect(full.view.fullPanels).toEqual([cell]);
    const again = liveViewReducer(full, { type: 'panel', ...cell, full: true });
    expect(again.view.fullPanels).toEqual([cell]);
    expect(liveViewReducer(again, { type: 'panel', ...cell, full: false }).view.fullPanels).toEqual(
      [],
    );
  });

  it('takes a lock push and a sign-off answer', () => {
    const lock = { subCriterion: 'C2', locked: true, signOffs: [] };
    const locked = liveViewReducer(initialLiveView(view, 1), { type: 'lock', lock });
    expect(locked.view.locks).toEqual([lock]);
    const signed = { ...lock, signOffs: [{ expert: 'e1' }] };
    expect(liveViewReducer(locked, { type: 'locks', locks: [signed] }).view.locks).toEqual([
      signed,
    ]);
  });

  it('keeps when the tablet first saw a request across refetches, and adds pushed ones', () => {
    const first = initialLiveView(view, 100);
    expect(first.rescores.map((r) => r.seenAt)).toEqual([100]);
    const again = liveViewReducer(first, { type: 'view', view, now: 200 });
    expect(again.rescores.map((r) => r.seenAt)).toEqual([100]);
    const renewed = liveViewReducer(again, {
      type: 'rescore',
      request: { competitor: 'p1', aspect: 'C2.J1', at: '2026-03-12T11:00:00Z', reason: 'x' },
      now: 300,
    });
    expect(renewed.rescores).toEqual([
      { competitor: 'p1', aspect: 'C2.J1', at: '2026-03-12T11:00:00Z', reason: 'x', seenAt: 300 },
    ]);
    const done = liveViewReducer(renewed, {
      type: 'view',
      view: { ...view, rescoreRequests: [] },
      now: 400,
    });
    expect(done.rescores).toEqual([]);
  });

  it('closes a request once the judge has scored again, even while the score waits offline', () => {
    const { rescores } = initialLiveView(view, 100);
    expect(openRescores(view, rescores, [judged('old', 'saved', 50)])).toHaveLength(1);
    expect(
      openRescores(view, rescores, [judged('old', 'saved', 50), judged('new', 'queued', 150)]),
    ).toEqual([]);
    expect(openRescores(view, rescores, [judged('new', 'saved', 150)])).toEqual([]);
    // A refused re-score leaves the request open.
    expect(openRescores(view, rescores, [judged('new', 'rejected', 150)])).toHaveLength(1);
    // Once its sub-criterion is locked, nothing can be scored there: the request goes.
    const locked = { ...view, locks: [{ subCriterion: 'C2', locked: true, signOffs: [] }] };
    expect(openRescores(locked, rescores, [])).toEqual([]);
  });
});

describe('ViewReader', () => {
  /** Reads the test answers by hand, in any order. */
  function manualReads() {
    const pending: ((view: ExpertView) => void)[] = [];
    const applied: ExpertView[] = [];
    const reader = new ViewReader(
      () => new Promise<ExpertView | null>((resolve) => pending.push(resolve)),
      (read) => applied.push(read),
    );
    return { reader, pending, applied };
  }
  const version = (n: number): ExpertView => ({
    ...view,
    marks: [],
    criteria: [],
    locks: [],
    expert: { id: `v${n}`, role: 'expert' },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('applies a read that nothing overtook', async () => {
    const { reader, pending, applied } = manualReads();
    const done = reader.refetch();
    pending.shift()!(version(1));
    await done;
    expect(applied.map((v) => v.expert.id)).toEqual(['v1']);
  });

  it('reads again instead of applying a read that a push overtook', async () => {
    const { reader, pending, applied } = manualReads();
    const done = reader.refetch();
    reader.pushed();
    pending.shift()!(version(1));
    await settle();
    expect(applied).toEqual([]);
    pending.shift()!(version(2));
    await done;
    expect(applied.map((v) => v.expert.id)).toEqual(['v2']);
  });

  it('of overlapping reads applies only the last one started', async () => {
    const { reader, pending, applied } = manualReads();
    const first = reader.refetch();
    const second = reader.refetch();
    const [answerFirst, answerSecond] = pending.splice(0);
    answerSecond!(version(2));
    answerFirst!(version(1));
    await Promise.all([first, second]);
    expect(applied.map((v) => v.expert.id)).toEqual(['v2']);
  });
});
