import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import {
  openSqliteStore,
  sqliteFileName,
  type SqliteStore,
  type SqliteStoreOptions,
} from './sqlite';
import { storeContract } from './store.contract';

/** A stored event as an appender hands it to the store (hashes are not checked here). */
function event(stream: string, seq: number) {
  return {
    stream,
    seq,
    at: '2026-03-01T04:00:00.000Z',
    actor: 'expert-1',
    type: 'mark.recorded',
    data: { seq },
    prevHash: 'p',
    hash: `h${seq}`,
  };
}

/**
 * Starts the store's writer thread and waits until it takes writes: the first write starts it,
 * and the main connection commits until it is ready.
 */
async function writerReady(store: SqliteStore): Promise<void> {
  await store.append('warm-up', 0, [event('warm-up', 1)]);
  await vi.waitUntil(() => (store as unknown as { writer?: { ready: boolean } }).writer?.ready);
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ashyq-store-'));
}

/** The contract's harness for a store in a temp dir, its appends committed where `writer` says. */
function harness(writer: 'thread' | 'inline') {
  return async () => {
    const dir = tempDir();
    return {
      open: (options?: SqliteStoreOptions) => openSqliteStore(dir, { ...options, writer }),
      destroy: async () => rmSync(dir, { recursive: true, force: true }),
      alterSnapshot: async (
        stream: string,
        projection: string,
        fields: { state?: string; contentHash?: string },
      ) => {
        const file = new Database(path.join(dir, sqliteFileName));
        const row = { stream, projection, state: null, contentHash: null, ...fields };
        file
          .prepare(
            `UPDATE snapshots SET state = coalesce(@state, state),
               content_hash = coalesce(@contentHash, content_hash)
             WHERE stream = @stream AND projection = @projection`,
          )
          .run(row);
        file.close();
      },
    };
  };
}

storeContract('SQLite', harness('thread'));
// Appends committed on the main connection instead of the writer thread: the same contract.
storeContract('SQLite, appends on the main connection', harness('inline'));

