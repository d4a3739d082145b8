import { useEffect, useState, useSyncExternalStore } from 'react';
import { openIndexedDbStore } from './idb-store';
import {
  MarkQueue,
  memoryStore,
  type MarkStore,
  type MarkTransport,
  type QueuedMark,
} from './queue';

const noMarks: readonly QueuedMark[] = [];

/**
 * The expert's mark queue, read back from IndexedDB and synced at once, on every 'online' event and
 * with backoff after a failure. Null until the stored queue has been read.
 */
export function useMarkQueue(
  competitionId: string,
  expertId: string,
  transport: MarkTransport,
): MarkQueue | null {
  const [queue, setQueue] = useState<MarkQueue | null>(null);
  useEffect(() => {
    let cancelled = false;
    let opened: MarkQueue | null = null;
    const syncNow = () => void opened?.sync();
    void (async () => {
      const store = await deviceStore(competitionId, expertId);
      const created = new MarkQueue(store, transport, { isOnline: () => navigator.onLine });
      await created.load();
      if (cancelled) return;
      opened = created;
      setQueue(created);
      syncNow();
    })();
    window.addEventListener('online', syncNow);
    return () => {
      cancelled = true;
      opened?.stop();
      window.removeEventListener('online', syncNow);
    };
  }, [competitionId, expertId, transport]);
  return queue;
}

/**
 * IndexedDB when the browser gives it (and asked to keep it under storage pressure), else this
 * page's memory: marks can still be entered and sent, and the app warns that a reload loses the
 * unsent ones (private windows and some locked-down tablets refuse IndexedDB).
 */
async function deviceStore(competitionId: string, expertId: string): Promise<MarkStore> {
  if (typeof indexedDB === 'undefined') return memoryStore();
  try {
    const store = await openIndexedDbStore(competitionId, expertId);
    // Best effort: a browser may refuse, and an installed app is often persistent already.
    void navigator.storage?.persist?.().catch(() => false);
    return store;
  } catch (error) {
    console.error(error);
    return memoryStore();
  }
}

/** The queue's marks, re-rendering whenever one is added or settled. */
export function useQueuedMarks(queue: MarkQueue | null): readonly QueuedMark[] {
  return useSyncExternalStore(
    (onChange) => queue?.subscribe(onChange) ?? (() => {}),
    () => queue?.marks() ?? noMarks,
  );
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}
