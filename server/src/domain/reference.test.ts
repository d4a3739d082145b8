import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Competitor } from '@ashyq/shared';
import { collectionIndexes } from '../collections';
import { httpError } from '../http/errors';
import { DomainError } from './errors';
import { openSqliteStore, type SqliteStore } from '../store/sqlite';
import { publicPerson, ReferenceRepository } from './reference';

const college = {
  id: 'pavlodar-college',
  name: { kk: 'Павлодар колледжі', ru: 'Павлодарский колледж' },
  regionId: 'pavlodar',
};

let dir: string;
let store: SqliteStore;
let reference: ReferenceRepository;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ashyq-reference-'));
  store = await openSqliteStore(dir, { collections: collectionIndexes });
  reference = new ReferenceRepository(store);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return error instanceof DomainError ? httpError(error).status : undefined;
}

describe('ReferenceRepository', () => {
  it('creates, reads with its version and lists by indexed field', async () => {
    await reference.create('colleges', college);
    expect(await reference.require('colleges', college.id)).toEqual({
      record: college,
      version: 1,
    });
    expect(await reference.list('colleges', { regionId: 'pavlodar' })).toEqual([college]);
    expect(await reference.list('colleges', { regionId: 'astana' })).toEqual([]);
  });

  it('answers 404 for a missing record and 409 for a taken id or a stale version', async () => {
    expect(await statusOf(reference.require('colleges', 'nowhere'))).toBe(404);
    await reference.create('colleges', college);
    expect(await statusOf(reference.create('colleges', college))).toBe(409);
    const renamed = { ...college, name: { ...college.name, en: 'Pavlodar College' } };
    expect((await reference.replace('colleges', renamed, 1)).version).toBe(2);
    expect(await statusOf(reference.replace('colleges', college, 1))).toBe(409);
    expect((await reference.require('colleges', college.id)).record).toEqual(renamed);
  });

  it('refuses to write or serve a record that breaks its schema', async () => {
    const broken = { ...college, id: 'bad id with spaces' };
    await expect(reference.create('colleges', broken)).rejects.toThrow();
    await store.putDocument('colleges', { id: 'damaged', name: 'not localized' });
    await expect(reference.get('colleges', 'damaged')).rejects.toThrow();
  });
});

describe('publicPerson', () => {
  it('leaves the IIN out and everything else in', () => {
    const competitor: Competitor = {
      id: 'c-1',
      competitionId: 'web',
      name: { last: 'Серікқызы', first: 'Дана' },
      iin: '050315600123',
      regionId: 'pavlodar',
      guest: false,
    };
    const shown = publicPerson(competitor);
    expect(shown).not.toHaveProperty('iin');
    expect({ ...shown, iin: competitor.iin }).toEqual(competitor);
  });
});
