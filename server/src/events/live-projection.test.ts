import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConflictError } from '../store/port';
import { openSqliteStore, type SqliteStore } from '../store/sqlite';
import { EventLog } from './event-log';
import { LiveProjection, SnapshotGate } from './live-projection';
import { markRecorded, markTotals, type MarkTotals, type SampleMark } from './mark-totals';
import { snapshotContentHash } from './state-check';

let dataDir: string;
let store: SqliteStore;
let log: EventLog;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-live-'));
  store = await openSqliteStore(dataDir, { busyTimeoutMs: 50 });
  log = new EventLog(store);
});
afterEach(async () => {
  await log.settled();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function mark(n: number, score = 1): SampleMark {
  return {
    id: `mark-${String(n).padStart(4, '0')}`,
    competitor: `k${n % 4}`,
    aspect: 'A1',
    expert: `e${n % 5}`,
    score,
  };
}

/** A command as the scoring service would send it: refused when the competitor is unknown. */
const record = (entry: SampleMark) => () => {
  if (entry.competitor === 'nobody') throw new Error('unknown competitor');
  return [markRecorded(entry)];
};

describe('LiveProjection', () => {
  it('lands every concurrent command exactly once and equals a replay of the log', async () => {
    const live = await LiveProjection.load(log, 'c1', markTotals);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, n) => live.execute(record(mark(n, n % 4)))),
    );

    expect(
      results
        .flat()
        .map((e) => e.seq)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(live.head).toEqual(await log.head('c1'));
    expect(live.state).toEqual((await log.replay('c1', { ...markTotals, name: 'fresh@1' })).state);
    expect(await log.verify('c1')).toMatchObject({ ok: true, events: 60 });
    // The commands arrived together: one append, one transaction, one fsync.
    expect(store.groupCommits.transactions).toBe(1);
  });

  it('lets each command of a round see the events of the commands before it', async () => {
    const live = await LiveProjection.load(log, 'c1', markTotals);
    const onlyFirstMark = (entry: SampleMark) => (state: MarkTotals) =>
      state.marks === 0 ? [markRecorded(entry)] : [];
    const [first, second] = await Promise.all([
      live.execute(onlyFirstMark(mark(1))),
      live.execute(onlyFirstMark(mark(2))),
    ]);
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    expect(live.state.marks).toBe(1);
  });

  it('rejects only the command whose decision fails', async () => {
    const live = await LiveProjection.load(log, 'c1', markTotals);
    const results = await Promise.allSettled([
      live.execute(record(mark(1))),
      live.execute(record({ ...mark(2), competitor: 'nobody' })),
      live.execute(record(mark(3))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('unknown competitor');
    expect(live.state.marks).toBe(2);
    expect((await log.head('c1')).seq).toBe(2);
  });

  it('rejects a round that lost to another writer, then carries on from what the log holds', async () => {
    const live = await LiveProjection.load(log, 'c1', markTotals);
    await live.execute(record(mark(1, 3)));
    const otherServer = new EventLog(store);
    await otherServer.append('c1', 1, [markRecorded(mark(2, 2))]);

    await expect(live.execute(record(mark(3, 1)))).rejects.toBeInstanceOf(ConflictError);
    expect(live.state).toEqual({ marks: 2, totals: { k1: 3, k2: 2 } });
    const [stored] = await live.execute(record(mark(3, 1)));
    expect(stored!.seq).toBe(3);
    expect(live.state.totals).toEqual({ k1: 3, k2: 2, k3: 1 });
  });

  it('drops the events of a round that could not be stored, and carries on once it can', async () => {
    const live = await LiveProjection.load(log, 'c1', markTotals);
    await live.execute(record(mark(1, 3)));
    const otherProcess = new Database(store.file);
    otherProcess.exec('BEGIN IMMEDIATE');

    await expect(live.execute(record(mark(2, 2)))).rejects.toThrow(/locked/);
    expect(live.state).toEqual({ marks: 1, totals: { k1: 3 } });
    otherProcess.exec('ROLLBACK');
    otherProcess.close();

    const [stored] = await live.execute(record(mark(3, 1)));
    expect(stored!.seq).toBe(2);
    expect(live.state).toEqual({ marks: 2, totals: { k1: 3, k3: 1 } });
  });

  it('snapshots every N events in the background, and starts from the snapshot next time', async () => {
    const live = await LiveProjection.load(log, 'c1', markTotals, {
      snapshotEvery: 10,
      snapshotQuietMs: 0,
    });
    for (let n = 1; n <= 25; n++) await live.execute(record(mark(n)));
    await log.settled();
    expect((await store.latestSnapshot('c1', markTotals.name))?.seq).toBe(20);

    const reloaded = await LiveProjection.load(log, 'c1', markTotals, { snapshotEvery: 10 });
    expect(reloaded.state).toEqual(live.state);
    expect(reloaded.head).toEqual(live.head);
  });

  it('spaces snapshots by a quarter of the log once that is more than N events', async () => {
    const live = await LiveProjection.load(log, 'c1', markTotals, {
      snapshotEvery: 10,
      snapshotQuietMs: 0,
    });
    const saved = vi.spyOn(store, 'saveSnapshot');
    for (let n = 1; n <= 100; n++) await live.execute(record(mark(n)));
    await log.settled();
    expect(saved.mock.calls.map(([snapshot]) => snapshot.seq)).toEqual([
      10, 20, 30, 40, 50, 63, 79, 99,
    ]);
  });

  it('waits for a quiet moment to snapshot, unless it is overdue', async () => {
    const live = await LiveProjection.load(log, 'c1', markTotals, {
      snapshotEvery: 10,
      snapshotQuietMs: 50,
      snapshotOverdue: 40,
    });
    const saved = vi.spyOn(store, 'saveSnapshot');
    const seqs = () => saved.mock.calls.map(([snapshot]) => snapshot.seq);
    // Busy: due at 10, but only the overdue count, 40, forces one.
    for (let n = 1; n <= 45; n++) await live.execute(record(mark(n)));
    await log.settled();
    expect(seqs()).toEqual([40]);
    // Quiet: the snapshot due since 50 comes once nothing has run for a while.
    for (let n = 46; n <= 55; n++) await live.execute(record(mark(n)));
    await vi.waitFor(() => expect(seqs()).toEqual([40, 55]), { timeout: 2_000 });
    await log.settled();
  });

  it('spaces the snapshots that cannot wait across streams, and takes one twice as late regardless', async () => {
    // A gate that lets one through per 10 s: within this test, only the first stream's.
    const gate = new SnapshotGate(10_000);
    const options = {
      snapshotEvery: 10,
      snapshotQuietMs: 60_000,
      snapshotOverdue: 40,
      snapshotGate: gate,
    };
    const first = await LiveProjection.load(log, 'c1', markTotals, options);
    const second = await LiveProjection.load(log, 'c2', markTotals, options);
    const saved = vi.spyOn(store, 'saveSnapshot');
    const seqs = (stream: string) =>
      saved.mock.calls.filter(([s]) => s.stream === stream).map(([s]) => s.seq);
    for (let n = 1; n <= 85; n++) {
      await first.execute(record(mark(n)));
      await second.execute(record(mark(n)));
    }
    await log.settled();
    expect(seqs('c1')).toEqual([40]);
    // Overdue at 40 but the gate was shut: taken at 80, twice as late, whatever the gate says.
    expect(seqs('c2')).toEqual([80]);
  });

  it('lets one snapshot through its gate per spacing', () => {
    const gate = new SnapshotGate(100);
    expect([gate.pass(0), gate.pass(50), gate.pass(99), gate.pass(100), gate.pass(150)]).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
  });

  it('keeps the gate shut after a long snapshot until it is a twentieth of the time', () => {
    const gate = new SnapshotGate(100, 1 / 20);
    expect(gate.pass(0)).toBe(true);
    gate.took(25, 25);
    expect([gate.pass(100), gate.pass(524)]).toEqual([false, false]);
    expect(gate.pass(525)).toBe(true);
    // A short one leaves the spacing as it was.
    gate.took(1, 526);
    expect([gate.pass(600), gate.pass(625)]).toEqual([false, true]);
  });

  it("takes a quiet stream's snapshot once the gate lets it through", async () => {
    // Shut, as while other competitions take theirs, until the test opens it.
    const gate = new SnapshotGate();
    let open = false;
    vi.spyOn(gate, 'pass').mockImplementation(() => open);
    const live = await LiveProjection.load(log, 'c1', markTotals, {
      snapshotEvery: 10,
      snapshotQuietMs: 20,
      snapshotGate: gate,
    });
    const saved = vi.spyOn(store, 'saveSnapshot');
    for (let n = 1; n <= 12; n++) await live.execute(record(mark(n)));
    // Quiet for many times its 20 ms, but the gate is shut.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(saved).not.toHaveBeenCalled();
    open = true;
    await vi.waitFor(() => expect(saved).toHaveBeenCalledTimes(1), { timeout: 2_000 });
    await log.settled();
    expect(saved.mock.calls[0]![0].seq).toBe(12);
  });
});

describe('LiveProjection.verify', () => {
  /** Edits the kept snapshot in the SQLite file, content hash and all, as a forger would. */
  async function forgeSnapshot(state: MarkTotals): Promise<void> {
    const kept = (await store.latestSnapshot('c1', markTotals.name))!;
    const text = JSON.stringify(state);
    const contentHash = snapshotContentHash({ ...kept, state: text });
    const file = new Database(store.file);
    file
      .prepare('UPDATE snapshots SET state = ?, content_hash = ? WHERE stream = ?')
      .run(text, contentHash, 'c1');
    file.close();
  }

  it('answers ok for a served state that is the log’s, after the commands queued before it', async () => {
    const live = await LiveProjection.load(log, 'c1', markTotals, { snapshotEvery: 10 });
    const marking = Array.from({ length: 30 }, (_, n) => live.execute(record(mark(n + 1, 2))));
    const verdict = await live.verify();
    await Promise.all(marking);
    expect(verdict).toEqual({ ok: true, events: 30, head: live.head.hash });
  });

  it('rebuilds from the log a served state that a forged snapshot gave, and says so', async () => {
    const problems: string[] = [];
    log = new EventLog(store, { onIntegrityProblem: (message) => problems.push(message) });
    const first = await LiveProjection.load(log, 'c1', markTotals, {
      snapshotEvery: 10,
      snapshotQuietMs: 0,
    });
    for (let n = 1; n <= 10; n++) await first.execute(record(mark(n, 1)));
    await log.settled();
    const truth = structuredClone(first.state);
    await forgeSnapshot({ ...truth, totals: { ...truth.totals, k1: 40 } });

    // A restart trusts the forged snapshot: nothing in the store tells it from a true one.
    const restarted = await LiveProjection.load(log, 'c1', markTotals, { snapshotEvery: 10 });
    expect(restarted.state.totals.k1).toBe(40);
    const [verdict, second] = await Promise.all([restarted.verify(), restarted.verify()]);
    expect(verdict).toEqual({
      ok: false,
      reason: 'snapshot_altered',
      events: 10,
      head: restarted.head.hash,
      snapshotSeq: 10,
      liveState: 'differed',
    });
    expect(second).toBe(verdict);
    expect(restarted.state).toEqual(truth);
    expect(problems).toEqual([
      expect.stringMatching(/state served for c1 at event 10 .* Rebuilt from the log/),
    ]);
    // Marking carries on from the log's state; the forged snapshot is still reported.
    await restarted.execute(record(mark(11, 1)));
    expect(restarted.state.totals.k3).toBe(truth.totals.k3! + 1);
    expect(await restarted.verify()).toMatchObject({
      reason: 'snapshot_altered',
      liveState: 'matches',
    });
  });
});
