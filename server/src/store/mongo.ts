import mongoose, { Schema, type Connection } from 'mongoose';
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
  type IndexEntry,
  type ReadRange,
  type Snapshot,
  type Store,
  type StoredDocument,
  type StoredEvent,
  type StoreOptions,
  type StreamHead,
  type VersionedDocument,
} from './port';

export interface MongoStoreOptions extends StoreOptions {
  /** Database name when the URI names none (tests use a fresh one each). */
  dbName?: string;
}

interface DocumentRecord {
  col: string;
  docId: string;
  version: number;
  /** canonical JSON: kept as text so keys with dots or `$` and number types come back unchanged */
  json: string;
  indexKeys: string[];
}

interface KeptIndexRecord {
  col: string;
  fields: string[];
}

const requiredString = { type: String, required: true } as const;
const requiredNumber = { type: Number, required: true } as const;
// Event data is kept as its canonical JSON text, like in SQLite: BSON would turn keys with dots
// or `$` and some numbers into something else, and the hash must match the stored bytes.
const anyString = { type: String, default: '' } as const;

const eventSchema = new Schema<EncodedEvent>(
  {
    stream: requiredString,
    seq: requiredNumber,
    at: anyString,
    actor: anyString,
    type: anyString,
    data: anyString,
    prevHash: anyString,
    hash: anyString,
  },
  { collection: 'events', versionKey: false },
);
// Two servers can never both store seq N of a stream: the loser gets a duplicate key error.
eventSchema.index({ stream: 1, seq: 1 }, { unique: true });

const documentSchema = new Schema<DocumentRecord>(
  {
    col: requiredString,
    docId: requiredString,
    version: requiredNumber,
    json: requiredString,
    indexKeys: { type: [String], default: [] },
  },
  { collection: 'documents', versionKey: false },
);
documentSchema.index({ col: 1, docId: 1 }, { unique: true });
documentSchema.index({ col: 1, indexKeys: 1 });

const keptIndexSchema = new Schema<KeptIndexRecord>(
  { col: requiredString, fields: { type: [String], default: [] } },
  { collection: 'document_indexes', versionKey: false },
);
keptIndexSchema.index({ col: 1 }, { unique: true });

const snapshotSchema = new Schema<Snapshot>(
  {
    stream: requiredString,
    projection: requiredString,
    seq: requiredNumber,
    hash: requiredString,
    state: requiredString,
    // Snapshots kept before content hashes existed have none: they never match, so are not loaded.
    contentHash: anyString,
  },
  { collection: 'snapshots', versionKey: false },
);
snapshotSchema.index({ stream: 1, projection: 1 }, { unique: true });

/** Production storage: MongoDB through Mongoose, a replica set for a national championship. */
export async function openMongoStore(
  uri: string,
  options: MongoStoreOptions = {},
): Promise<MongoStore> {
  // Majority + journal: an acknowledged append survives the loss of the primary.
  const connection = await mongoose
    .createConnection(uri, {
      dbName: options.dbName,
      writeConcern: { w: 'majority', journal: true },
      autoIndex: false,
    })
    .asPromise();
  try {
    const store = new MongoStore(connection);
    await store.prepare(options.collections ?? {});
    return store;
  } catch (error) {
    await connection.close();
    throw error;
  }
}

export class MongoStore implements Store {
  private readonly events;
  private readonly documents;
  private readonly keptIndexes;
  private readonly snapshots;
  private indexes: CollectionIndexes = {};
  /** Whether the deployment can run multi-document transactions (a replica set or mongos). */
  private transactions = false;

  constructor(private readonly connection: Connection) {
    this.events = connection.model('StoredEvent', eventSchema);
    this.documents = connection.model('StoredDocument', documentSchema);
    this.keptIndexes = connection.model('KeptIndex', keptIndexSchema);
    this.snapshots = connection.model('Snapshot', snapshotSchema);
  }

