import {
  canonicalJson,
  canonicalJsonOf,
  type JsonObject,
  type JsonValue,
} from '../events/canonical-json';

/**
 * The storage port: everything Ashyq keeps goes through this interface, so the embedded SQLite
 * store and MongoDB are interchangeable (store.contract.ts is the suite both must pass).
 * Every method is async because MongoDB needs it, even where SQLite answers at once.
 */
export interface Store {
  /**
   * Appends events to a stream after its event `expectedSeq` (0 for an empty stream), durably:
   * the promise resolves only once the events would survive a crash. The events come numbered
   * `expectedSeq + 1, + 2, ...`. If the stream's head is not `expectedSeq` (another writer won),
   * nothing is written and a ConflictError carries the actual head.
   */
  append(
    stream: string,
    expectedSeq: number,
    events: readonly StoredEvent[],
  ): Promise<StoredEvent[]>;
  /** A stream's events in seq order, one page (array) at a time, so a long log is never all in memory. */
  readPages(stream: string, range?: ReadRange): AsyncIterable<StoredEvent[]>;
  /** The last event's seq and hash; `{ seq: 0, hash: null }` for a stream with no events. */
  head(stream: string): Promise<StreamHead>;
  /** Every stream with at least one event. */
  streams(): Promise<string[]>;

  getDocument(collection: string, id: string): Promise<VersionedDocument | undefined>;
  /**
   * Creates or replaces a document and returns its new version (1 for a new document).
   * With `expectedVersion` (0 = must not exist yet) a different current version is a ConflictError;
   * without it the write is unconditional.
   */
  putDocument(
    collection: string,
    document: StoredDocument,
    expectedVersion?: number,
  ): Promise<number>;
  /** Documents whose indexed fields equal every value in `filter` (an empty filter: all), by id. */
  findDocuments(collection: string, filter?: DocumentFilter): Promise<VersionedDocument[]>;
  /** Returns whether a document was deleted; a stale `expectedVersion` is a ConflictError. */
  deleteDocument(collection: string, id: string, expectedVersion?: number): Promise<boolean>;

  /**
   * Keeps the snapshot unless one of the same stream and projection at the same or a later seq is
   * kept already. Snapshots are a cache the event log checks against itself (event-log.ts):
   * the store keeps and returns them as written, contentHash included.
   */
  saveSnapshot(snapshot: Snapshot): Promise<void>;
  latestSnapshot(stream: string, projection: string): Promise<Snapshot | undefined>;

  /**
   * How a worker thread opens this same store to read it, when it can (a file on this machine).
   * With saveEncodedSnapshot, the event log builds its snapshots there, off the event loop
   * (events/snapshot-thread.ts). Absent for a store a thread cannot share: its snapshots are
   * taken on the main thread.
   */
  readonly threadRecipe?: ThreadRecipe;
  /**
   * saveSnapshot for a snapshot whose state is already UTF-8 bytes (built on the snapshot
   * thread): kept as the same text, without decoding it on the event loop.
   */
  saveEncodedSnapshot?(snapshot: EncodedSnapshot): Promise<void>;
  /**
   * Starts now what the store would otherwise start with its first write (SQLite: its writer
   * thread), for a server about to take traffic.
   */
  startThreads?(): void;

  close(): Promise<void>;
}

/**
 * How a worker thread builds its own copy of something the main thread holds and cannot hand
 * over (a store's connection, a projection's reducer): call the export `name` of `module` (a
 * file URL) with `args`, which must survive structured cloning (plain data).
 */
export interface ThreadRecipe {
  module: string;
  name: string;
  args: unknown[];
}

export interface StoredEvent {
  stream: string;
  seq: number;
  /** ISO 8601 UTC time of the append. */
  at: string;
  /** Who caused the event (a user id, or `system`). */
  actor: string;
  type: string;
  data: JsonValue;
  prevHash: string;
  hash: string;
}

export interface StreamHead {
  seq: number;
  hash: string | null;
}

export interface ReadRange {
  /** First seq to read, default 1. */
  fromSeq?: number;
  /** Last seq to read, inclusive, default the head. */
  toSeq?: number;
  /** Events per page, default 2,000. */
  pageSize?: number;
}

export const defaultPageSize = 2_000;

/** A document is any JSON object with a string `id`, unique within its collection. */
export type StoredDocument = JsonObject & { id: string };

export interface VersionedDocument {
  document: StoredDocument;
  version: number;
}

export type IndexableValue = string | number | boolean | null;
export type DocumentFilter = Record<string, IndexableValue>;

/**
 * Which fields of each collection can be searched with findDocuments (dotted paths reach into
 * nested objects; an array field matches any of its items). Collections not named here still
 * store documents but cannot be searched by field.
 */
export type CollectionIndexes = Record<string, readonly string[]>;

export interface StoreOptions {
  collections?: CollectionIndexes;
}

