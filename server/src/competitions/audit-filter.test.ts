import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../config';
import type { EventDraft } from '../events/chain';
import { EventLog } from '../events/event-log';
import type { Store, StoredEvent } from '../store/port';
import { matches, readEventPage, type EventFilter } from './audit-filter';

/** A log longer than the first backward windows, with a rare and a common kind of event. */
const stream = 'audit-1';
const total = 3_100;
let dataDir: string;
let store: Store;
let all: StoredEvent[];

function draft(n: number): EventDraft {
  if (n % 997 === 0) {
    return {
      type: 'discrepancy.resolved',
      actor: 'chief',
      data: { competitor: 'p1', aspect: 'A1.J1', reason: `r${n}` },
    };
  }
  const expert = `e${n % 3}`;
  const mark = {
    id: `m${n}`,
    competitor: `p${n % 7}`,
    aspect: 'A1.M1',
    expert,
    value: { kind: 'binary', achieved: true },
  };
  return { type: 'mark.recorded', actor: expert, data: { mark } };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-audit-'));
  store = await openStore({ dataDir, mongodbUri: undefined });
  const log = new EventLog(store);
  for (let from = 1; from <= total; from += 500) {
    const drafts = Array.from({ length: Math.min(500, total - from + 1) }, (_, i) =>
      draft(from + i),
    );
    await log.append(stream, from - 1, drafts);
  }
  all = [];
  for await (const page of store.readPages(stream)) all.push(...page);
});

afterAll(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every page from the newest back, following `nextBefore`. */
async function walk(filter: EventFilter, limit: number) {
  const pages: StoredEvent[][] = [];
  let before: number | undefined;
  for (;;) {
    const page = await readEventPage(store, stream, total, filter, { limit, before });
    pages.push(page.events);
    if (page.nextBefore === null) return pages;
    expect(page.nextBefore).toBe(page.events[0]!.seq);
    before = page.nextBefore;
  }
}

describe('readEventPage', () => {
  it('gives the latest events first, oldest first within a page', async () => {
    const page = await readEventPage(store, stream, total, {}, { limit: 3 });
    expect(page.events.map((e) => e.seq)).toEqual([total - 2, total - 1, total]);
    expect(page.nextBefore).toBe(total - 2);
  });

  it.each([
    ['everything', {}, 700],
    ['one expert', { expert: 'e1' }, 250],
    ['a rare type, across every window', { type: 'discrepancy.resolved' }, 2],
    ['a kind and a competitor', { kind: 'mark', competitor: 'p3' }, 100],
  ])('pages %s back to the start without gaps or repeats', async (_name, filter, limit) => {
    const pages = await walk(filter, limit);
    const expected = all.filter((event) => matches(event, filter)).map((e) => e.seq);
    expect(
      pages
        .reverse()
        .flat()
        .map((e) => e.seq),
    ).toEqual(expected);
    expect(pages.every((page) => page.length <= limit)).toBe(true);
  });

  it('ends with an empty page and no next one where nothing matches', async () => {
    const page = await readEventPage(store, stream, total, { expert: 'nobody' }, { limit: 10 });
    expect(page).toEqual({ events: [], nextBefore: null });
    const start = await readEventPage(store, stream, total, {}, { limit: 10, before: 1 });
    expect(start).toEqual({ events: [], nextBefore: null });
  });
});