  /** Builds the unique indexes before the first write relies on them, and the declared field indexes. */
  async prepare(declared: CollectionIndexes): Promise<void> {
    await Promise.all(
      [this.events, this.documents, this.keptIndexes, this.snapshots].map((model) =>
        model.createIndexes(),
      ),
    );
    const hello = await this.connection.db!.admin().command({ hello: 1 });
    this.transactions = Boolean(hello.setName) || hello.msg === 'isdbgrid';
    await this.declareIndexes(declared);
  }

  async append(
    stream: string,
    expectedSeq: number,
    events: readonly StoredEvent[],
  ): Promise<StoredEvent[]> {
    checkAppend(stream, expectedSeq, events);
    const records = events.map(encodeEvent);
    const actual = (await this.head(stream)).seq;
    if (actual !== expectedSeq) throw new ConflictError(stream, expectedSeq, actual);
    try {
      if (records.length > 1 && this.transactions) {
        await this.connection.transaction(async (session) => {
          await this.events.insertMany(records, { session, ordered: true, lean: true });
        });
      } else {
        // A single event is atomic anyway. Without a replica set a multi-event append that loses
        // a race half-way keeps its first events; single-writer partitioning avoids that race.
        await this.events.insertMany(records, { ordered: true, lean: true });
      }
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new ConflictError(stream, expectedSeq, (await this.head(stream)).seq);
    }
    return [...events];
  }

  async *readPages(stream: string, range: ReadRange = {}): AsyncIterable<StoredEvent[]> {
    const pageSize = range.pageSize ?? defaultPageSize;
    const toSeq = range.toSeq ?? Number.MAX_SAFE_INTEGER;
    let next = range.fromSeq ?? 1;
    while (next <= toSeq) {
      const rows = await this.events
        .find({ stream, seq: { $gte: next, $lte: toSeq } }, { _id: 0 })
        .sort({ seq: 1 })
        .limit(pageSize)
        .lean<EncodedEvent[]>();
      if (rows.length === 0) return;
      const { page, unreadable } = decodeEvents(rows);
      if (page.length > 0) yield page;
      if (unreadable) throw unreadable;
      if (rows.length < pageSize) return;
      next = rows[rows.length - 1]!.seq + 1;
    }
  }

