import type { z } from 'zod';
import { toDocument } from '../store/json';
import {
  ConflictError,
  type DocumentFilter,
  type Store,
  type VersionedDocument,
} from '../store/port';
import { DomainError } from './errors';
import type { Versioned } from './reference';

/**
 * One collection of stored documents read through its schema: what the store hands back is
 * parsed, never cast, so a document damaged in the store fails loudly instead of being served.
 * Reference data has its own repository (reference.ts); this serves the other documents
 * (advancement decisions, issued documents, export logs, ceremonies).
 */
export class TypedCollection<T extends { id: string }> {
  constructor(
    private readonly store: Store,
    readonly name: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async get(id: string): Promise<Versioned<T> | undefined> {
    const stored = await this.store.getDocument(this.name, id);
    return stored && this.versioned(stored);
  }

  async find(id: string): Promise<T | undefined> {
    return (await this.get(id))?.record;
  }

  async list(filter: DocumentFilter = {}): Promise<T[]> {
    const found = await this.store.findDocuments(this.name, filter);
    return found.map(({ document }) => this.read(document));
  }

  /**
   * Writes a record (checked by the schema first); with `expectedVersion` (0: must not exist)
   * another writer in between is a conflict.
   */
  async put(record: T, expectedVersion?: number): Promise<number> {
    const valid = toDocument(this.schema.parse(record));
    try {
      return await this.store.putDocument(this.name, valid, expectedVersion);
    } catch (error) {
      if (error instanceof ConflictError) throw new DomainError('conflict');
      throw error;
    }
  }

  async delete(id: string, expectedVersion?: number): Promise<boolean> {
    return this.store.deleteDocument(this.name, id, expectedVersion);
  }

  private versioned({ document, version }: VersionedDocument): Versioned<T> {
    return { record: this.read(document), version };
  }

  private read(document: unknown): T {
    return this.schema.parse(document);
  }
}
