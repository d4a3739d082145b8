import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountService } from '../server/src/auth/accounts';
import { collectionIndexes } from '../server/src/collections';
import { openSqliteStore, type SqliteStore } from '../server/src/store/sqlite';
import { demo } from './demo';
import { examSessionsCollection, isEmptyStore, loadDemo } from './load-demo';

const opened: { dir: string; store: SqliteStore }[] = [];

async function freshStore(): Promise<SqliteStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ashyq-demo-'));
  const store = await openSqliteStore(dir, { collections: collectionIndexes });
  opened.push({ dir, store });
  return store;
}

afterEach(async () => {
  for (const { dir, store } of opened.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('loadDemo', () => {
  it('gives the same hash-chained logs on every load, with the demo times on the events', async () => {
    const heads = [];
    for (let run = 0; run < 2; run++) {
      const store = await freshStore();
      expect(await isEmptyStore(store)).toBe(true);
      await loadDemo({ store, accounts: new AccountService(store) });
      expect(await isEmptyStore(store)).toBe(false);
      const streams = (await store.streams()).sort();
      heads.push(
        await Promise.all(streams.map(async (stream) => [stream, await store.head(stream)])),
      );
      if (run === 0) {
        const web = demo.competitions[0]!;
        const events = [];
        for await (const page of store.readPages(web.competition.id)) events.push(...page);
        const firstMark = events.find((event) => event.type === 'mark.recorded')!;
        expect(Date.parse(firstMark.at)).toBe(Date.parse(web.marks[0]!.at));
        expect(events.filter((event) => event.type === 'mark.recorded')).toHaveLength(
          web.marks.length,
        );
        const session = await store.getDocument(examSessionsCollection, demo.examSession.id);
        expect(session?.document.id).toBe(demo.examSession.id);
      }
    }
    expect(heads[0]).toHaveLength(demo.competitions.length);
    expect(heads[1]).toEqual(heads[0]);
  });
});

describe('README demo sign-ins', () => {
  it('print every demo PIN next to its competition', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => line.startsWith('| `'));
    const sessions = [
      ...demo.competitions.map(({ competition, experts }) => ({ id: competition.id, experts })),
      { id: demo.examSession.id, experts: demo.examSession.commission },
    ];
    for (const { id, experts } of sessions) {
      const row = rows.find((line) => line.startsWith(`| \`${id}\``));
      for (const expert of experts) {
        const pin = demo.expertPins[expert.id];
        if (pin !== undefined) expect(row, `${id} ${expert.id}`).toContain(pin);
      }
    }
  });
});
