import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../events/canonical-json';
import { EventLog } from '../events/event-log';
import { markRecorded, markTotals } from '../events/mark-totals';
import { snapshotContentHash, stateText } from '../events/state-check';
import {
  ConflictError,
  type Snapshot,
  type Store,
  type StoredEvent,
  type StoreOptions,
} from './port';

/** A place where a store keeps its data, which can be opened again to check what was kept. */
export interface StoreHarness {
  open(options?: StoreOptions): Promise<Store>;
  /** Removes the data (temp dir, test database). */
  destroy(): Promise<void>;
  /**
   * Edits a kept snapshot in the database itself, behind the store's back, as someone with
   * access to the database could.
   */
  alterSnapshot(
    stream: string,
    projection: string,
    fields: Partial<Pick<Snapshot, 'state' | 'contentHash'>>,
  ): Promise<void>;
}

const collections = { people: ['role', 'region', 'skills', 'address.city'], notes: [] };
const bauyrzhan = { id: 'p9', name: 'Бауыржан', role: 'expert' };

/** Events numbered to follow `afterSeq`; hashes are placeholders (the store does not check them). */
function events(stream: string, afterSeq: number, data: JsonValue[]): StoredEvent[] {
  return data.map((value, i) => ({
    stream,
    seq: afterSeq + 1 + i,
    at: '2026-03-01T04:00:00.000Z',
    actor: 'expert-1',
    type: 'mark.recorded',
    data: value,
    prevHash: `prev-${afterSeq + i}`,
    hash: `hash-${afterSeq + 1 + i}`,
  }));
}

async function readAll(store: Store, stream: string, range = {}): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for await (const page of store.readPages(stream, range)) all.push(...page);
  return all;
}

/** Appends one event, re-reading the head after each conflict, as a writer without a projection would. */
async function appendWithRetry(store: Store, stream: string, value: JsonValue): Promise<number> {
  let seq = (await store.head(stream)).seq;
  for (;;) {
    try {
      await store.append(stream, seq, events(stream, seq, [value]));
      return seq + 1;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      seq = error.actual;
    }
  }
}

