import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { canonicalJson } from '../events/canonical-json';
import {
  checkAppend,
  checkDocument,
  checkExpectedVersion,
  ConflictError,
  decodeEvents,
  defaultPageSize,
  encodeEvent,
  filterEntries,
  indexEntries,
  type CollectionIndexes,
  type DocumentFilter,
  type EncodedEvent,
  type EncodedSnapshot,
  type ReadRange,
  type Snapshot,
  type Store,
  type StoredDocument,
  type StoredEvent,
  type StoreOptions,
  type StreamHead,
  type ThreadRecipe,
  type VersionedDocument,
} from './port';
import {
  groupCommit,
  type GroupCommitOutcome,
  type GroupCommitRequest,
} from './sqlite-group-commit.cjs';

export const sqliteFileName = 'ashyq.sqlite';

// events is an ordinary rowid table on purpose: new rows go to the end of the table and only the
// small (stream, seq) index entry lands mid-tree, so a group commit across many streams dirties
// far fewer pages than a WITHOUT ROWID table clustered by (stream, seq) (about 3x faster here).
const schema = `
  CREATE TABLE IF NOT EXISTS events (
    stream TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (stream, seq)
  );
  CREATE TABLE IF NOT EXISTS documents (
    col TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (col, id)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS doc_index (
    col TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    id TEXT NOT NULL,
    PRIMARY KEY (col, field, value, id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS doc_index_by_id ON doc_index (col, id);
  CREATE TABLE IF NOT EXISTS doc_collections (
    col TEXT PRIMARY KEY,
    fields TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS snapshots (
    stream TEXT NOT NULL,
    projection TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL,
    state TEXT NOT NULL,
    content_hash TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (stream, projection)
  );
`;

interface PendingAppend {
  stream: string;
  expectedSeq: number;
  events: readonly StoredEvent[];
  /** Each event's columns in the order of writerSql.insertEvent. */
  rows: unknown[][];
  resolve: (events: StoredEvent[]) => void;
  reject: (error: unknown) => void;
}

/** How group commit has batched appends so far (the benchmark prints the average batch). */
export interface GroupCommitStats {
  transactions: number;
  appends: number;
}

export interface SqliteStoreOptions extends StoreOptions {
  /** How long to wait for another process holding the write lock (default 5 s). */
  busyTimeoutMs?: number;
  /**
   * Where event appends and snapshots are written. 'thread' (the default): on a writer thread
   * with its own connection (sqlite-writer.cjs), so a commit's fsync or a snapshot's megabytes
   * do not stop the event loop, and the next batch is chained and hashed while the last one
   * commits. 'inline': on the main connection. Either way an append resolves only after its
   * COMMIT has returned. Reads and documents always use the main connection (WAL lets it read
   * while the writer commits); a thread that fails leaves the main connection doing it all.
   */
  writer?: 'thread' | 'inline';
  /**
   * A connection that only reads a file another connection keeps (the snapshot thread's): no
   * schema check, no index declaration, never the write lock. A write is refused by SQLite.
   */
  readOnly?: boolean;
}

