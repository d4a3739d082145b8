import {
  examSessionSchema,
  defaultNobdTemplate,
  nobdTemplateSchema,
  type College,
  type ExamSession,
  type NobdTemplate,
  withoutUnsafeText,
} from '@ashyq/shared';
import { z } from 'zod';
import { TypedCollection } from '../domain/collection';
import { DomainError } from '../domain/errors';
import { ReferenceRepository } from '../domain/reference';
import { toDocument } from '../store/json';
import { ConflictError, type Store, type StoredDocument } from '../store/port';

import { examCollections } from './collections';

export { examCollectionIndexes, examCollections } from './collections';

/**
 * A deleted session as the audit keeps it: what it was, how many sat on it, who deleted it and
 * when, and the head of its event log (closed by the deletion, kept). Never an IIN or a name.
 */
export interface DeletionRecord {
  id: string;
  collegeId: string;
  academicYear: string;
  examType: ExamSession['examType'];
  specialtyCode: string;
  qualificationCode: string;
  protocolNumber: string | null;
  students: number;
  commission: number;
  deletedAt: string;
  deletedBy: string;
  log: { seq: number; hash: string | null };
}

export interface VersionedSession {
  session: ExamSession;
  version: number;
}

export const exportKinds = [
  'nobd',
  'protocol',
  'statement',
  'result-sheets',
  'result-sheet',
] as const;
export type ExportKind = (typeof exportKinds)[number];

/**
 * Personal data leaving the system, as the log keeps it: a NOBD export, or a document printed
 * with the students' IINs (docs/demo-exams.md: such exports are access-controlled and logged).
 */
export const exportRecordSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  collegeId: z.string(),
  /** Records from before documents were logged have none: they are NOBD exports. */
  kind: z.enum(exportKinds).optional(),
  format: z.enum(['csv', 'xlsx', 'pdf']),
  /** The NOBD template the export followed. */
  templateId: z.string().optional(),
  /** A document's language and group (null: the whole session). */
  language: z.enum(['kk', 'ru']).optional(),
  group: z.string().nullable().optional(),
  /** Students in it. */
  rows: z.number(),
  by: z.object({ userId: z.string(), name: z.string(), email: z.string() }),
  at: z.string(),
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

export class ExamSessionStore {
  private readonly reference: ReferenceRepository;
  private readonly exportLog: TypedCollection<ExportRecord>;

  constructor(private readonly store: Store) {
    this.reference = new ReferenceRepository(store);
    this.exportLog = new TypedCollection(store, examCollections.exports, exportRecordSchema);
  }

  async get(id: string): Promise<VersionedSession | undefined> {
    const stored = await this.store.getDocument(examCollections.sessions, id);
    if (!stored) return undefined;
    return { session: await this.read(stored.document), version: stored.version };
  }

  async require(id: string): Promise<VersionedSession> {
    const found = await this.get(id);
    if (!found) throw new DomainError('not_found');
    return found;
  }

  async list(collegeId?: string): Promise<ExamSession[]> {
    const stored = await this.store.findDocuments(
      examCollections.sessions,
      collegeId === undefined ? {} : { collegeId },
    );
    return Promise.all(stored.map(({ document }) => this.read(document)));
  }

  /** Writes a session read at `expectedVersion` (0: new); another writer in between is a 409. */
  async put(session: ExamSession, expectedVersion: number): Promise<number> {
    const valid = examSessionSchema.parse(session);
    try {
      return await this.store.putDocument(
        examCollections.sessions,
        toDocument(valid),
        expectedVersion,
      );
    } catch (error) {
      if (error instanceof ConflictError) throw new DomainError('conflict');
      throw error;
    }
  }

  /** Removes the session's document; the caller (ExamService.delete) does the rest. */
  async delete(id: string): Promise<void> {
    await this.store.deleteDocument(examCollections.sessions, id);
  }

  async recordDeletion(record: DeletionRecord): Promise<void> {
    await this.store.putDocument(examCollections.deletions, toDocument(record));
  }

  /** The college's template, or the default one until the college saves its own. */
  async template(collegeId: string): Promise<NobdTemplate> {
    const stored = await this.store.getDocument(examCollections.nobdTemplates, collegeId);
    if (!stored) return defaultNobdTemplate;
    return nobdTemplateSchema.parse(stored.document.template);
  }

  async putTemplate(collegeId: string, template: NobdTemplate): Promise<void> {
    await this.store.putDocument(
      examCollections.nobdTemplates,
      toDocument({ id: collegeId, template }),
    );
  }

  async logExport(record: ExportRecord): Promise<void> {
    await this.exportLog.put(record, 0);
  }

  async exports(sessionId: string): Promise<ExportRecord[]> {
    return (await this.exportLog.list({ sessionId })).sort((a, b) => b.at.localeCompare(a.at));
  }

  async college(collegeId: string): Promise<College | undefined> {
    return this.reference.find('colleges', collegeId);
  }

  /**
   * Sessions stored before the college's printed details were kept with them (the demo seed)
   * take them from the college record. Names stored before NULs, bidi controls and broken
   * surrogates were refused lose them.
   */
  private async read(stored: StoredDocument): Promise<ExamSession> {
    const document = withoutUnsafeText(stored);
    if (document.college === undefined && typeof document.collegeId === 'string') {
      const college = await this.college(document.collegeId);
      if (college) {
        const printed = { name: { kk: college.name.kk, ru: college.name.ru }, bin: college.bin };
        return examSessionSchema.parse({ ...document, college: withoutUnsafeText(printed) });
      }
    }
    return examSessionSchema.parse(document);
  }
}
