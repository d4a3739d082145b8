import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, sqliteFileName } from './sqlite';
import { storeContract } from './store.contract';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ashyq-store-'));
}

storeContract('SQLite', async () => {
  const dir = tempDir();
  return {
    open: (options) => openSqliteStore(dir, options),
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
    alterSnapshot: async (stream, projection, fields) => {
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
});

describe('SQLite store', () => {
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

  it('commits appends that arrive together in one transaction', async () => {
    const dir = tempDir();
    const store = await openSqliteStore(dir);
    const appends = Array.from({ length: 100 }, (_, i) =>
      store.append(`s${i % 10}`, 0, [
        {
          stream: `s${i % 10}`,
          seq: 1,
          at: '2026-03-01T04:00:00.000Z',
          actor: 'expert-1',
          type: 'mark.recorded',
          data: { i },
          prevHash: 'p',
          hash: 'h',
        },
      ]),
    );
    const settled = await Promise.allSettled(appends);
    // Ten writers per stream all expected the same seq: one per stream wins, the rest conflict.
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(10);
    expect(store.groupCommits).toEqual({ transactions: 1, appends: 100 });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
