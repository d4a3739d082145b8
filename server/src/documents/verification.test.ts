import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionIndexes, collections } from '../collections';
import type { JsonObject } from '../events/canonical-json';
import type { Store } from '../store/port';
import { openSqliteStore } from '../store/sqlite';
import {
  assertNoFullIin,
  codeLength,
  contentHash,
  documentUrl,
  DocumentRegistry,
  formatCode,
  newVerificationCode,
  normaliseCode,
  type IssueRequest,
} from './verification';

describe('verification codes', () => {
  it('are ten characters of Crockford base32, different every time', () => {
    const codes = new Set(Array.from({ length: 2_000 }, newVerificationCode));
    expect(codes.size).toBe(2_000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(codeLength).toBe(10);
  });

  it('read back however a person types them', () => {
    expect(normaliseCode('7k2m9-qx4tb')).toBe('7K2M9QX4TB');
    expect(normaliseCode(' 7K2M9 QX4TB ')).toBe('7K2M9QX4TB');
    expect(normaliseCode('O1IL0-ABCDE')).toBe('01110ABCDE');
    expect(normaliseCode('7K2M9QX4T')).toBeUndefined();
    expect(normaliseCode('7K2M9QX4TU')).toBeUndefined();
    expect(normaliseCode('../../etc/x')).toBeUndefined();
    expect(formatCode('7K2M9QX4TB')).toBe('7K2M9-QX4TB');
  });

  it('lead to the verify page of the public URL', () => {
    expect(documentUrl('https://ashyq.example.kz/', 'AB')).toBe(
      'https://ashyq.example.kz/verify/AB',
    );
  });
});

describe('contentHash', () => {
  it('hashes the data, whatever the key order, and changes with any figure', () => {
    const a = contentHash({ total: 12.5, names: ['Әлия'], sub: { x: 1, y: 2 } });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ sub: { y: 2, x: 1 }, names: ['Әлия'], total: 12.5 })).toBe(a);
    expect(contentHash({ total: 12.51, names: ['Әлия'], sub: { x: 1, y: 2 } })).not.toBe(a);
  });
});

describe('assertNoFullIin', () => {
  it('refuses a 12-digit number anywhere in a summary, allows masked ones', () => {
    expect(() =>
      assertNoFullIin({ rows: [{ iin: '********0123' }], total: 123456789012 }),
    ).not.toThrow();
    expect(() => assertNoFullIin({ rows: [{ name: 'A', iin: '050312500127' }] })).toThrow(
      'summary.rows[0].iin holds a 12-digit number',
    );
  });
});

describe('DocumentRegistry', () => {
  let dir: string;
  let store: Store;
  let registry: DocumentRegistry;
  let source: JsonObject | undefined;

  const request = (overrides: Partial<IssueRequest> = {}): IssueRequest => ({
    kind: 'test-sheet',
    subject: { competitionId: 'c1' },
    content: structuredClone(source!),
    summary: { competitor: 'Сейітқали Әлия', iin: '********0127', total: 12.5 },
    title: 'Тест',
    language: 'kk',
    issuedBy: 'u1',
    ...overrides,
  });

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ashyq-documents-'));
    store = await openSqliteStore(dir, { collections: collectionIndexes });
    registry = new DocumentRegistry(store);
    source = { competitor: 'c-1', total: 12.5 };
    registry.registerKind('test-sheet', async () => source && structuredClone(source));
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('matches while the records give the printed content, and says when they no longer do', async () => {
    const issued = await registry.issue(request());
    const verified = await registry.verify(formatCode(issued.code).toLowerCase());
    expect(verified).toMatchObject({
      code: issued.code,
      kind: 'test-sheet',
      title: 'Тест',
      language: 'kk',
      summary: { competitor: 'Сейітқали Әлия', total: 12.5 },
      matches: true,
      problem: null,
    });
    expect(verified).not.toHaveProperty('issuedBy');

    source = { competitor: 'c-1', total: 13 };
    expect(await registry.verify(issued.code)).toMatchObject({
      matches: false,
      problem: 'content_changed',
    });
    source = undefined;
    expect(await registry.verify(issued.code)).toMatchObject({
      matches: false,
      problem: 'source_missing',
    });
  });

  it('tells an altered record from a changed source', async () => {
    const issued = await registry.issue(request());
    const stored = (await store.getDocument(collections.issuedDocuments, issued.code))!;
    const content = stored.document.content as JsonObject;
    await store.putDocument(collections.issuedDocuments, {
      ...stored.document,
      content: { ...content, total: 20 },
    });
    expect(await registry.verify(issued.code)).toMatchObject({
      matches: false,
      problem: 'record_altered',
    });
    // Printing the same document again never hands out the altered record.
    const again = await registry.issue(request());
    expect(again.code).not.toBe(issued.code);
    expect(again.content).toEqual(request().content);
    expect(await registry.verify(again.code)).toMatchObject({ matches: true });
    expect(await registry.verify(issued.code)).toMatchObject({ problem: 'record_altered' });
  });

  it('keeps one code for the same content and language, a new one when either differs', async () => {
    const first = await registry.issue(request());
    expect((await registry.issue(request())).code).toBe(first.code);
    expect((await registry.issue(request({ language: 'ru' }))).code).not.toBe(first.code);
    source = { competitor: 'c-1', total: 14 };
    expect((await registry.issue(request())).code).not.toBe(first.code);
  });

  it('finds nothing for an unknown or malformed code', async () => {
    expect(await registry.verify(newVerificationCode())).toBeUndefined();
    expect(await registry.verify('not a code')).toBeUndefined();
  });

  it('refuses a kind without a resolver and a summary with a full IIN', async () => {
    await expect(registry.issue(request({ kind: 'unknown' }))).rejects.toThrow(
      'no registered resolver',
    );
    await expect(registry.issue(request({ summary: { iin: '050312500127' } }))).rejects.toThrow(
      '12-digit',
    );
  });
});
