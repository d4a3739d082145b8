import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ChainVerifier, type ChainFault } from '../events/chain';
import { decodeEvents, type EncodedEvent } from '../store/port';
import { sqliteFileName } from '../store/sqlite';

/**
 * Backup and restore of the embedded SQLite store (docs/operations.md). A backup is SQLite's
 * online backup of the live file, taken while the server runs; a restore checks a backup through
 * and through before it puts it in place. MongoDB deployments use mongodump and mongorestore.
 */

/** Why a store file cannot be trusted, for the operator (see the `operations` i18n namespace). */
export type StoreProblem =
  | { kind: 'notSqlite' }
  | { kind: 'integrity'; detail: string }
  | { kind: 'notAshyq' }
  | { kind: 'chain'; stream: string; seq: number; reason: ChainFault };

export interface StoreCheck {
  streams: number;
  events: number;
}

export class StoreFileError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(`store file refused: ${JSON.stringify(problem)}`);
    this.name = 'StoreFileError';
  }
}

/** Rows read per page when a chain is checked, so a long log is never all in memory. */
const pageSize = 2_000;

/**
 * Checks a store file: SQLite's integrity check, the tables Ashyq keeps, and every stream's hash
 * chain from its first event, as log/verify does. Throws StoreFileError naming the first problem.
 */
export function checkStoreFile(file: string): StoreCheck {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('schema_version');
  } catch {
    throw new StoreFileError({ kind: 'notSqlite' });
  }
  try {
    let integrity: string[];
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      integrity = rows.map((row) => row.integrity_check);
    } catch (error) {
      throw new StoreFileError({ kind: 'integrity', detail: (error as Error).message });
    }
    if (integrity.join() !== 'ok') {
      throw new StoreFileError({ kind: 'integrity', detail: integrity.slice(0, 3).join('; ') });
    }
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck();
    const names = new Set(tables.all() as string[]);
    if (!['events', 'documents', 'snapshots'].every((table) => names.has(table))) {
      throw new StoreFileError({ kind: 'notAshyq' });
    }
    const streams = db.prepare('SELECT DISTINCT stream FROM events ORDER BY stream').pluck();
    const page = db.prepare(
      `SELECT stream, seq, at, actor, type, data, prev_hash AS prevHash, hash FROM events
       WHERE stream = ? AND seq >= ? ORDER BY seq LIMIT ?`,
    );
    let events = 0;
    const all = streams.all() as string[];
    for (const stream of all) {
      const verifier = new ChainVerifier(stream);
      for (let next = 1; ;) {
        const rows = page.all(stream, next, pageSize) as EncodedEvent[];
        const decoded = decodeEvents(rows);
        for (const event of decoded.page) if (!verifier.push(event)) break;
        if (decoded.unreadable) verifier.unreadable(decoded.unreadable.seq);
        const verdict = verifier.verdict;
        if (!verdict.ok) {
          const { firstBadSeq: seq, reason } = verdict;
          throw new StoreFileError({ kind: 'chain', stream, seq, reason });
        }
        if (rows.length < pageSize) break;
        next = rows[rows.length - 1]!.seq + 1;
      }
      events += (verifier.verdict as { events: number }).events;
    }
    return { streams: all.length, events };
  } finally {
    db.close();
  }
}

export type BackupOutcome =
  | ({ kind: 'done'; file: string; size: number } & StoreCheck)
  | { kind: 'noStore' }
  | { kind: 'exists' }
  | { kind: 'noFolder' }
  | { kind: 'broken'; problem: StoreProblem };

/**
 * Copies the live store of `dataDir` to `file` with SQLite's online backup, while the server goes
 * on writing: the copy is the store as it was at one moment (every append acknowledged before the
 * backup started is in it). The copy is then checked (checkStoreFile) and only then takes its name.
 */
export async function backupStore(dataDir: string, file: string): Promise<BackupOutcome> {
  const source = path.join(dataDir, sqliteFileName);
  if (!existsSync(source)) return { kind: 'noStore' };
  if (existsSync(file)) return { kind: 'exists' };
  if (!existsSync(path.dirname(file))) return { kind: 'noFolder' };
  const partial = `${file}.partial-${randomUUID().slice(0, 8)}`;
  // The server may hold the write lock for a moment: wait for it, as a second process does.
  const db = new Database(source, { fileMustExist: true, timeout: 5_000 });
  try {
    // After a first small step, the rest in one step: a step copies under one read transaction,
    // so writes by the server in between can restart the copy but never tear it.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  try {
    // One self-contained file: no -wal beside it (the server turns WAL on again when it opens).
    const copy = new Database(partial, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const check = checkStoreFile(partial);
    await rename(partial, file);
    return { kind: 'done', file, size: (await stat(file)).size, ...check };
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof StoreFileError) return { kind: 'broken', problem: error.problem };
    throw error;
  }
}

export type RestoreOutcome =
  | ({ kind: 'done'; keptAside: string | undefined } & StoreCheck)
  | { kind: 'missing' }
  | { kind: 'notEmpty'; entries: string[] }
  | { kind: 'inUse' }
  | { kind: 'refused'; problem: StoreProblem };

/**
 * Puts the backup `file` in place as the store of `dataDir`. Refuses a DATA_DIR that holds
 * anything unless `force` (then the store there is renamed aside, never deleted, and refused if
 * another process has it open). The backup is copied into DATA_DIR and checked there
 * (checkStoreFile) before it takes the store's name, so a bad backup changes nothing.
 */
export async function restoreStore(
  file: string,
  dataDir: string,
  options: { force?: boolean } = {},
): Promise<RestoreOutcome> {
  if (!existsSync(file)) return { kind: 'missing' };
  const entries = existsSync(dataDir) ? await readdir(dataDir) : [];
  if (entries.length > 0 && !options.force) return { kind: 'notEmpty', entries };
  const target = path.join(dataDir, sqliteFileName);
  if (existsSync(target) && storeInUse(target)) return { kind: 'inUse' };
  await mkdir(dataDir, { recursive: true });
  const incoming = path.join(dataDir, `.restoring-${randomUUID().slice(0, 8)}.sqlite`);
  await copyFile(file, incoming);
  let check: StoreCheck;
  try {
    check = checkStoreFile(incoming);
  } catch (error) {
    await removeStoreFile(incoming);
    if (error instanceof StoreFileError) return { kind: 'refused', problem: error.problem };
    throw error;
  }
  let keptAside: string | undefined;
  if (existsSync(target)) {
    keptAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(target, keptAside);
  }
  // The old store's WAL was folded into it by storeInUse; stale side files would be applied to
  // the restored file as if they were its own.
  await rm(`${target}-wal`, { force: true });
  await rm(`${target}-shm`, { force: true });
  await rename(incoming, target);
  return { kind: 'done', keptAside, ...check };
}

/**
 * Whether another process has the store open. Leaving WAL mode needs every other connection
 * closed, so it fails while the server runs (and, when it succeeds, has written the WAL back into
 * the file, which is then whole on its own).
 */
function storeInUse(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    return mode !== 'delete';
  } catch (error) {
    // Busy or locked: someone has it open. Anything else (not a database at all): nobody can
    // be using it, and it is kept aside like any other.
    return /^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '');
  } finally {
    db?.close();
  }
}

async function removeStoreFile(file: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    await rm(`${file}${suffix}`, { force: true });
}
