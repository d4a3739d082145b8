import { z } from 'zod';
import {
  championshipSchema,
  collegeSchema,
  competitionSchema,
  competitorSchema,
  expertSchema,
  withoutUnsafeText,
  type Championship,
  type College,
  type Competition,
  type Competitor,
  type Expert,
} from '@ashyq/shared';
import { collections } from '../collections';
import { DomainError } from './errors';
import { ConflictError, type DocumentFilter, type Store, type StoredDocument } from '../store/port';

/**
 * Reference data of championships (plain documents, not events), validated with the shared
 * schemas on the way in and out, so a document damaged in the store is never served as valid.
 */

const schemas = {
  colleges: collegeSchema,
  championships: championshipSchema,
  competitions: competitionSchema,
  competitors: competitorSchema,
  experts: expertSchema,
} as const;

export type ReferenceKind = keyof typeof schemas;

export interface ReferenceOf {
  colleges: College;
  championships: Championship;
  competitions: Competition;
  competitors: Competitor;
  experts: Expert;
}

/** A record with the store version it was read at, for an update that must not lose another's. */
export interface Versioned<T> {
  record: T;
  version: number;
}

export class ReferenceRepository {
  constructor(private readonly store: Store) {}

  async get<K extends ReferenceKind>(
    kind: K,
    id: string,
  ): Promise<Versioned<ReferenceOf[K]> | undefined> {
    const stored = await this.store.getDocument(collections[kind], id);
    if (!stored) return undefined;
    return { record: this.read(kind, stored.document), version: stored.version };
  }

  /** The record alone, or undefined when there is none. */
  async find<K extends ReferenceKind>(kind: K, id: string): Promise<ReferenceOf[K] | undefined> {
    return (await this.get(kind, id))?.record;
  }

  /** The record, or not found. */
  async require<K extends ReferenceKind>(kind: K, id: string): Promise<Versioned<ReferenceOf[K]>> {
    const found = await this.get(kind, id);
    if (!found) throw new DomainError('not_found');
    return found;
  }

  async list<K extends ReferenceKind>(
    kind: K,
    filter: DocumentFilter = {},
  ): Promise<ReferenceOf[K][]> {
    const found = await this.store.findDocuments(collections[kind], filter);
    return found.map((stored) => this.read(kind, stored.document));
  }

  /**
   * The ids of the matching records, without reading them through their schema: for a caller
   * that already holds most of them parsed (a running competition's context, say).
   */
  async ids(kind: ReferenceKind, filter: DocumentFilter = {}): Promise<string[]> {
    const found = await this.store.findDocuments(collections[kind], filter);
    return found.map((stored) => stored.document.id);
  }

  /** Creates a record; an id already taken is a 409. */
  async create<K extends ReferenceKind>(kind: K, record: ReferenceOf[K]): Promise<ReferenceOf[K]> {
    await this.write(kind, record, 0);
    return record;
  }

  /**
   * Replaces a record read at `expectedVersion`; another writer in between is a 409, so the
   * caller reads again instead of overwriting a change it never saw.
   */
  async replace<K extends ReferenceKind>(
    kind: K,
    record: ReferenceOf[K],
    expectedVersion: number,
  ): Promise<Versioned<ReferenceOf[K]>> {
    const version = await this.write(kind, record, expectedVersion);
    return { record, version };
  }

  /** Removes a record: one a request stored before it was refused (it must leave nothing). */
  async delete(kind: ReferenceKind, id: string): Promise<void> {
    await this.store.deleteDocument(collections[kind], id);
  }

  /** Names stored before NULs, bidi controls and broken surrogates were refused lose them. */
  private read<K extends ReferenceKind>(kind: K, document: StoredDocument): ReferenceOf[K] {
    return schemas[kind].parse(withoutUnsafeText(document)) as ReferenceOf[K];
  }

  private async write<K extends ReferenceKind>(
    kind: K,
    record: ReferenceOf[K],
    expectedVersion: number,
  ): Promise<number> {
    const valid = (schemas[kind] as z.ZodType).parse(record) as StoredDocument;
    try {
      return await this.store.putDocument(collections[kind], valid, expectedVersion);
    } catch (error) {
      if (error instanceof ConflictError) throw new DomainError('conflict');
      throw error;
    }
  }
}

/** A person as anyone without the right to personal data sees them: no IIN. */
export function publicPerson<P extends Competitor | Expert>({
  iin: _,
  ...person
}: P): Omit<P, 'iin'> {
  return person;
}
