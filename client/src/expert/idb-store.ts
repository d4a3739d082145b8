import type { MarkStore, QueuedMark } from './queue';

const objectStore = 'marks';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The tablet's durable queue: one IndexedDB database per competition and expert, so that marks
 * entered under one expert's session are never sent under another's.
 */
export async function openIndexedDbStore(
  competitionId: string,
  expertId: string,
): Promise<MarkStore> {
  const opening = indexedDB.open(`ashyq-marks:${competitionId}:${expertId}`, 1);
  opening.onupgradeneeded = () => {
    opening.result.createObjectStore(objectStore, { keyPath: 'id' });
  };
  const db = await request(opening);

  /** Resolves when the transaction commits, so a mark is on disk before the caller goes on. */
  function write(mark: QueuedMark): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = db.transaction(objectStore, 'readwrite');
      tx.objectStore(objectStore).put(mark);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }

  return {
    durable: true,
    put: write,
    all: () =>
      request(
        db.transaction(objectStore).objectStore(objectStore).getAll() as IDBRequest<QueuedMark[]>,
      ),
  };
}
