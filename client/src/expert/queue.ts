import type { MarkInput } from '@ashyq/shared';

/** What the tablet sends for one mark (the shared payload schema); the server takes the expert from the session. */
export type { MarkInput };

/** The server's answer for one mark of a batch (the API contract's). */
export type { MarkResult } from '@ashyq/shared';
import type { MarkResult } from '@ashyq/shared';

export type MarkState = 'queued' | 'saved' | 'rejected';

export interface Rejection {
  reason: string;
  params?: Record<string, unknown>;
}

export interface QueuedMark extends MarkInput {
  state: MarkState;
  /** Milliseconds since the epoch when the expert entered it; orders the queue. */
  enteredAt: number;
  rejection?: Rejection;
}

/** Durable storage of the queue; IndexedDB on the tablet, memory in unit tests. */
export interface MarkStore {
  put(mark: QueuedMark): Promise<void>;
  all(): Promise<QueuedMark[]>;
  /** False when the marks live only in this page's memory and a reload would lose the unsent. */
  readonly durable: boolean;
}

/**
 * How marks reach the server. `send` resolves with one result per mark, throws when the batch did
 * not get through (network down, server error) so that the queue keeps it and retries. REST today;
 * a Socket.IO transport can implement the same interface.
 */
export interface MarkTransport {
  send(marks: readonly MarkInput[]): Promise<MarkResult[]>;
}

export interface QueueOptions {
  /** Marks per request; the server accepts up to 500. */
  batchSize?: number;
  isOnline?: () => boolean;
  /** First retry delay after a failed send; doubles per failure up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  setTimer?: (run: () => void, ms: number) => () => void;
}

const defaultTimer = (run: () => void, ms: number) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

/** A mark id the server accepts ([A-Za-z0-9_-]{8,64}), unique per tablet without coordination. */
export function newMarkId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * The offline-first mark queue: a mark is stored durably before anything else, then sent in batches
 * whenever the tablet is online; a failed send is retried with backoff. Sending twice is safe: the
 * server answers a resent mark id with `duplicate`, which counts as saved.
 */
export class MarkQueue {
  private readonly byId = new Map<string, QueuedMark>();
  private readonly listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private rerun = false;
  private failures = 0;
  private lastError: unknown = null;
  private cancelRetry: (() => void) | null = null;
  private snapshot: readonly QueuedMark[] = [];
  private readonly options: Required<QueueOptions>;

  constructor(
    private readonly store: MarkStore,
    private readonly transport: MarkTransport,
    options: QueueOptions = {},
  ) {
    this.options = {
      batchSize: 100,
      isOnline: () => true,
      retryMs: 1000,
      maxRetryMs: 30_000,
      setTimer: defaultTimer,
      ...options,
    };
  }

  /** Reads back what an earlier page left in the store; call once before use. */
  async load(): Promise<void> {
    for (const mark of await this.store.all()) this.byId.set(mark.id, mark);
    this.changed();
  }

  /** Stores the mark on the tablet, then starts a sync without waiting for it. */
  async add(input: MarkInput): Promise<QueuedMark> {
    const mark = await this.keep({ ...input, state: 'queued', enteredAt: Date.now() });
    void this.sync();
    return mark;
  }

  /**
   * Keeps a mark the server has already taken another way (a correction), so that the grid shows
   * it in entry order over the older marks of the same cell; it is never sent.
   */
  addSaved(input: MarkInput): Promise<QueuedMark> {
    return this.keep({ ...input, state: 'saved', enteredAt: Date.now() });
  }

  private async keep(mark: QueuedMark): Promise<QueuedMark> {
    await this.store.put(mark);
    this.byId.set(mark.id, mark);
    this.changed();
    return mark;
  }

  /** Every mark this tablet entered, oldest first. The same array until something changes. */
  marks(): readonly QueuedMark[] {
    return this.snapshot;
  }

  /** Whether a reload keeps the unsent marks (see MarkStore.durable). */
  get durable(): boolean {
    return this.store.durable;
  }

  pendingCount(): number {
    return this.snapshot.filter((mark) => mark.state === 'queued').length;
  }

  /** Why the last send failed, until one gets through; lets the app say "sign in again". */
  sendError(): unknown {
    return this.lastError;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Sends every queued mark, batch by batch, until none is left or a send fails (then a retry is
   * scheduled). A call while a sync runs joins it and makes it try again once done, so a mark
   * added meanwhile, or an 'online' event during a failing send, is not missed.
   */
  sync(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.running = (async () => {
      do {
        this.rerun = false;
        await this.drain();
      } while (this.rerun);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops a pending retry, for when the page leaves the marking app. */
  stop(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (!this.options.isOnline()) return;
      const batch = this.snapshot
        .filter((mark) => mark.state === 'queued')
        .slice(0, this.options.batchSize);
      if (batch.length === 0) return;
      let results: MarkResult[];
      try {
        results = await this.transport.send(
          batch.map(({ id, competitor, aspect, value }) => ({
            id,
            competitor,
            aspect,
            value,
          })),
        );
      } catch (error) {
        this.lastError = error;
        this.scheduleRetry();
        this.changed();
        return;
      }
      this.failures = 0;
      this.lastError = null;
      const settled = await this.apply(results);
      // An answer that settles none of the batch would make this loop resend it at once, forever.
      if (settled === 0) {
        this.scheduleRetry();
        return;
      }
    }
  }

  /** Records the server's answers durably; returns how many queued marks they settled. */
  private async apply(results: readonly MarkResult[]): Promise<number> {
    let settledCount = 0;
    for (const result of results) {
      const mark = this.byId.get(result.id);
      if (mark?.state !== 'queued') continue;
      const settled: QueuedMark =
        result.status === 'rejected'
          ? {
              ...mark,
              state: 'rejected',
              rejection: { reason: result.reason ?? 'unknown', params: result.params },
            }
          : { ...mark, state: 'saved' };
      await this.store.put(settled);
      this.byId.set(settled.id, settled);
      settledCount += 1;
    }
    this.changed();
    return settledCount;
  }

  private scheduleRetry(): void {
    const delay = Math.min(this.options.maxRetryMs, this.options.retryMs * 2 ** this.failures);
    this.failures += 1;
    this.cancelRetry?.();
    this.cancelRetry = this.options.setTimer(() => {
      this.cancelRetry = null;
      void this.sync();
    }, delay);
  }

  private changed(): void {
    this.snapshot = [...this.byId.values()].sort((a, b) => a.enteredAt - b.enteredAt);
    for (const listener of this.listeners) listener();
  }
}

/** A store in memory: for tests, and the fallback when the browser has no IndexedDB. */
export function memoryStore(): MarkStore {
  const marks = new Map<string, QueuedMark>();
  return {
    durable: false,
    put: async (mark) => void marks.set(mark.id, structuredClone(mark)),
    all: async () => [...marks.values()].map((mark) => structuredClone(mark)),
  };
}
