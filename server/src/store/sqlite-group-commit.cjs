// @ts-check
/**
 * Group commit on one SQLite connection: the one definition the main connection (sqlite.ts,
 * `writer: 'inline'`, or while the thread starts) and the writer thread (sqlite-writer.cjs) both
 * use. Plain CommonJS, so the thread loads it without the TypeScript loader.
 *
 * Every append of a batch is written in one IMMEDIATE transaction, so one fsync serves them all;
 * IMMEDIATE takes the write lock before the heads are read, so another connection cannot slip in
 * between the check and the insert. Each append is checked against its stream's head and refused
 * alone. An append of several events runs in its own savepoint (a transaction function inside
 * another), so a failed second insert leaves none of them; a single INSERT that fails is undone by
 * SQLite on its own (statement atomicity), so a one-event append (a mark) skips the savepoint.
 *
 * `alsoWrite`, when given, runs inside the same transaction after the appends (the writer thread
 * stores its waiting snapshots there, sparing them a commit and an fsync of their own); it must
 * not throw, or the whole batch is rolled back.
 *
 * @param {import('better-sqlite3').Database} db
 * @param {{ headSeq: string, insertEvent: string }} sql
 * @returns {(batch: { stream: string, expectedSeq: number, rows: unknown[][] }[],
 *   alsoWrite?: () => void) => (null | { conflict: number } | { error: unknown })[]}
 *   per append: null when written, the stream's actual head when it was not the expected one,
 *   or the error it failed with; throws when the transaction itself failed (nothing written).
 */
function groupCommit(db, sql) {
  const headSeq = db.prepare(sql.headSeq).pluck();
  const insertEvent = db.prepare(sql.insertEvent);
  const insertAll = db.transaction((/** @type {unknown[][]} */ rows) => {
    for (const row of rows) insertEvent.run(row);
  });
  const applyAll = db.transaction(
    (
      /** @type {{ stream: string, expectedSeq: number, rows: unknown[][] }[]} */ batch,
      /** @type {(() => void) | undefined} */ alsoWrite,
    ) => {
      const outcomes = batch.map((request) => {
        try {
          const actual = /** @type {number | null} */ (headSeq.get(request.stream)) ?? 0;
          if (actual !== request.expectedSeq) return { conflict: actual };
          if (request.rows.length === 1) insertEvent.run(request.rows[0]);
          else insertAll(request.rows);
          return null;
        } catch (error) {
          return { error };
        }
      });
      alsoWrite?.();
      return outcomes;
    },
  );
  return (batch, alsoWrite) => applyAll.immediate(batch, alsoWrite);
}

module.exports = { groupCommit };
