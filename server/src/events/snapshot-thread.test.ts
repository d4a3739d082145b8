import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/port';
import { openSqliteStore, sqliteFileName, type SqliteStore } from '../store/sqlite';
import { EventLog } from './event-log';
import { markRecorded, markTotals, markTotalsOnThread, type MarkTotals } from './mark-totals';
import { stateText } from './state-check';

let dataDir: string;
let store: SqliteStore;
let logs: EventLog[];
let problems: { background: string[]; integrity: string[] };

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-snapshot-thread-'));
  store = await openSqliteStore(dataDir);
  logs = [];
  problems = { background: [], integrity: [] };
});
afterEach(async () => {
  for (const log of logs) await log.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function logOn(on: Store): EventLog {
  const log = new EventLog(on, {
    onBackgroundError: (error) => problems.background.push(String(error)),
    onIntegrityProblem: (message) => problems.integrity.push(message),
  });
  logs.push(log);
  return log;
}

/** `count` marks on stream c1 after its event `after`: k1 and k2 alternate, a 2 each. */
async function appendMarks(log: EventLog, after: number, count: number) {
  const drafts = Array.from({ length: count }, (_, i) =>
    markRecorded({
      id: `m${after + i + 1}`,
      competitor: `k${(i % 2) + 1}`,
      aspect: 'A1',
      expert: 'e1',
      score: 2,
    }),
  );
  await log.append('c1', after, drafts);
}

/** A state no log gives: a snapshot holding it was taken from the caller, not from the log. */
const notTheLogs: MarkTotals = { marks: -1, totals: { nobody: 99 } };

/** Asks the log for a snapshot of c1 at its head and waits until it is kept or has failed. */
async function snapshotOnThread(log: EventLog): Promise<void> {
  log.snapshotInBackground('c1', markTotalsOnThread, notTheLogs, await log.head('c1'));
  await log.settled();
}

/** The snapshot of c1 the store keeps: its seq and its state read back. */
async function keptSnapshot() {
  const kept = await store.latestSnapshot('c1', markTotals.name);
  return kept && { seq: kept.seq, state: JSON.parse(kept.state) as unknown };
}

describe('the snapshot thread', () => {
  it('builds the snapshot from the stored log, and the next replay and verify start from it', async () => {
    const log = logOn(store);
    // Started before its first job, as a server starts it.
    log.startThreads();
    await appendMarks(log, 0, 30);
    await snapshotOnThread(log);

    expect(await keptSnapshot()).toEqual({
      seq: 30,
      state: { marks: 30, totals: { k1: 30, k2: 30 } },
    });
    await appendMarks(log, 30, 2);
    const resumed = await log.replay('c1', markTotals);
    expect(resumed.fromSnapshotSeq).toBe(30);
    expect(resumed.state).toEqual({ marks: 32, totals: { k1: 32, k2: 32 } });
    const served = {
      projection: markTotals,
      live: { seq: 32, text: stateText(markTotals, resumed.state) },
    };
    expect(await log.verify('c1', served)).toMatchObject({ ok: true, events: 32 });
    expect(problems).toEqual({ background: [], integrity: [] });
  });

  it('builds each next snapshot on the state it kept, without reading the stored one back', async () => {
    const log = logOn(store);
    await appendMarks(log, 0, 30);
    await snapshotOnThread(log);
    // Spoiled in the file: read back, it would be refused and the stream replayed from the start.
    const file = new Database(path.join(dataDir, sqliteFileName));
    file.prepare(`UPDATE snapshots SET state = '{"marks":1000,"totals":{}}'`).run();
    file.close();

    await appendMarks(log, 30, 2);
    await snapshotOnThread(log);
    expect(await keptSnapshot()).toEqual({
      seq: 32,
      state: { marks: 32, totals: { k1: 32, k2: 32 } },
    });
    expect(problems).toEqual({ background: [], integrity: [] });
  });

  it('keeps a Kazakh state byte for byte as the log gives it', async () => {
    const log = logOn(store);
    const names = ['Әлия', 'Нұрсұлтан', 'Қуаныш', 'Өмірзақ'];
    const drafts = names.map((name, i) =>
      markRecorded({ id: `m${i}`, competitor: name, aspect: 'A1', expert: 'e1', score: 3 }),
    );
    await log.append('c1', 0, drafts);
    await snapshotOnThread(log);
    const replayed = await log.replay('c1', markTotals, { fromScratch: true });
    const kept = await store.latestSnapshot('c1', markTotals.name);
    expect(kept?.state).toBe(stateText(markTotals, replayed.state));
  });

  it('says why when it cannot build the projection, and keeps nothing', async () => {
    const log = logOn(store);
    await appendMarks(log, 0, 5);
    const recipe = { ...markTotalsOnThread.recipe!, name: 'noSuchProjection' };
    const unbuildable = { ...markTotalsOnThread, recipe };
    log.snapshotInBackground('c1', unbuildable, notTheLogs, await log.head('c1'));
    await log.settled();
    expect(problems.background).toHaveLength(1);
    expect(problems.background[0]).toMatch(
      /could not take a snapshot: .* has no function noSuchProjection/,
    );
    expect(await store.latestSnapshot('c1', markTotals.name)).toBeUndefined();
  });

  it('that cannot start loses that snapshot, said so; the next ones are taken on the main thread', async () => {
    // The same store, but the thread is told to open it from a module that does not exist.
    const threadRecipe = { module: 'file:///no/such/store.mjs', name: 'open', args: [] };
    const unopenable = new Proxy(store, {
      get: (target, key) => (key === 'threadRecipe' ? threadRecipe : Reflect.get(target, key)),
    });
    const log = logOn(unopenable);
    await appendMarks(log, 0, 5);
    await snapshotOnThread(log);
    expect(problems.background).toHaveLength(1);
    expect(problems.background[0]).toContain('no/such/store.mjs');
    expect(await store.latestSnapshot('c1', markTotals.name)).toBeUndefined();

    // On the main thread the caller's state is the snapshot (there, it is the log's).
    const { state, head } = await log.replay('c1', markTotals);
    log.snapshotInBackground('c1', markTotalsOnThread, state, head);
    await log.settled();
    expect((await store.latestSnapshot('c1', markTotals.name))?.seq).toBe(5);
    expect(problems.background).toHaveLength(1);
  });
});
