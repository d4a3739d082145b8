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

let dataDir: string;
let store: SqliteStore;
let log: EventLog;
const clock = () => new Date('2026-03-01T04:00:00.000Z');

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-log-'));
  store = await openSqliteStore(dataDir);
  log = new EventLog(store, { clock });
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

  it('ignores a snapshot that does not match the log (a log restored from an older backup)', async () => {
    await appendMarks('c1', 1, 10);
    const state = JSON.stringify({ marks: 1000, totals: {} });
    await store.saveSnapshot({
      stream: 'c1',
      projection: markTotals.name,
      seq: 8,
      hash: 'f'.repeat(64),
      state,
    });
    await store.saveSnapshot({
      stream: 'c1',
      projection: 'other@1',
      seq: 40,
      hash: 'f'.repeat(64),
      state,
    });
    expect(await log.replay('c1', markTotals)).toMatchObject({
      fromSnapshotSeq: 0,
      state: { marks: 10 },
    });
    expect(await log.replay('c1', { ...markTotals, name: 'other@1' })).toMatchObject({
      fromSnapshotSeq: 0,
    });
  });
});