/** The statements both connections prepare: one definition of the SQL. */
const writerSql = {
  headSeq: 'SELECT MAX(seq) FROM events WHERE stream = ?',
  // Bound by position: named parameters cost a lookup per column per row.
  // The writer thread is handed the state as UTF-8 bytes (saveEncodedSnapshot): stored as
  // the text they encode, as the main connection stores the string.
  saveSnapshot: `INSERT INTO snapshots (stream, projection, seq, hash, state, content_hash)
    VALUES (?, ?, ?, ?, CAST(? AS TEXT), ?)
    ON CONFLICT (stream, projection) DO UPDATE
    SET seq = excluded.seq, hash = excluded.hash, state = excluded.state,
      content_hash = excluded.content_hash
    WHERE excluded.seq > snapshots.seq`,
  insertEvent: `INSERT INTO events (stream, seq, at, actor, type, data, prev_hash, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
};

/** From this many waiting appends, a flush with no batch on its way sends two (flush). */
const splitFrom = 8;

/** A stored event's columns in the order of writerSql.insertEvent. */
function eventRow(e: EncodedEvent): unknown[] {
  return [e.stream, e.seq, e.at, e.actor, e.type, e.data, e.prevHash, e.hash];
}

/** An append as the group commit takes it (and as it is posted to the writer thread). */
function commitRequest({ stream, expectedSeq, rows }: PendingAppend): GroupCommitRequest {
  return { stream, expectedSeq, rows };
}

/** What the writer thread answers for one append of a batch (its error described, not cloned). */
type WriterOutcome = null | { conflict: number } | { error: WriterError };
interface WriterError {
  message: string;
  code?: string;
}

/** The embedded store: one SQLite file `ashyq.sqlite` in `dataDir` (created when missing). */
export function openSqliteStore(
  dataDir: string,
  options: SqliteStoreOptions = {},
): Promise<SqliteStore> {
  return Promise.resolve(new SqliteStore(dataDir, options));
}

export class SqliteStore implements Store {
  readonly file: string;
  readonly groupCommits: GroupCommitStats = { transactions: 0, appends: 0 };
  private readonly db: Database.Database;
  private indexes: CollectionIndexes = {};
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly statements;
  private readonly commitBatch: (batch: GroupCommitRequest[]) => GroupCommitOutcome[];
  /**
   * The writer thread ('thread' mode), started by startThreads or else by the first write;
   * undefined once it failed.
   */
  private writer: WriterThread | undefined;
  private useWriter: boolean;
  /** The batches on their way to the writer thread (at most two; flush). */
  private readonly committing = new Set<Promise<void>>();
  private readonly busyTimeoutMs: number;
  /** How another thread opens the same file to read it: a read-only connection of its own. */
  readonly threadRecipe: ThreadRecipe;

  constructor(dataDir: string, options: SqliteStoreOptions = {}) {
    mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, sqliteFileName);
    // A CLI or a second process may hold the write lock for a moment: wait for it.
    this.busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
    this.useWriter = (options.writer ?? 'thread') === 'thread';
    const reader: SqliteStoreOptions = { busyTimeoutMs: this.busyTimeoutMs, readOnly: true };
    this.threadRecipe = {
      module: import.meta.url,
      name: 'openSqliteStore',
      args: [dataDir, reader],
    };
    if (options.readOnly) {
      this.useWriter = false;
      this.db = new Database(this.file, {
        readonly: true,
        fileMustExist: true,
        timeout: this.busyTimeoutMs,
      });
    } else {
      this.db = new Database(this.file, { timeout: this.busyTimeoutMs });
      this.db.pragma('journal_mode = WAL');
      // WAL alone only fsyncs at checkpoints; FULL fsyncs the WAL on every commit, which is what
      // lets an append be acknowledged as durable.
      this.db.pragma('synchronous = FULL');
      this.db.exec(schema);
      this.addMissingColumns();
    }
    this.statements = this.prepareStatements();
    this.commitBatch = groupCommit(this.db, writerSql);
    if (!options.readOnly) this.declareIndexes(options.collections ?? {});
  }

  async append(
    stream: string,
    expectedSeq: number,
    events: readonly StoredEvent[],
  ): Promise<StoredEvent[]> {
    checkAppend(stream, expectedSeq, events);
    const rows = events.map((event) => eventRow(encodeEvent(event)));
    return new Promise((resolve, reject) => {
      this.pending.push({ stream, expectedSeq, events, rows, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Group commit: every append that arrived since the last flush is written in one transaction,
   * so one fsync serves them all. Each append is checked and applied in its own savepoint, so a
   * stale writer is refused alone; every promise settles only after COMMIT has returned.
   *
   * With the writer thread, two batches may be on their way, committed in order: while one
   * commits, the writers whose appends the other settled chain their next events. Writers that
   * all wait on one batch (each waits for its acknowledgement before its next append) would
   * otherwise move in lock-step, the main thread idle during every commit and the writer thread
   * idle between them, so a flush with nothing on its way sends its appends as two batches.
   */
  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    // Both batches on their way: what arrives meanwhile goes when one of them is answered.
    if (this.committing.size >= 2) return;
    const pending = this.pending;
    this.pending = [];
    const writer = this.readyWriter();
    if (!writer) return this.flushInline(pending);
    if (this.committing.size > 0 || pending.length < splitFrom) {
      return this.sendToWriter(writer, pending);
    }
    const half = Math.ceil(pending.length / 2);
    this.sendToWriter(writer, pending.slice(0, half));
    this.sendToWriter(writer, pending.slice(half));
  }

  private flushInline(batch: PendingAppend[]): void {
    let outcomes: GroupCommitOutcome[];
    try {
      outcomes = this.commitBatch(batch.map(commitRequest));
    } catch (error) {
      for (const request of batch) request.reject(error);
      return;
    }
    this.settle(batch, outcomes);
  }

  /** Resolves each append of a committed batch, or rejects it with its own outcome's error. */
  private settle(batch: PendingAppend[], outcomes: readonly GroupCommitOutcome[]): void {
    this.groupCommits.transactions += 1;
    this.groupCommits.appends += batch.length;
    batch.forEach((request, i) => {
      const outcome = outcomes[i];
      if (!outcome) request.resolve([...request.events]);
      else if ('conflict' in outcome) {
        request.reject(new ConflictError(request.stream, request.expectedSeq, outcome.conflict));
      } else request.reject(outcome.error);
    });
  }

  private sendToWriter(writer: WriterThread, batch: PendingAppend[]): void {
    const committing: Promise<void> = this.commitOnWriter(writer, batch).finally(() => {
      this.committing.delete(committing);
      if (this.pending.length > 0) this.flush();
    });
    this.committing.add(committing);
  }

  /**
   * The writer thread once it is ready. Undefined in 'inline' mode, once the thread failed (later
   * writes go to the main connection, as before the thread existed) and while it starts: a server
   * starts it before traffic (startThreads); otherwise the first write starts it, and the main
   * connection commits meanwhile, so no write waits for the thread's start (tens of milliseconds).
   */
  private readyWriter(): WriterThread | undefined {
    if (this.writer?.failed) {
      this.writer = undefined;
      this.useWriter = false;
    }
    if (!this.useWriter) return undefined;
    this.writer ??= new WriterThread(this.file, this.busyTimeoutMs);
    return this.writer.ready ? this.writer : undefined;
  }

  /** Commits a batch on the writer thread; settles every append in it, and never rejects. */
  private async commitOnWriter(writer: WriterThread, batch: PendingAppend[]): Promise<void> {
    try {
      const outcomes = await writer.append(batch.map(commitRequest));
      this.settle(
        batch,
        outcomes.map((outcome) =>
          outcome && 'error' in outcome ? { error: writerError(outcome.error) } : outcome,
        ),
      );
    } catch (error) {
      // Whether a batch the thread failed on was written is not known: refused, it is not
      // acknowledged (a writer's retry finds it stored, or stores it).
      for (const request of batch) request.reject(error);
    }
  }

  async *readPages(stream: string, range: ReadRange = {}): AsyncIterable<StoredEvent[]> {
    const pageSize = range.pageSize ?? defaultPageSize;
    const toSeq = range.toSeq ?? Number.MAX_SAFE_INTEGER;
    let next = range.fromSeq ?? 1;
    while (next <= toSeq) {
      const rows = this.statements.readPage.all(stream, next, toSeq, pageSize) as EncodedEvent[];
      if (rows.length === 0) return;
      const { page, unreadable } = decodeEvents(rows);
      if (page.length > 0) yield page;
      if (unreadable) throw unreadable;
      if (rows.length < pageSize) return;
      next = rows[rows.length - 1]!.seq + 1;
      // better-sqlite3 is synchronous: give sockets a turn between pages of a long read.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async head(stream: string): Promise<StreamHead> {
    const row = this.statements.head.get(stream) as { seq: number; hash: string } | undefined;
    return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: null };
  }

  async streams(): Promise<string[]> {
    return this.statements.streams.all() as string[];
  }

  async getDocument(collection: string, id: string): Promise<VersionedDocument | undefined> {
    const row = this.statements.getDocument.get(collection, id) as DocumentRow | undefined;
    return row && documentFromRow(row);
  }

  async putDocument(
    collection: string,
    document: StoredDocument,
    expectedVersion?: number,
  ): Promise<number> {
    checkDocument(document);
    checkExpectedVersion(expectedVersion);
    const json = canonicalJson(document);
    // IMMEDIATE, like every write here: a transaction that reads first and then writes would be
    // refused at once (SQLITE_BUSY, no wait) if another connection (the writer thread, another
    // process) committed in between; taking the write lock first waits for it instead.
    return this.db
      .transaction(() => {
        const current = this.currentVersion(collection, document.id);
        if (expectedVersion !== undefined && current !== expectedVersion) {
          throw new ConflictError(`${collection}/${document.id}`, expectedVersion, current);
        }
        this.statements.putDocument.run(collection, document.id, current + 1, json);
        this.writeIndexEntries(collection, document);
        return current + 1;
      })
      .immediate();
  }

  async findDocuments(
    collection: string,
    filter: DocumentFilter = {},
  ): Promise<VersionedDocument[]> {
    const entries = filterEntries(collection, filter, this.indexes[collection] ?? []);
    // One index range per field, intersected, then the documents by primary key: with a separate
    // IN per field SQLite walked every document of the collection (a third of the time of
    // printing 1,000 result sheets, each looking up its earlier copies).
    const matching = entries
      .map(() => 'SELECT id FROM doc_index WHERE col = ? AND field = ? AND value = ?')
      .join(' INTERSECT ');
    const parameters = entries.flatMap((entry) => [collection, entry.field, entry.value]);
    const rows = this.db
      .prepare(
        `SELECT id, version, json FROM documents WHERE col = ?` +
          (matching ? ` AND id IN (${matching})` : '') +
          ' ORDER BY id',
      )
      .all(collection, ...parameters) as DocumentRow[];
    return rows.map(documentFromRow);
  }

  async deleteDocument(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    checkExpectedVersion(expectedVersion);
    return this.db
      .transaction(() => {
        const current = this.currentVersion(collection, id);
        if (expectedVersion !== undefined && current !== expectedVersion) {
          throw new ConflictError(`${collection}/${id}`, expectedVersion, current);
        }
        this.statements.deleteIndexEntries.run(collection, id);
        return this.statements.deleteDocument.run(collection, id).changes > 0;
      })
      .immediate();
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    // A snapshot runs to megabytes: posting the string would copy it on the event loop (2-3 ms
    // a megabyte, 5-12 ms with Kazakh or Russian letters); encoding its UTF-8 bytes and moving
    // them to the thread without a copy took 3-4 ms for a megabyte.
    const bytes = Buffer.from(snapshot.state, 'utf8');
    await this.saveEncodedSnapshot({ ...snapshot, state: bytes });
  }

  async saveEncodedSnapshot(snapshot: EncodedSnapshot): Promise<void> {
    const { stream, projection, seq, hash, state, contentHash } = snapshot;
    const row = [stream, projection, seq, hash, state, contentHash];
    const writer = this.readyWriter();
    if (!writer) this.statements.saveSnapshot.run(row);
    else await writer.snapshot(row, state);
  }

  async latestSnapshot(stream: string, projection: string): Promise<Snapshot | undefined> {
    return this.statements.latestSnapshot.get(stream, projection) as Snapshot | undefined;
  }

  startThreads(): void {
    this.readyWriter();
  }

  async close(): Promise<void> {
    // Every append made before close is committed (or refused) before the connections close.
    this.flush();
    while (this.committing.size > 0) await Promise.all(this.committing);
    await this.writer?.close();
    this.writer = undefined;
    this.db.close();
  }

  /**
   * A file written by an earlier version lacks the columns added since: they are added empty
   * (a snapshot without a content hash is never loaded, so the first start replays the log).
   */
  private addMissingColumns(): void {
    const columns = this.db.prepare("SELECT name FROM pragma_table_info('snapshots')").pluck();
    if (!(columns.all() as string[]).includes('content_hash')) {
      this.db.exec("ALTER TABLE snapshots ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''");
    }
  }

  private currentVersion(collection: string, id: string): number {
    return (this.statements.documentVersion.get(collection, id) as number | undefined) ?? 0;
  }

  private writeIndexEntries(collection: string, document: StoredDocument): void {
    this.statements.deleteIndexEntries.run(collection, document.id);
    for (const entry of indexEntries(document, this.indexes[collection] ?? [])) {
      this.statements.insertIndexEntry.run(collection, entry.field, entry.value, document.id);
    }
  }

  /**
   * The indexed fields are kept in the file, so a process that opens the store without declaring
   * a collection (a CLI tool) keeps its index up to date; a declaration that differs from the
   * kept one rebuilds that collection's index.
   */
  private declareIndexes(declared: CollectionIndexes): void {
    const kept = this.db.prepare('SELECT col, fields FROM doc_collections').all() as KeptIndexRow[];
    for (const row of kept) this.indexes[row.col] = JSON.parse(row.fields) as string[];
    const keep = this.db.prepare(
      'INSERT INTO doc_collections (col, fields) VALUES (?, ?) ON CONFLICT (col) DO UPDATE SET fields = excluded.fields',
    );
    const documentsOf = this.db.prepare('SELECT id, version, json FROM documents WHERE col = ?');
    const clearIndex = this.db.prepare('DELETE FROM doc_index WHERE col = ?');
    this.db
      .transaction(() => {
        for (const [collection, fields] of Object.entries(declared)) {
          if (JSON.stringify(this.indexes[collection] ?? []) === JSON.stringify(fields)) continue;
          this.indexes[collection] = fields;
          clearIndex.run(collection);
          for (const row of documentsOf.all(collection) as DocumentRow[]) {
            this.writeIndexEntries(collection, documentFromRow(row).document);
          }
          keep.run(collection, JSON.stringify(fields));
        }
      })
      .immediate();
  }

  private prepareStatements() {
    const db = this.db;
    return {
      head: db.prepare('SELECT seq, hash FROM events WHERE stream = ? ORDER BY seq DESC LIMIT 1'),
      readPage: db.prepare(
        `SELECT stream, seq, at, actor, type, data, prev_hash AS prevHash, hash FROM events
         WHERE stream = ? AND seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`,
      ),
      streams: db.prepare('SELECT DISTINCT stream FROM events ORDER BY stream').pluck(),
      getDocument: db.prepare('SELECT id, version, json FROM documents WHERE col = ? AND id = ?'),
      documentVersion: db.prepare('SELECT version FROM documents WHERE col = ? AND id = ?').pluck(),
      putDocument: db.prepare(
        'INSERT INTO documents (col, id, version, json) VALUES (?, ?, ?, ?) ON CONFLICT (col, id) DO UPDATE SET version = excluded.version, json = excluded.json',
      ),
      deleteDocument: db.prepare('DELETE FROM documents WHERE col = ? AND id = ?'),
      deleteIndexEntries: db.prepare('DELETE FROM doc_index WHERE col = ? AND id = ?'),
      insertIndexEntry: db.prepare(
        'INSERT INTO doc_index (col, field, value, id) VALUES (?, ?, ?, ?)',
      ),
      saveSnapshot: db.prepare(writerSql.saveSnapshot),
      latestSnapshot: db.prepare(
        `SELECT stream, projection, seq, hash, state, content_hash AS contentHash FROM snapshots
         WHERE stream = ? AND projection = ?`,
      ),
    };
  }
}

interface DocumentRow {
  id: string;
  version: number;
  json: string;
}

interface KeptIndexRow {
  col: string;
  fields: string;
}

function documentFromRow(row: DocumentRow): VersionedDocument {
  return { document: JSON.parse(row.json) as StoredDocument, version: row.version };
}

function writerError({ message, code }: WriterError): Error {
  return code ? new Database.SqliteError(message, code) : new Error(message);
}

interface WriterRequest {
  resolve: (reply: { outcomes?: WriterOutcome[] }) => void;
  reject: (error: unknown) => void;
}

/**
 * The main thread's side of sqlite-writer.cjs: numbered requests, each settled by the thread's
 * answer. The thread keeps the process alive only while a request waits for it.
 */
class WriterThread {
  /** Set once the thread has opened its connection (its first message). */
  ready = false;
  failed = false;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, WriterRequest>();
  private nextId = 0;

  constructor(file: string, busyTimeoutMs: number) {
    this.worker = new Worker(new URL('./sqlite-writer.cjs', import.meta.url), {
      workerData: { file, busyTimeoutMs, sql: writerSql },
      // Plain CommonJS: the TypeScript loader the server runs under would only slow its start.
      execArgv: [],
    });
    this.worker.unref();
    this.worker.on(
      'message',
      (reply: { id?: number; ready?: true; outcomes?: WriterOutcome[]; error?: WriterError }) => {
        if (reply.ready) {
          this.ready = true;
          return;
        }
        const request = this.waiting.get(reply.id!);
        this.waiting.delete(reply.id!);
        if (this.waiting.size === 0) this.worker.unref();
        if (reply.error) request?.reject(writerError(reply.error));
        else request?.resolve(reply);
      },
    );
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) =>
      this.fail(new Error(`the SQLite writer thread stopped (exit code ${code})`)),
    );
  }

  async append(batch: GroupCommitRequest[]): Promise<WriterOutcome[]> {
    const reply = await this.request({ kind: 'append', batch });
    return reply.outcomes!;
  }

  /** `bytes` (the row's state) is moved to the thread when it owns its memory, else copied. */
  async snapshot(row: unknown[], bytes: Uint8Array): Promise<void> {
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    await this.request({ kind: 'snapshot', row }, owned ? [bytes.buffer as ArrayBuffer] : []);
  }

  async close(): Promise<void> {
    if (this.failed) return;
    await this.request({ kind: 'close' });
    await this.worker.terminate();
  }

  private request(
    message: object,
    transfer: ArrayBuffer[] = [],
  ): Promise<{ outcomes?: WriterOutcome[] }> {
    if (this.failed) return Promise.reject(new Error('the SQLite writer thread has stopped'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, ...message }, transfer);
    });
  }

  private fail(error: unknown): void {
    this.failed = true;
    for (const request of this.waiting.values()) request.reject(error);
    this.waiting.clear();
  }
}