/** The state of a projection after event `seq`, so start-up replays only the events after it. */
export interface Snapshot {
  stream: string;
  /** Names the projection and its state format (e.g. `scores@3`). */
  projection: string;
  seq: number;
  /** Hash of event `seq`: a snapshot that no longer matches the log is ignored. */
  hash: string;
  /** The state as JSON text, written when the snapshot was taken. */
  state: string;
  /**
   * SHA-256 of the fields above, written with them (events/event-log.ts, snapshotContentHash):
   * a snapshot edited in the store no longer matches it and is not loaded. An empty string (a
   * snapshot kept before content hashes existed) never matches.
   */
  contentHash: string;
}

/** Another writer got there first: the caller should re-read and decide again. */
/** A snapshot with its state text as UTF-8 bytes. */
export type EncodedSnapshot = Omit<Snapshot, 'state'> & { state: Uint8Array };

export class ConflictError extends Error {
  constructor(
    /** The stream, or `collection/id` for a document. */
    readonly target: string,
    readonly expected: number,
    /** The stream's head seq, or the document's current version (0 when absent). */
    readonly actual: number,
  ) {
    super(`Conflict on ${target}: expected ${expected}, found ${actual}`);
    this.name = 'ConflictError';
  }
}

/** A stored event that cannot be read back (its data is not JSON any more). */
export class UnreadableEventError extends Error {
  constructor(
    readonly stream: string,
    readonly seq: number,
  ) {
    super(`Event ${seq} of ${stream} cannot be read`);
    this.name = 'UnreadableEventError';
  }
}

/** Refuses an append whose events do not continue the stream at `expectedSeq` (a caller's bug). */
export function checkAppend(
  stream: string,
  expectedSeq: number,
  events: readonly StoredEvent[],
): void {
  if (!Number.isSafeInteger(expectedSeq) || expectedSeq < 0) {
    throw new RangeError(`expectedSeq must be a whole number >= 0, got ${expectedSeq}`);
  }
  if (events.length === 0) throw new RangeError('append needs at least one event');
  events.forEach((event, i) => {
    if (event.stream !== stream) {
      throw new RangeError(`event ${i} belongs to stream ${event.stream}, not ${stream}`);
    }
    if (event.seq !== expectedSeq + 1 + i) {
      throw new RangeError(`event ${i} has seq ${event.seq}, expected ${expectedSeq + 1 + i}`);
    }
  });
}

/** An event as both adapters keep it: data as its canonical JSON text, exactly what was hashed. */
export type EncodedEvent = Omit<StoredEvent, 'data'> & { data: string };

export function encodeEvent(event: StoredEvent): EncodedEvent {
  return { ...event, data: canonicalJsonOf(event.data) };
}

/**
 * Decodes a page of stored rows up to the first one whose data is no longer JSON (a damaged or
 * tampered row), so a verifier can still name the first bad seq.
 */
export function decodeEvents(rows: readonly EncodedEvent[]): {
  page: StoredEvent[];
  unreadable?: UnreadableEventError;
} {
  const page: StoredEvent[] = [];
  for (const row of rows) {
    let data: JsonValue;
    try {
      data = JSON.parse(row.data) as JsonValue;
    } catch {
      return { page, unreadable: new UnreadableEventError(row.stream, row.seq) };
    }
    const { stream, seq, at, actor, type, prevHash, hash } = row;
    page.push({ stream, seq, at, actor, type, data, prevHash, hash });
  }
  return { page };
}

export function checkExpectedVersion(expectedVersion: number | undefined): void {
  if (expectedVersion === undefined) return;
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    throw new RangeError(`expectedVersion must be a whole number >= 0, got ${expectedVersion}`);
  }
}

export interface IndexEntry {
  field: string;
  /** canonical JSON of the value, so the string "1" and the number 1 stay apart */
  value: string;
}

/** The index entries a document gets from its collection's indexed fields. */
export function indexEntries(document: StoredDocument, fields: readonly string[]): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const field of fields) {
    const found = valueAt(document, field);
    const values = Array.isArray(found) ? found : [found];
    const seen = new Set<string>();
    for (const value of values) {
      if (!isIndexable(value)) continue;
      const encoded = canonicalJson(value);
      if (seen.has(encoded)) continue;
      seen.add(encoded);
      entries.push({ field, value: encoded });
    }
  }
  return entries;
}

/** The filter as index entries; refuses a field the collection does not index. */
export function filterEntries(
  collection: string,
  filter: DocumentFilter,
  fields: readonly string[],
): IndexEntry[] {
  return Object.entries(filter).map(([field, value]) => {
    if (!fields.includes(field)) {
      throw new RangeError(
        `${collection}.${field} is not indexed (indexed: ${fields.join(', ') || 'none'})`,
      );
    }
    if (!isIndexable(value))
      throw new RangeError(`filter ${field}: only a string, number, boolean or null`);
    return { field, value: canonicalJson(value) };
  });
}

export function checkDocument(document: StoredDocument): void {
  if (typeof document.id !== 'string' || document.id === '') {
    throw new RangeError('a document needs a non-empty string id');
  }
}

function valueAt(document: JsonObject, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = document;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}

function isIndexable(value: unknown): value is IndexableValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}
