import { openDB, type DBSchema } from 'idb';
import type { MarkStore, QueuedMark } from './queue';

interface MarksDb extends DBSchema {
  marks: { key: string; value: QueuedMark };
}

/**
 * The tablet's durable queue: one IndexedDB database per competition and expert, so that marks
 * entered under one expert's session are never sent under another's. The database name and its
 * one object store ("marks", keyed by the mark's id, version 1) are what tablets in the field
 * already hold: changing them would strand the marks queued there.
 */
export async function openIndexedDbStore(
  competitionId: string,
  expertId: string,
): Promise<MarkStore> {
  const db = await openDB<MarksDb>(`ashyq-marks:${competitionId}:${expertId}`, 1, {
    upgrade(database) {
      database.createObjectStore('marks', { keyPath: 'id' });
    },
  });
  return {
    durable: true,
    // Resolves when the transaction commits, so a mark is on disk before the caller goes on.
    put: async (mark) => {
      const tx = db.transaction('marks', 'readwrite');
      await Promise.all([tx.store.put(mark), tx.done]);
    },
    all: () => db.getAll('marks'),
  };
}
