// @ts-check
/**
 * The SQLite store's writer thread (sqlite.ts, `writer: 'thread'`): its own connection to the
 * store's file commits the event appends and writes the snapshots the main thread hands it, so
 * the commit and its fsync no longer stop the event loop that serves tablets and boards; the
 * main thread chains and hashes the next batch meanwhile. Plain CommonJS, so it runs the same under tsx,
 * Vitest and plain Node. The statements are the main thread's own (workerData.sql): one
 * definition of the SQL.
 *
 * It says { ready: true } once its connection is open. Messages in:
 * { id, kind: 'append', batch: [{ stream, expectedSeq, rows: [[...columns]] }] },
 * { id, kind: 'snapshot', row: [...columns] } (its state as UTF-8 bytes, stored as text) and
 * { id, kind: 'close' }. Messages out:
 * { id, outcomes } (per append: null, { conflict: actualSeq } or { error }), { id } once a
 * snapshot is written or the connection closed, or { id, error } when the message failed (a
 * batch's transaction rolled back: nothing of it written).
 */
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const { groupCommit } = require('./sqlite-group-commit.cjs');

/** @type {{ file: string, busyTimeoutMs: number, sql: Record<'headSeq' | 'insertEvent' | 'saveSnapshot', string> }} */
const { file, busyTimeoutMs, sql } = workerData;
const db = new Database(file, { timeout: busyTimeoutMs });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const saveSnapshot = db.prepare(sql.saveSnapshot);

/** @param {unknown} error */
const described = (error) => ({
  message: error instanceof Error ? error.message : String(error),
  code: /** @type {{ code?: unknown }} */ (error)?.code,
});

const commit = groupCommit(db, sql);

// Writes go to the main connection until this arrives (sqlite.ts, readyWriter).
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (message) => {
  const { id, kind } = message;
  try {
    if (kind === 'append') {
      const outcomes = commit(message.batch).map((outcome) =>
        outcome && 'error' in outcome ? { error: described(outcome.error) } : outcome,
      );
      parentPort?.postMessage({ id, outcomes });
    } else if (kind === 'snapshot') {
      saveSnapshot.run(message.row);
      parentPort?.postMessage({ id });
    } else if (kind === 'close') {
      db.close();
      parentPort?.postMessage({ id });
      parentPort?.close();
    }
  } catch (error) {
    parentPort?.postMessage({ id, error: described(error) });
  }
});
