import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openIndexedDbStore } from './idb-store';
import { MarkQueue, type QueuedMark } from './queue';

const queued = (id: string, score: number, enteredAt = 1): QueuedMark => ({
  id,
  competitor: 'web-01',
  aspect: 'C1.J1',
  value: { kind: 'judgement', score },
  state: 'queued',
  enteredAt,
});

/** Opens the database as a tablet does outside the store, with the bare IndexedDB API. */
function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('marks', { keyPath: 'id' });
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

describe('openIndexedDbStore', () => {
  it('keeps marks across a reload, one record per mark id', async () => {
    const store = await openIndexedDbStore('wsk-web', 'expert-1');
    expect(store.durable).toBe(true);
    await store.put(queued('m1', 1));
    await store.put(queued('m2', 2));
    await store.put({ ...queued('m1', 3), state: 'saved' });
    const reopened = await openIndexedDbStore('wsk-web', 'expert-1');
    const marks = await reopened.all();
    expect(marks.map((m) => [m.id, m.value, m.state])).toEqual([
      ['m1', { kind: 'judgement', score: 3 }, 'saved'],
      ['m2', { kind: 'judgement', score: 2 }, 'queued'],
    ]);
  });

  it("never shows one expert's marks to another, nor another competition's", async () => {
    await (await openIndexedDbStore('wsk-web', 'expert-a')).put(queued('a1', 1));
    await (await openIndexedDbStore('wsk-cook', 'expert-b')).put(queued('b1', 1));
    expect((await (await openIndexedDbStore('wsk-web', 'expert-b')).all()).length).toBe(0);
    expect(
      (await (await openIndexedDbStore('wsk-web', 'expert-a')).all()).map((m) => m.id),
    ).toEqual(['a1']);
  });

  it('reads the marks a tablet queued before, in the database it already holds', async () => {
    const db = await openRaw('ashyq-marks:wsk-old:expert-9');
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('marks', 'readwrite');
      tx.objectStore('marks').put(queued('old-1', 2, 5));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const store = await openIndexedDbStore('wsk-old', 'expert-9');
    expect(await store.all()).toEqual([queued('old-1', 2, 5)]);
  });

  it('lets the queue pick up an unsent mark after a reload and send it', async () => {
    const sent: string[] = [];
    const transport = {
      send: async (marks: readonly { id: string }[]) =>
        marks.map((m) => {
          sent.push(m.id);
          return { id: m.id, status: 'accepted' as const };
        }),
    };
    const { state: _state, enteredAt: _at, ...input } = queued('q1', 2);
    const offline = new MarkQueue(await openIndexedDbStore('wsk-q', 'e1'), transport, {
      isOnline: () => false,
    });
    await offline.load();
    await offline.add(input);
    expect(sent).toEqual([]);

    const online = new MarkQueue(await openIndexedDbStore('wsk-q', 'e1'), transport);
    await online.load();
    expect(online.pendingCount()).toBe(1);
    await online.sync();
    expect(sent).toEqual(['q1']);
    expect((await (await openIndexedDbStore('wsk-q', 'e1')).all())[0]!.state).toBe('saved');
  });
});