/** The behaviour every storage adapter must show; run by sqlite.test.ts and mongo.test.ts. */
export function storeContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`${name} store contract`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await makeHarness();
      store = await harness.open({ collections });
    });
    afterEach(async () => {
      await store.close();
      await harness.destroy();
    });

    describe('events', () => {
      it('reads back appended events in seq order, whole or by range', async () => {
        await store.append('c1', 0, events('c1', 0, [{ n: 1 }, { n: 2 }, { n: 3 }]));
        const stored = await store.append('c1', 3, events('c1', 3, [{ n: 4 }, { n: 5 }]));
        expect(stored.map((e) => e.seq)).toEqual([4, 5]);

        const all = await readAll(store, 'c1');
        expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
        expect(all.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
        expect(all[2]).toEqual(events('c1', 2, [{ n: 3 }])[0]);
        expect((await readAll(store, 'c1', { fromSeq: 2, toSeq: 4 })).map((e) => e.seq)).toEqual([
          2, 3, 4,
        ]);
        expect(await readAll(store, 'c1', { fromSeq: 6 })).toEqual([]);
        expect(await readAll(store, 'nobody')).toEqual([]);
      });

      it('pages a long stream without losing or repeating an event', async () => {
        const data = Array.from({ length: 250 }, (_, i) => ({ i }));
        await store.append('long', 0, events('long', 0, data));
        const pages: number[] = [];
        const seqs: number[] = [];
        for await (const page of store.readPages('long', { pageSize: 64 })) {
          pages.push(page.length);
          seqs.push(...page.map((e) => e.seq));
        }
        expect(pages).toEqual([64, 64, 64, 58]);
        expect(seqs).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
      });

      it('keeps JSON data exactly: Kazakh text, decimals, large numbers, nesting', async () => {
        const data: JsonValue = {
          name: 'Әлия Құрманғазықызы',
          note: 'ң ғ ү ұ қ ө һ і — "quoted" \\ \n',
          values: [0.1, -2.5, 1e21, 9007199254740991, 0, true, false, null],
          nested: { b: { c: [] }, a: {} },
        };
        await store.append('json', 0, events('json', 0, [data]));
        expect((await readAll(store, 'json'))[0]!.data).toEqual(data);
      });

      it('reports the head and the streams', async () => {
        expect(await store.head('c1')).toEqual({ seq: 0, hash: null });
        await store.append('c1', 0, events('c1', 0, [1, 2]));
        await store.append('c2', 0, events('c2', 0, [1]));
        expect(await store.head('c1')).toEqual({ seq: 2, hash: 'hash-2' });
        expect((await store.streams()).sort()).toEqual(['c1', 'c2']);
      });

      it('refuses a stale or future expectedSeq with the actual head, writing nothing', async () => {
        await store.append('c1', 0, events('c1', 0, [1, 2]));
        for (const expectedSeq of [0, 1, 5]) {
          const attempt = store.append('c1', expectedSeq, events('c1', expectedSeq, ['late']));
          await expect(attempt).rejects.toBeInstanceOf(ConflictError);
          await expect(attempt).rejects.toMatchObject({
            target: 'c1',
            expected: expectedSeq,
            actual: 2,
          });
        }
        expect((await readAll(store, 'c1')).map((e) => e.data)).toEqual([1, 2]);
      });

      it('refuses events that do not continue at expectedSeq', async () => {
        await expect(store.append('c1', 0, events('c1', 1, [1]))).rejects.toThrow(
          /seq 2, expected 1/,
        );
        await expect(store.append('c1', 0, events('c2', 0, [1]))).rejects.toThrow(/stream/);
        await expect(store.append('c1', 0, [])).rejects.toThrow(/at least one/);
        expect(await store.head('c1')).toEqual({ seq: 0, hash: null });
      });

      it('lets exactly one of two writers with the same expectedSeq win, without failing others', async () => {
        const results = await Promise.allSettled([
          store.append('c1', 0, events('c1', 0, ['first'])),
          store.append('c1', 0, events('c1', 0, ['second'])),
          store.append('c2', 0, events('c2', 0, ['other'])),
        ]);
        expect(results.map((r) => r.status).filter((s) => s === 'fulfilled')).toHaveLength(2);
        expect(results[2]!.status).toBe('fulfilled');
        const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(loser.reason).toBeInstanceOf(ConflictError);
        expect(await readAll(store, 'c1')).toHaveLength(1);
      });

      it('lands every concurrent append exactly once, with consecutive seqs', async () => {
        const ownStreams = Array.from({ length: 40 }, (_, w) =>
          (async () => {
            for (let i = 0; i < 5; i++) {
              await store.append(`own-${w}`, i, events(`own-${w}`, i, [{ w, i }]));
            }
          })(),
        );
        const sharedStream = Array.from({ length: 20 }, (_, w) =>
          (async () => {
            for (let i = 0; i < 3; i++) await appendWithRetry(store, 'shared', { w, i });
          })(),
        );
        await Promise.all([...ownStreams, ...sharedStream]);

        for (let w = 0; w < 40; w++) {
          const stored = await readAll(store, `own-${w}`);
          expect(stored.map((e) => e.data)).toEqual([0, 1, 2, 3, 4].map((i) => ({ w, i })));
        }
        const shared = await readAll(store, 'shared');
        expect(shared.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
        const writes = shared.map((e) => JSON.stringify(e.data));
        expect(new Set(writes).size).toBe(60);
      });
    });

    describe('documents', () => {
      const alia = {
        id: 'p1',
        name: 'Әлия',
        role: 'expert',
        region: 'Pavlodar',
        skills: ['welding', 'cad'],
      };

      it('creates, versions and reads documents, refusing stale versions', async () => {
        expect(await store.getDocument('people', 'p1')).toBeUndefined();
        expect(await store.putDocument('people', alia, 0)).toBe(1);
        await expect(store.putDocument('people', alia, 0)).rejects.toMatchObject({
          name: 'ConflictError',
          target: 'people/p1',
          actual: 1,
        });
        expect(await store.putDocument('people', { ...alia, role: 'chief' }, 1)).toBe(2);
        await expect(store.putDocument('people', alia, 1)).rejects.toMatchObject({ actual: 2 });
        expect(await store.putDocument('people', { ...alia, name: 'Әлия Б.' })).toBe(3);
        expect(await store.getDocument('people', 'p1')).toEqual({
          document: { ...alia, name: 'Әлия Б.' },
          version: 3,
        });
      });

      it('deletes with or without a version check', async () => {
        await store.putDocument('people', alia);
        await expect(store.deleteDocument('people', 'p1', 5)).rejects.toBeInstanceOf(ConflictError);
        expect(await store.deleteDocument('people', 'p1', 1)).toBe(true);
        expect(await store.deleteDocument('people', 'p1')).toBe(false);
        expect(await store.getDocument('people', 'p1')).toBeUndefined();
        expect(await store.findDocuments('people', { role: 'expert' })).toEqual([]);
        expect(await store.putDocument('people', alia, 0)).toBe(1);
      });

      it('finds documents by indexed fields, array items and nested paths', async () => {
        await store.putDocument('people', alia);
        await store.putDocument('people', {
          id: 'p2',
          role: 'expert',
          region: 'Almaty',
          skills: ['cad'],
          address: { city: 'Almaty' },
        });
        await store.putDocument('people', {
          id: 'p3',
          role: 'chief',
          region: 'Almaty',
          skills: [],
        });
        await store.putDocument('people', { id: 'p4', role: 1, region: null });
        const ids = async (filter: Record<string, string | number | boolean | null>) =>
          (await store.findDocuments('people', filter)).map((found) => found.document.id);

        expect(await ids({ role: 'expert' })).toEqual(['p1', 'p2']);
        expect(await ids({ role: 'expert', region: 'Almaty' })).toEqual(['p2']);
        expect(await ids({ skills: 'cad' })).toEqual(['p1', 'p2']);
        expect(await ids({ 'address.city': 'Almaty' })).toEqual(['p2']);
        expect(await ids({ role: 1 })).toEqual(['p4']);
        expect(await ids({ role: '1' })).toEqual([]);
        expect(await ids({ region: null })).toEqual(['p4']);
        expect(await ids({})).toEqual(['p1', 'p2', 'p3', 'p4']);
        await expect(store.findDocuments('people', { name: 'Әлия' })).rejects.toThrow(
          /not indexed/,
        );
      });

      it('moves index entries when a document changes', async () => {
        await store.putDocument('people', alia);
        await store.putDocument('people', { ...alia, role: 'chief', skills: ['robotics'] });
        expect(await store.findDocuments('people', { role: 'expert' })).toEqual([]);
        expect(await store.findDocuments('people', { skills: 'welding' })).toEqual([]);
        const found = await store.findDocuments('people', { skills: 'robotics' });
        expect(found.map((f) => [f.document.id, f.version])).toEqual([['p1', 2]]);
      });

      it('keeps collections apart and refuses a document that is not JSON', async () => {
        await store.putDocument('people', alia);
        await store.putDocument('notes', { id: 'p1', text: 'note' });
        expect((await store.getDocument('notes', 'p1'))?.document).toEqual({
          id: 'p1',
          text: 'note',
        });
        expect(await store.findDocuments('notes')).toHaveLength(1);
        const bad = { id: 'x', when: new Date() };
        // @ts-expect-error a Date is not JSON: the store refuses it at run time too
        await expect(store.putDocument('people', bad)).rejects.toThrow(/not plain JSON/);
        await expect(store.putDocument('people', { ...alia, id: '' })).rejects.toThrow(/id/);
      });
    });

    describe('snapshots', () => {
      const snapshot = (seq: number, projection = 'totals@1'): Snapshot => ({
        stream: 'c1',
        projection,
        seq,
        hash: `hash-${seq}`,
        state: JSON.stringify({ total: seq }),
        contentHash: `content-${seq}`,
      });

      it('gives back a state in Kazakh as it was kept, a small one and one of megabytes', async () => {
        const names = (n: number) =>
          JSON.stringify(Array.from({ length: n }, (_, i) => ({ i, name: 'Әсел Нұрланқызы 🇰🇿' })));
        for (const [seq, state] of [
          [1, names(3)],
          [2, names(60_000)],
        ] as const) {
          await store.saveSnapshot({ ...snapshot(seq), state });
          const kept = await store.latestSnapshot('c1', 'totals@1');
          expect(kept?.state.length).toBe(state.length);
          expect(kept?.state === state).toBe(true);
        }
      });

      it('keeps the latest snapshot per stream and projection, content hash included', async () => {
        expect(await store.latestSnapshot('c1', 'totals@1')).toBeUndefined();
        await store.saveSnapshot(snapshot(10));
        await store.saveSnapshot(snapshot(20));
        await store.saveSnapshot(snapshot(15));
        await store.saveSnapshot({ ...snapshot(20), state: '{"total":0}' });
        await store.saveSnapshot(snapshot(5, 'ranks@1'));
        expect(await store.latestSnapshot('c1', 'totals@1')).toEqual(snapshot(20));
        expect(await store.latestSnapshot('c1', 'ranks@1')).toEqual(snapshot(5, 'ranks@1'));
        expect(await store.latestSnapshot('c2', 'totals@1')).toBeUndefined();
      });

      describe('bound to the log by the event log', () => {
        const marks = (from: number, count: number) =>
          Array.from({ length: count }, (_, i) =>
            markRecorded({
              id: `m${from + i}`,
              competitor: `k${(from + i) % 2}`,
              aspect: 'A1',
              expert: 'e1',
              score: 2,
            }),
          );
        /** Competitor k1's total forged from 30 to 99: what an edit of the row would aim at. */
        const forged = JSON.stringify({ marks: 30, totals: { k0: 30, k1: 99 } });
        let problems: string[];
        let log: EventLog;
        let head: string;

        beforeEach(async () => {
          problems = [];
          log = new EventLog(store, { onIntegrityProblem: (message) => problems.push(message) });
          await log.append('c1', 0, marks(1, 30));
          await log.replay('c1', markTotals, { snapshotEvery: 30 });
          await log.settled();
          head = (await store.head('c1')).hash!;
        });
        afterEach(() => log.settled());

        it('keeps a snapshot with the hash of its place in the log and its content', async () => {
          const kept = await store.latestSnapshot('c1', markTotals.name);
          expect(kept).toMatchObject({ seq: 30, hash: head });
          expect(kept!.contentHash).toBe(snapshotContentHash(kept!));
          expect(await log.replay('c1', markTotals)).toMatchObject({
            fromSnapshotSeq: 30,
            state: { marks: 30, totals: { k0: 30, k1: 30 } },
          });
          expect(await log.verify('c1', { projection: markTotals })).toEqual({
            ok: true,
            events: 30,
            head,
          });
          expect(problems).toEqual([]);
        });

        it('does not load a snapshot edited in the database, says so, and verify names it', async () => {
          await harness.alterSnapshot('c1', markTotals.name, { state: forged });

          const replayed = await log.replay('c1', markTotals);
          expect(replayed.fromSnapshotSeq).toBe(0);
          expect(replayed.state.totals).toEqual({ k0: 30, k1: 30 });
          expect(problems).toEqual([
            expect.stringMatching(/c1 .* at event 30 not loaded: .* altered .* first event/),
          ]);
          const served = { seq: 30, text: stateText(markTotals, replayed.state) };
          expect(await log.verify('c1', { projection: markTotals, live: served })).toEqual({
            ok: false,
            reason: 'snapshot_altered',
            events: 30,
            head,
            snapshotSeq: 30,
            liveState: 'matches',
          });
        });

        it('catches in verify an edit whose content hash was forged too', async () => {
          const kept = (await store.latestSnapshot('c1', markTotals.name))!;
          const contentHash = snapshotContentHash({ ...kept, state: forged });
          await harness.alterSnapshot('c1', markTotals.name, { state: forged, contentHash });

          // Nothing in the store can tell this snapshot from a true one: it is loaded...
          const replayed = await log.replay('c1', markTotals);
          expect(replayed.state.totals.k1).toBe(99);
          // ...and the replay from the first event that verify makes shows it and what was served.
          const served = { seq: 30, text: stateText(markTotals, replayed.state) };
          expect(await log.verify('c1', { projection: markTotals, live: served })).toEqual({
            ok: false,
            reason: 'snapshot_altered',
            events: 30,
            head,
            snapshotSeq: 30,
            liveState: 'differed',
          });
          // The chain alone is sound: only the state beside it was forged.
          expect(await log.verify('c1')).toEqual({ ok: true, events: 30, head });
        });
      });
    });

    it('keeps events, documents, snapshots and indexes after being closed and opened again', async () => {
      await store.append('c1', 0, events('c1', 0, [{ score: 3 }, { score: 2 }]));
      await store.putDocument('people', bauyrzhan, 0);
      await store.saveSnapshot({
        stream: 'c1',
        projection: 'p',
        seq: 2,
        hash: 'hash-2',
        state: '{}',
        contentHash: 'content-2',
      });
      await store.close();

      store = await harness.open();
      expect((await readAll(store, 'c1')).map((e) => e.data)).toEqual([{ score: 3 }, { score: 2 }]);
      expect(await store.head('c1')).toEqual({ seq: 2, hash: 'hash-2' });
      expect(await store.getDocument('people', 'p9')).toEqual({ document: bauyrzhan, version: 1 });
      expect((await store.findDocuments('people', { role: 'expert' })).length).toBe(1);
      expect(await store.latestSnapshot('c1', 'p')).toMatchObject({
        seq: 2,
        contentHash: 'content-2',
      });
      await expect(store.append('c1', 1, events('c1', 1, ['x']))).rejects.toBeInstanceOf(
        ConflictError,
      );
    });

    it('rebuilds an index when a collection is declared with other fields', async () => {
      await store.putDocument('people', bauyrzhan);
      await store.close();
      store = await harness.open({ collections: { people: ['name'] } });
      expect((await store.findDocuments('people', { name: 'Бауыржан' })).length).toBe(1);
      await expect(store.findDocuments('people', { role: 'expert' })).rejects.toThrow(
        /not indexed/,
      );
    });
  });
}