describe('SQLite store', () => {
  it('commits on the main connection once its writer thread has stopped, and loses nothing', async () => {
    const dir = tempDir();
    const store = await openSqliteStore(dir);
    await store.append('c1', 0, [event('c1', 1)]);
    // The thread dies (as if it crashed); the next appends and a snapshot still land.
    const writer = (store as unknown as { writer: { worker: { terminate(): Promise<number> } } })
      .writer;
    await writer.worker.terminate();
    await store.append('c1', 1, [event('c1', 2)]);
    await store.saveSnapshot({
      stream: 'c1',
      projection: 'p@1',
      seq: 2,
      hash: 'h2',
      state: '{}',
      contentHash: 'x',
    });
    await store.close();

    const again = await openSqliteStore(dir, { writer: 'inline' });
    expect(await again.head('c1')).toEqual({ seq: 2, hash: 'h2' });
    expect((await again.latestSnapshot('c1', 'p@1'))?.seq).toBe(2);
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits for another connection that writes the file, instead of failing a document write', async () => {
    const dir = tempDir();
    const store = await openSqliteStore(dir, { writer: 'inline' });
    await store.putDocument('people', { id: 'p1', name: 'Әлия' });
    // Another connection (the writer thread, a CLI) holds the write lock and commits 200 ms later.
    const other = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const db = new (require('better-sqlite3'))(workerData);
       db.exec("BEGIN IMMEDIATE; INSERT INTO events (stream, seq, at, actor, type, data, prev_hash, hash) VALUES ('x', 1, 'a', 'a', 't', '{}', 'p', 'h')");
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
       db.exec('COMMIT');
       db.close();`,
      { eval: true, workerData: path.join(dir, sqliteFileName) },
    );
    await new Promise((resolve) => other.once('message', resolve));
    // A transaction that read the version first and wrote second was refused at once
    // (SQLITE_BUSY) when the other connection committed in between; taking the lock first waits.
    expect(await store.putDocument('people', { id: 'p1', name: 'Әлия Б.' }, 1)).toBe(2);
    await new Promise((resolve) => other.once('exit', resolve));
    expect(await store.head('x')).toEqual({ seq: 1, hash: 'h' });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a snapshot with the appends that follow it, and a bad snapshot never takes them along', async () => {
    const dir = tempDir();
    const store = await openSqliteStore(dir);
    await writerReady(store);
    const snapshot = { stream: 'c1', projection: 'p@1', seq: 1, hash: 'h1', contentHash: 'x' };
    const state = (text: string) => new TextEncoder().encode(text);
    // Both wait on the writer thread for the next batch of appends; one breaks a NOT NULL column.
    const kept = store.saveEncodedSnapshot({ ...snapshot, state: state('{"marks":1}') });
    const broken = store.saveEncodedSnapshot({
      ...snapshot,
      stream: 'c2',
      hash: null as unknown as string,
      state: state('{}'),
    });
    await store.append('c1', 0, [event('c1', 1)]);
    await expect(broken).rejects.toThrow(/NOT NULL/);
    await kept;
    await store.close();

    const again = await openSqliteStore(dir, { writer: 'inline' });
    expect(await again.head('c1')).toEqual({ seq: 1, hash: 'h1' });
    expect((await again.latestSnapshot('c1', 'p@1'))?.state).toBe('{"marks":1}');
    expect(await again.latestSnapshot('c2', 'p@1')).toBeUndefined();
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts its writer thread before the first write when a server asks, and commits there', async () => {
    const dir = tempDir();
    const store = await openSqliteStore(dir);
    const writer = () => (store as unknown as { writer?: { ready: boolean } }).writer;
    expect(writer()).toBeUndefined();
    store.startThreads();
    await vi.waitUntil(() => writer()?.ready);
    await store.append('c1', 0, [event('c1', 1)]);
    expect(await store.head('c1')).toEqual({ seq: 1, hash: 'h1' });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates its data dir and keeps its file in write-ahead-log mode', async () => {
    const parent = tempDir();
    const dataDir = path.join(parent, 'nested', 'data');
    const store = await openSqliteStore(dataDir);
    await store.close();
    const file = new Database(path.join(dataDir, sqliteFileName), { readonly: true });
    expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
    file.close();
    rmSync(parent, { recursive: true, force: true });
  });

  it('opens, for another thread, a reader that sees every commit and never writes', async () => {
    const dataDir = tempDir();
    const store = await openSqliteStore(dataDir);
    await writerReady(store);
    const [directory, options] = store.threadRecipe.args as [string, SqliteStoreOptions];
    const reader = await openSqliteStore(directory, options);
    await store.append('c1', 0, [event('c1', 1), event('c1', 2)]);
    expect(await reader.head('c1')).toEqual({ seq: 2, hash: 'h2' });
    await expect(reader.append('c1', 2, [event('c1', 3)])).rejects.toThrow(/readonly/i);
    expect(await store.head('c1')).toEqual({ seq: 2, hash: 'h2' });
    await reader.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds the snapshot content hash to a file written before it existed', async () => {
    const dir = tempDir();
    const old = new Database(path.join(dir, sqliteFileName));
    old.exec(`CREATE TABLE snapshots (stream TEXT NOT NULL, projection TEXT NOT NULL,
      seq INTEGER NOT NULL, hash TEXT NOT NULL, state TEXT NOT NULL,
      PRIMARY KEY (stream, projection))`);
    old.prepare(`INSERT INTO snapshots VALUES ('c1', 'p@1', 4, 'h4', '{"total":4}')`).run();
    old.close();

    const store = await openSqliteStore(dir);
    // Kept without a content hash: the event log will not load it (event-log.ts).
    expect(await store.latestSnapshot('c1', 'p@1')).toEqual({
      stream: 'c1',
      projection: 'p@1',
      seq: 4,
      hash: 'h4',
      state: '{"total":4}',
      contentHash: '',
    });
    await store.saveSnapshot({
      stream: 'c1',
      projection: 'p@1',
      seq: 5,
      hash: 'h5',
      state: '{"total":5}',
      contentHash: 'c5',
    });
    expect((await store.latestSnapshot('c1', 'p@1'))?.contentHash).toBe('c5');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['on the main connection', 'inline', 1],
    // Nothing on its way yet: the flush sends two batches, so one commits while the next waits.
    ['on the writer thread', 'thread', 2],
  ] as const)(
    'commits appends that arrive together in one group, %s',
    async (_, writer, groups) => {
      const dir = tempDir();
      const store = await openSqliteStore(dir, { writer });
      if (writer === 'thread') {
        await writerReady(store);
        Object.assign(store.groupCommits, { transactions: 0, appends: 0 });
      }
      const appends = Array.from({ length: 100 }, (_, i) =>
        store.append(`s${i % 10}`, 0, [{ ...event(`s${i % 10}`, 1), data: { i } }]),
      );
      const settled = await Promise.allSettled(appends);
      // Ten writers per stream all expected the same seq: one per stream wins, the rest conflict.
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(10);
      expect(store.groupCommits).toEqual({ transactions: groups, appends: 100 });
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  );
});
