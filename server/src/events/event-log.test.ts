import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../store/port';
import { openSqliteStore, sqliteFileName, type SqliteStore } from '../store/sqlite';
import { genesisHash, verifyChain } from './chain';
import { EventLog } from './event-log';
import { markRecorded, markTotals, type SampleMark } from './mark-totals';
import { snapshotContentHash } from './state-check';

let dataDir: string;
let store: SqliteStore;
let log: EventLog;
/** What the log said in the server log about what it did not trust. */
let problems: string[];
const clock = () => new Date('2026-03-01T04:00:00.000Z');

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-log-'));
  store = await openSqliteStore(dataDir);
  problems = [];
  log = new EventLog(store, { clock, onIntegrityProblem: (message) => problems.push(message) });
});
afterEach(async () => {
  await log.settled();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function mark(n: number, competitor = `k${n % 3}`, score = n % 4): SampleMark {
  return {
    id: `mark-${String(n).padStart(4, '0')}`,
    competitor,
    aspect: 'A1',
    expert: 'e1',
    score,
  };
}

async function appendMarks(stream: string, from: number, count: number): Promise<void> {
  for (let n = from; n < from + count; n++)
    await log.append(stream, n - 1, [markRecorded(mark(n))]);
}

async function readAll(stream: string) {
  const events = [];
  for await (const event of log.read(stream)) events.push(event);
  return events;
}

/** Changes stored events behind the server's back, as someone with access to the file could. */
function tamper(sql: string): void {
  const file = new Database(path.join(dataDir, sqliteFileName));
  file.prepare(sql).run();
  file.close();
}

describe('EventLog.append', () => {
  it('stores numbered, timed, hash-chained events', async () => {
    const [first] = await log.append('c1', 0, [markRecorded(mark(1))]);
    const [second, third] = await log.append('c1', 1, [
      markRecorded(mark(2)),
      markRecorded(mark(3)),
    ]);
    expect(first).toMatchObject({
      stream: 'c1',
      seq: 1,
      at: clock().toISOString(),
      actor: 'e1',
      prevHash: genesisHash,
    });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash });
    expect(third).toMatchObject({ seq: 3, prevHash: second!.hash });
    expect(await readAll('c1')).toEqual([first, second, third]);
    expect(await log.head('c1')).toEqual({ seq: 3, hash: third!.hash });
  });

  it('refuses a writer that did not see the latest event, and accepts it once it has', async () => {
    await appendMarks('c1', 1, 2);
    await expect(log.append('c1', 1, [markRecorded(mark(9))])).rejects.toMatchObject({
      name: 'ConflictError',
      expected: 1,
      actual: 2,
    });
    await log.append('c1', 2, [markRecorded(mark(3))]);
    expect((await readAll('c1')).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('continues the chain after another server appended to the same store', async () => {
    await appendMarks('c1', 1, 2);
    const otherServer = new EventLog(await openSqliteStore(dataDir));
    await otherServer.append('c1', 2, [markRecorded(mark(3))]);
    await otherServer.store.close();

    // This log's cached head (seq 2) is stale: the store refuses, then the writer catches up.
    await expect(log.append('c1', 2, [markRecorded(mark(4))])).rejects.toBeInstanceOf(
      ConflictError,
    );
    await log.append('c1', 3, [markRecorded(mark(4))]);
    expect(await log.verify('c1')).toMatchObject({ ok: true, events: 4 });
  });

  it('stores nothing when one draft is not valid', async () => {
    const bad = { type: 'mark.recorded', actor: 'e1', data: { score: NaN } };
    await expect(log.append('c1', 0, [markRecorded(mark(1)), bad])).rejects.toThrow(/finite/);
    expect(await log.head('c1')).toEqual({ seq: 0, hash: null });
  });
});

describe('EventLog.verify', () => {
  it('reports the length and head of an intact log; an empty one has the genesis head', async () => {
    await appendMarks('c1', 1, 5);
    const head = await log.head('c1');
    expect(await log.verify('c1')).toEqual({ ok: true, events: 5, head: head.hash });
    expect(await log.verify('empty')).toEqual({ ok: true, events: 0, head: genesisHash });
  });

  it('names the seq of an event whose data was changed in the SQLite file', async () => {
    await appendMarks('c1', 1, 6);
    await appendMarks('c2', 1, 6);
    tamper(
      `UPDATE events SET data = '{"mark":{"competitor":"k1","value":{"score":3}}}' WHERE stream = 'c1' AND seq = 4`,
    );
    expect(await log.verify('c1')).toEqual({ ok: false, firstBadSeq: 4, reason: 'hash_mismatch' });
    expect(await log.verify('c2')).toMatchObject({ ok: true, events: 6 });
  });

  it('names a deleted event, and a copy put in its place', async () => {
    await appendMarks('c1', 1, 5);
    tamper(`DELETE FROM events WHERE stream = 'c1' AND seq = 2`);
    expect(await log.verify('c1')).toEqual({ ok: false, firstBadSeq: 2, reason: 'seq_gap' });
    tamper(
      `INSERT INTO events SELECT stream, 2, at, actor, type, data, prev_hash, hash FROM events WHERE stream = 'c1' AND seq = 3`,
    );
    expect(await log.verify('c1')).toEqual({
      ok: false,
      firstBadSeq: 2,
      reason: 'prev_hash_mismatch',
    });
  });

  it('reports an unreadable event as the first bad one', async () => {
    await appendMarks('c1', 1, 3);
    tamper(`UPDATE events SET data = '{"broken' WHERE stream = 'c1' AND seq = 3`);
    expect(await log.verify('c1')).toEqual({ ok: false, firstBadSeq: 3, reason: 'unreadable' });
  });

  it('verifies a log longer than one page', async () => {
    const drafts = Array.from({ length: 4_500 }, (_, i) => markRecorded(mark(i + 1)));
    const events = await log.append('long', 0, drafts);
    expect(await log.verify('long')).toEqual(verifyChain(events));
    expect(await log.verify('long')).toMatchObject({ ok: true, events: 4_500 });
  });
});

describe('EventLog.replay', () => {
  it('rebuilds the state from every event', async () => {
    await log.append(
      'c1',
      0,
      [mark(1, 'k1', 3), mark(2, 'k2', 1), mark(3, 'k1', 2)].map(markRecorded),
    );
    const replayed = await log.replay('c1', markTotals);
    expect(replayed.state).toEqual({ marks: 3, totals: { k1: 5, k2: 1 } });
    expect(replayed.head).toEqual(await log.head('c1'));
    expect(replayed.fromSnapshotSeq).toBe(0);
  });

  it('snapshots a long replay and starts the next one from the snapshot', async () => {
    await appendMarks('c1', 1, 30);
    const full = await log.replay('c1', markTotals, { snapshotEvery: 25 });
    await log.settled();
    expect((await store.latestSnapshot('c1', markTotals.name))?.seq).toBe(30);

    await appendMarks('c1', 31, 5);
    const resumed = await log.replay('c1', markTotals);
    expect(resumed.fromSnapshotSeq).toBe(30);
    const fromScratch = await log.replay('c1', { ...markTotals, name: 'mark-totals@2' });
    expect(fromScratch.fromSnapshotSeq).toBe(0);
    expect(resumed.state).toEqual(fromScratch.state);
    expect(resumed.state.marks).toBe(35);
    expect(full.state.marks).toBe(30);
  });

  it('goes on from a state it replayed before, and refuses a log that does not continue it', async () => {
    await appendMarks('c1', 1, 10);
    const first = await log.replay('c1', markTotals);
    const otherHistory = { state: first.state, head: { seq: 10, hash: 'f'.repeat(64) } };
    await appendMarks('c1', 11, 3);
    const resumed = await log.replay('c1', markTotals, { from: first });
    expect(resumed).toMatchObject({ fromSnapshotSeq: 10, state: { marks: 13 } });
    const fromScratch = await log.replay('c1', markTotals, { fromScratch: true });
    expect(resumed.state).toEqual(fromScratch.state);
    await expect(log.replay('c1', markTotals, { from: otherHistory })).rejects.toThrow(
      /event 11 does not continue the state replayed/,
    );
  });

  it('ignores a snapshot that does not match the log (a log restored from an older backup)', async () => {
    await appendMarks('c1', 1, 10);
    const sealed = (projection: string, seq: number) => {
      const content = {
        stream: 'c1',
        projection,
        seq,
        hash: 'f'.repeat(64),
        state: JSON.stringify({ marks: 1000, totals: {} }),
      };
      return { ...content, contentHash: snapshotContentHash(content) };
    };
    await store.saveSnapshot(sealed(markTotals.name, 8));
    await store.saveSnapshot(sealed('other@1', 40));
    expect(await log.replay('c1', markTotals)).toMatchObject({
      fromSnapshotSeq: 0,
      state: { marks: 10 },
    });
    expect(await log.replay('c1', { ...markTotals, name: 'other@1' })).toMatchObject({
      fromSnapshotSeq: 0,
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /at event 8 not loaded: the log's event 8 is not the one it was taken at/,
      ),
      expect.stringMatching(/at event 40 not loaded/),
    ]);
  });

  it('does not load a snapshot kept without a content hash, and replaces it with a later one', async () => {
    await appendMarks('c1', 1, 30);
    await log.replay('c1', markTotals, { snapshotEvery: 25 });
    await log.settled();
    tamper(`UPDATE snapshots SET content_hash = '', state = '{"marks":1000,"totals":{}}'`);

    const replayed = await log.replay('c1', markTotals, { snapshotEvery: 25 });
    expect(replayed).toMatchObject({ fromSnapshotSeq: 0, state: { marks: 30 } });
    expect(problems).toEqual([
      expect.stringMatching(/at event 30 not loaded: it has no content hash .* first event/),
    ]);
    // A snapshot at the same seq does not replace it; the next one, at a later seq, does.
    await appendMarks('c1', 31, 30);
    await log.replay('c1', markTotals, { snapshotEvery: 25 });
    await log.settled();
    expect(problems).toHaveLength(2);
    expect(await log.replay('c1', markTotals)).toMatchObject({
      fromSnapshotSeq: 60,
      state: { marks: 60 },
    });
    expect(problems).toHaveLength(2);
  });
});

describe('EventLog.verify with the state beside the log', () => {
  it('replays from the first event and finds the stored snapshot and the served state as the log gives them', async () => {
    await appendMarks('c1', 1, 40);
    const served = await log.replay('c1', markTotals, { snapshotEvery: 30 });
    await log.settled();
    const live = { seq: 40, text: JSON.stringify(served.state) };
    const head = (await log.head('c1')).hash;
    expect(await log.verify('c1', { projection: markTotals, live })).toEqual({
      ok: true,
      events: 40,
      head,
    });
    // The same state with its keys in another order is the same state.
    const reordered = JSON.stringify({ totals: served.state.totals, marks: served.state.marks });
    expect(
      await log.verify('c1', { projection: markTotals, live: { seq: 40, text: reordered } }),
    ).toMatchObject({ ok: true });
  });

  it('reports a served state the log does not give, and one beyond its head', async () => {
    await appendMarks('c1', 1, 5);
    const head = (await log.head('c1')).hash;
    const wrong = { seq: 5, text: JSON.stringify({ marks: 5, totals: { k0: 50 } }) };
    expect(await log.verify('c1', { projection: markTotals, live: wrong })).toEqual({
      ok: false,
      reason: 'state_mismatch',
      events: 5,
      head,
      snapshotSeq: null,
      liveState: 'differed',
    });
    const ahead = { seq: 9, text: JSON.stringify((await log.replay('c1', markTotals)).state) };
    expect(await log.verify('c1', { projection: markTotals, live: ahead })).toMatchObject({
      reason: 'state_mismatch',
    });
  });

  it('reports a broken chain first, whatever the state', async () => {
    await appendMarks('c1', 1, 5);
    tamper(`UPDATE events SET actor = 'e9' WHERE stream = 'c1' AND seq = 3`);
    const wrong = { seq: 5, text: '{}' };
    expect(await log.verify('c1', { projection: markTotals, live: wrong })).toEqual({
      ok: false,
      firstBadSeq: 3,
      reason: 'hash_mismatch',
    });
  });
});
