// @ts-check
/**
 * The SQLite store's writer thread (sqlite.ts, `writer: 'thread'`): its own connection to the
 * store's file commits the event appends and writes the snapshots the main thread hands it, so
 * the commit and its fsync no longer stop the event loop that serves tablets and boards; the
 * main thread chains and hashes the next batch meanwhile. Plain CommonJS, so it runs the same under tsx,
 * Vitest and plain Node. The statements are the main thread's own (workerData.sql): one
 * definition of the SQL.
 *
 * A snapshot is not committed on its own: it waits for the next batch of appends and is written
 * in that batch's transaction, so the megabytes of a competition's state cost no commit and no
 * fsync of their own while the commits queue behind them; with no append within
 * `snapshotWaitMs` it is written alone. A snapshot that fails is refused alone and never takes
 * the batch's appends with it.
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
const writeAlone = db.transaction(() => writeWaiting());

/** How long a snapshot waits for a batch of appends to travel with. */
const snapshotWaitMs = 50;
/** @type {{ id: number, row: unknown[], error?: unknown }[]} */
let waitingSnapshots = [];
/** @type {NodeJS.Timeout | undefined} */
let aloneTimer;

/** @param {unknown} error */
const described = (error) => ({
  message: error instanceof Error ? error.message : String(error),
  code: /** @type {{ code?: unknown }} */ (error)?.code,
});

const commit = groupCommit(db, sql);

/**
 * Inside a transaction: each waiting snapshot, its error kept for its reply. One statement each,
 * so a failed one is undone by SQLite alone (statement atomicity) and the rest stand.
 */
function writeWaiting() {
  for (const snapshot of waitingSnapshots) {
    try {
      saveSnapshot.run(snapshot.row);
      snapshot.error = undefined;
    } catch (error) {
      snapshot.error = error;
    }
  }
}

/** After the transaction that wrote them committed: each waiting snapshot is answered. */
function answerWaiting() {
  clearTimeout(aloneTimer);
  aloneTimer = undefined;
  const written = waitingSnapshots;
  waitingSnapshots = [];
  for (const { id, error } of written) {
    parentPort?.postMessage(error === undefined ? { id } : { id, error: described(error) });
  }
}

/** Writes the waiting snapshots in a transaction of their own; each failed one is answered so. */
function flushSnapshots() {
  if (waitingSnapshots.length === 0) return;
  try {
    writeAlone.immediate();
  } catch (error) {
    for (const snapshot of waitingSnapshots) snapshot.error = error;
  }
  answerWaiting();
}

// Writes go to the main connection until this arrives (sqlite.ts, readyWriter).
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (message) => {
  const { id, kind } = message;
  try {
    if (kind === 'append') {
      const withSnapshots = waitingSnapshots.length > 0 ? writeWaiting : undefined;
      // Throws when the transaction failed: then the snapshots were not written either, and
      // they wait for their timer to be written alone.
      const outcomes = commit(message.batch, withSnapshots).map((outcome) =>
        outcome && 'error' in outcome ? { error: described(outcome.error) } : outcome,
      );
      parentPort?.postMessage({ id, outcomes });
      if (withSnapshots) answerWaiting();
    } else if (kind === 'snapshot') {
      waitingSnapshots.push({ id, row: message.row });
      aloneTimer ??= setTimeout(flushSnapshots, snapshotWaitMs);
    } else if (kind === 'close') {
      flushSnapshots();
      db.close();
      parentPort?.postMessage({ id });
      parentPort?.close();
    }
  } catch (error) {
    parentPort?.postMessage({ id, error: described(error) });
  }
});