  async head(stream: string): Promise<StreamHead> {
    const last = await this.events
      .findOne({ stream }, { seq: 1, hash: 1 })
      .sort({ seq: -1 })
      .lean<{ seq: number; hash: string }>();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: null };
  }

  async streams(): Promise<string[]> {
    return ((await this.events.distinct('stream')) as string[]).sort();
  }

  async getDocument(collection: string, id: string): Promise<VersionedDocument | undefined> {
    const record = await this.documents
      .findOne({ col: collection, docId: id })
      .lean<DocumentRecord>();
    return record ? versioned(record) : undefined;
  }

  async putDocument(
    collection: string,
    document: StoredDocument,
    expectedVersion?: number,
  ): Promise<number> {
    checkDocument(document);
    checkExpectedVersion(expectedVersion);
    const content = {
      json: canonicalJson(document),
      indexKeys: this.indexKeysOf(collection, document),
    };
    const key = { col: collection, docId: document.id };
    if (expectedVersion === undefined) {
      try {
        const saved = await this.documents
          .findOneAndUpdate(
            key,
            { $set: content, $inc: { version: 1 } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<DocumentRecord>();
        return saved!.version;
      } catch (error) {
        // Two first writes raced to insert the document: the loser writes again, as an update.
        if (isDuplicateKey(error)) return this.putDocument(collection, document);
        throw error;
      }
    }
    if (expectedVersion === 0) {
      try {
        await this.documents.insertMany([{ ...key, ...content, version: 1 }], { lean: true });
        return 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    } else {
      const updated = await this.documents.updateOne(
        { ...key, version: expectedVersion },
        { $set: content, $inc: { version: 1 } },
      );
      if (updated.matchedCount === 1) return expectedVersion + 1;
    }
    throw await this.documentConflict(collection, document.id, expectedVersion);
  }

  async findDocuments(
    collection: string,
    filter: DocumentFilter = {},
  ): Promise<VersionedDocument[]> {
    const entries = filterEntries(collection, filter, this.indexes[collection] ?? []);
    const query =
      entries.length > 0
        ? { col: collection, indexKeys: { $all: entries.map(indexKey) } }
        : { col: collection };
    const records = await this.documents.find(query).sort({ docId: 1 }).lean<DocumentRecord[]>();
    return records.map(versioned);
  }

  async deleteDocument(collection: string, id: string, expectedVersion?: number): Promise<boolean> {
    checkExpectedVersion(expectedVersion);
    const versionCheck = expectedVersion === undefined ? {} : { version: expectedVersion };
    const deleted = await this.documents.deleteOne({ col: collection, docId: id, ...versionCheck });
    if (deleted.deletedCount === 1) return true;
    if (expectedVersion === undefined) return false;
    const conflict = await this.documentConflict(collection, id, expectedVersion);
    if (conflict.actual === 0 && expectedVersion === 0) return false;
    throw conflict;
  }

  async saveSnapshot(snapshot: Snapshot): Promise<void> {
    const { stream, projection, seq, hash, state, contentHash } = snapshot;
    try {
      await this.snapshots.updateOne(
        { stream, projection, seq: { $lt: seq } },
        { $set: { seq, hash, state, contentHash } },
        { upsert: true },
      );
    } catch (error) {
      // The upsert found no older snapshot and collided with a newer one, which stays.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async latestSnapshot(stream: string, projection: string): Promise<Snapshot | undefined> {
    const found = await this.snapshots.findOne({ stream, projection }, { _id: 0 }).lean<Snapshot>();
    return found ? { ...found, contentHash: found.contentHash ?? '' } : undefined;
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private indexKeysOf(collection: string, document: StoredDocument): string[] {
    return indexEntries(document, this.indexes[collection] ?? []).map(indexKey);
  }

  private async documentVersion(collection: string, id: string): Promise<number> {
    const found = await this.documents
      .findOne({ col: collection, docId: id }, { version: 1 })
      .lean<{ version: number }>();
    return found?.version ?? 0;
  }

  private async documentConflict(
    collection: string,
    id: string,
    expectedVersion: number,
  ): Promise<ConflictError> {
    const actual = await this.documentVersion(collection, id);
    return new ConflictError(`${collection}/${id}`, expectedVersion, actual);
  }

  /** As in SQLite: the declared fields are kept in the database; a changed declaration reindexes. */
  private async declareIndexes(declared: CollectionIndexes): Promise<void> {
    for (const kept of await this.keptIndexes.find().lean<KeptIndexRecord[]>()) {
      this.indexes[kept.col] = kept.fields;
    }
    for (const [collection, fields] of Object.entries(declared)) {
      if (JSON.stringify(this.indexes[collection] ?? []) === JSON.stringify(fields)) continue;
      this.indexes[collection] = fields;
      const records = await this.documents.find({ col: collection }).lean<DocumentRecord[]>();
      const updates = records.map((record) => ({
        updateOne: {
          filter: { col: collection, docId: record.docId },
          update: { $set: { indexKeys: this.indexKeysOf(collection, versioned(record).document) } },
        },
      }));
      if (updates.length > 0) await this.documents.bulkWrite(updates);
      await this.keptIndexes.updateOne({ col: collection }, { $set: { fields } }, { upsert: true });
    }
  }
}

function indexKey(entry: IndexEntry): string {
  return JSON.stringify([entry.field, entry.value]);
}

function versioned(record: DocumentRecord): VersionedDocument {
  return { document: JSON.parse(record.json) as StoredDocument, version: record.version };
}

function isDuplicateKey(error: unknown): boolean {
  const coded = error as { code?: number; writeErrors?: { code?: number }[] } | null;
  return coded?.code === 11000 || coded?.writeErrors?.some((e) => e.code === 11000) === true;
}
