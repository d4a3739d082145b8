import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { languages, type Language } from '@ashyq/shared';
import { collections } from '../collections';
import { canonicalJson, type JsonObject } from '../events/canonical-json';
import { TypedCollection } from '../domain/collection';
import { isJsonObject } from '../store/json';
import type { Store } from '../store/port';

/**
 * The registry of issued documents: every printed protocol, statement, marks summary... gets a
 * short code (printed with a QR code) under which anyone can ask the server what the document
 * said and whether the server's records still say the same.
 *
 * Issuing (a kind's route):
 * ```ts
 * const issued = await services.documents.issue({ kind: 'marks-summary', subject, content,
 *   summary, title, language, issuedBy });
 * // print issued.code and documentUrl(config, issued.code) in the footer
 * ```
 * Each kind registers once, at start-up, how to rebuild its content from the current records:
 * `services.documents.registerKind('marks-summary', (subject) => buildContent(subject))`.
 */

/**
 * Crockford's base32: no I, L, O or U, so nothing reads as another character; on input O counts as
 * 0 and I, L as 1. Ten characters carry 50 random bits: not guessable within any rate limit.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const codeLength = 10;

export function newVerificationCode(): string {
  // 32 divides 256, so the low five bits of a random byte are uniform.
  return [...randomBytes(codeLength)].map((byte) => alphabet[byte & 31]).join('');
}

/** What a person typed (any case, spaces or dashes, O for 0, I/L for 1) as a code, or undefined. */
export function normaliseCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== codeLength) return undefined;
  for (const char of code) if (!alphabet.includes(char)) return undefined;
  return code;
}

/** `ABCDE-FGHJK`: two groups of five are easier to read out and type. */
export function formatCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Where a document's QR code points. */
export function documentUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/verify/${code}`;
}

/**
 * The hash is of the document's content, the data it was rendered from, not of the PDF bytes:
 * the same data renders to different bytes (creation time, font subsets, a renderer upgrade, the
 * kk and ru copies), and the server can rebuild the data from its records at any time but never
 * the bytes. What a verification must answer is "do the server's figures still say this?".
 */
export function contentHash(content: JsonObject): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** A public summary must never carry a full IIN (or any 12-digit number that might be one). */
export function assertNoFullIin(value: unknown, where = 'summary'): void {
  if (typeof value === 'string') {
    if (/(?<!\d)\d{12}(?!\d)/.test(value)) {
      throw new Error(`${where} holds a 12-digit number: mask IINs with maskIin`);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoFullIin(item, `${where}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertNoFullIin(item, `${where}.${key}`);
  }
}

export interface IssueRequest {
  /** e.g. `marks-summary`, `exam-protocol`; its resolver must be registered. */
  kind: string;
  /** What the resolver needs to find the source records again (ids only). */
  subject: JsonObject;
  /** The data the document was rendered from, exactly as the resolver rebuilds it. */
  content: JsonObject;
  /** What the public page shows: names with masked IINs, totals... never a full IIN. */
  summary: JsonObject;
  title: string;
  language: Language;
  /** The user or expert id that asked for the document. */
  issuedBy: string;
}

const jsonObjectSchema = z.custom<JsonObject>(isJsonObject, 'a JSON object');

/**
 * A registered document as the registry keeps it. Read loosely (strings and JSON objects), so a
 * record whose content was altered in the store still reads, and /verify reports the alteration.
 */
export const issuedDocumentSchema = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.string(),
  subject: jsonObjectSchema,
  subjectKey: z.string(),
  title: z.string(),
  language: z.enum(languages),
  issuedAt: z.string(),
  issuedBy: z.string(),
  contentHash: z.string(),
  /** Kept so a verification can tell "this record was altered" from "the source changed". */
  content: jsonObjectSchema,
  summary: jsonObjectSchema,
});
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;

/** Rebuilds a kind's content from the current records; undefined when the source is gone. */
export type ContentResolver = (subject: JsonObject) => Promise<JsonObject | undefined>;

export type VerificationProblem =
  /** The stored record's content no longer hashes to the hash taken at issue. */
  | 'record_altered'
  /** The records now give different content than the document printed. */
  | 'content_changed'
  /** The records the document came from no longer exist (or the kind is unknown here). */
  | 'source_missing';

/** What anyone may see of an issued document (not who issued it: that stays in the record). */
export interface Verification {
  code: string;
  kind: string;
  title: string;
  issuedAt: string;
  language: Language;
  contentHash: string;
  summary: JsonObject;
  matches: boolean;
  problem: VerificationProblem | null;
}

export class DocumentRegistry {
  private readonly resolvers = new Map<string, ContentResolver>();
  private readonly issued: TypedCollection<IssuedDocument>;

  constructor(private readonly store: Store) {
    this.issued = new TypedCollection(store, collections.issuedDocuments, issuedDocumentSchema);
  }

  registerKind(kind: string, resolver: ContentResolver): void {
    this.resolvers.set(kind, resolver);
  }

  /**
   * Registers a document about to be printed and returns its record. Issuing the same kind,
   * subject, language and content again returns the earlier record, so downloading a document
   * twice prints the same code instead of filling the registry with copies.
   */
  async issue(request: IssueRequest): Promise<IssuedDocument> {
    if (!this.resolvers.has(request.kind)) {
      throw new Error(`document kind ${request.kind} has no registered resolver`);
    }
    assertNoFullIin(request.summary);
    const hash = contentHash(request.content);
    const subjectKey = canonicalJson(request.subject);
    const earlier = await this.issued.list({ kind: request.kind, subjectKey });
    const same = earlier.find(
      (record) =>
        record.contentHash === hash &&
        record.language === request.language &&
        // A record altered in the store is never handed out again: the new copy gets a new
        // code, and the old one keeps reporting the alteration at /verify.
        contentHash(record.content) === hash,
    );
    if (same) return same;

    for (;;) {
      const code = newVerificationCode();
      const record: IssuedDocument = {
        id: code,
        code,
        kind: request.kind,
        subject: request.subject,
        subjectKey,
        title: request.title,
        language: request.language,
        issuedAt: new Date().toISOString(),
        issuedBy: request.issuedBy,
        contentHash: hash,
        content: request.content,
        summary: request.summary,
      };
      try {
        // expectedVersion 0: a code is never reused, even in the 2^-50 case of a collision.
        await this.store.putDocument(collections.issuedDocuments, { ...record }, 0);
        return record;
      } catch (error) {
        if ((error as Error).name !== 'ConflictError') throw error;
      }
    }
  }

  async find(code: string): Promise<IssuedDocument | undefined> {
    const normalised = normaliseCode(code);
    if (!normalised) return undefined;
    return this.issued.find(normalised);
  }

  /**
   * Checks an issued document against the server now: its stored record must still hash to the
   * hash taken at issue, and its kind's resolver must rebuild the same content from the records.
   */
  async verify(code: string): Promise<Verification | undefined> {
    const record = await this.find(code);
    if (!record) return undefined;
    const problem = await this.problemOf(record);
    return {
      code: record.code,
      kind: record.kind,
      title: record.title,
      issuedAt: record.issuedAt,
      language: record.language,
      contentHash: record.contentHash,
      summary: record.summary,
      matches: problem === null,
      problem,
    };
  }

  private async problemOf(record: IssuedDocument): Promise<VerificationProblem | null> {
    if (contentHash(record.content) !== record.contentHash) return 'record_altered';
    const resolver = this.resolvers.get(record.kind);
    const current = resolver && (await resolver(record.subject));
    if (!current) return 'source_missing';
    return contentHash(current) === record.contentHash ? null : 'content_changed';
  }
}
