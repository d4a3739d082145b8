import { Worker } from 'node:worker_threads';
import type { EncodedSnapshot, ThreadRecipe } from '../store/port';

/** What the snapshot thread is asked: a snapshot of `stream` with the projection `projection` builds. */
export interface SnapshotJob {
  id: number;
  stream: string;
  projection: ThreadRecipe;
}

/**
 * What it answers: a job's snapshot (null when the stored one is up to date) or why it failed,
 * or what its own log reports: a snapshot it did not trust, background work that failed.
 */
export type SnapshotReply =
  | { id: number; snapshot: EncodedSnapshot | null }
  | { id: number; error: string }
  | { integrityProblem: string }
  | { backgroundError: string };

/** Where the snapshot thread's work goes on the main thread. */
export interface SnapshotThreadOptions {
  /** Keeps a snapshot the thread built (the store's saveEncodedSnapshot). */
  save(snapshot: EncodedSnapshot): Promise<void>;
  reportIntegrityProblem(message: string): void;
  onBackgroundError(error: unknown): void;
}

/** Calls the function a recipe names, in this thread. */
export async function fromRecipe<T>({ module, name, args }: ThreadRecipe): Promise<T> {
  const exports = (await import(module)) as Record<string, (...args: unknown[]) => T>;
  const make = exports[name];
  if (typeof make !== 'function') throw new Error(`${module} has no function ${name}`);
  return await make(...args);
}

/**
 * Snapshots built on a worker thread (snapshot-worker.ts). The thread opens the same store to
 * read it, replays the stream from its latest snapshot with the same projection (built from the
 * projection's recipe), serialises and hashes the state and hands back its UTF-8 bytes, which
 * the store's writer keeps without a copy. On the event loop a snapshot is then two small
 * messages, where serialising and hashing the state held the loop for a time that grows with
 * the competition (20-30 ms a megabyte; docs/event-log.md, *Start-up and snapshots*). The
 * state is the log's at its stored head, which the verify route checks as it checks any
 * snapshot.
 *
 * The thread starts with the first snapshot, or earlier when asked (startNow), and runs one job
 * at a time. If it cannot start or stops, `usable` turns false and the log takes its snapshots on
 * the main thread as before.
 */
export class SnapshotThread {
  private worker: Worker | undefined;
  private failed = false;
  private closing = false;
  private nextId = 0;
  private readonly jobs = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  /** The streams with a job on its way: a second request would replay the same events. */
  private readonly onTheirWay = new Map<string, Promise<void>>();

  constructor(
    private readonly store: ThreadRecipe,
    private readonly options: SnapshotThreadOptions,
  ) {}

  get usable(): boolean {
    return !this.failed && !this.closing;
  }

  /** Starts the thread before its first job: loading its modules takes a few hundred ms of CPU. */
  startNow(): void {
    if (this.usable) this.worker ??= this.start();
  }

  /** Resolves once the snapshot is kept; a stream with a job on its way waits for that one. */
  snapshot(stream: string, projection: ThreadRecipe): Promise<void> {
    const onItsWay = this.onTheirWay.get(stream);
    if (onItsWay) return onItsWay;
    const id = ++this.nextId;
    const done = new Promise<void>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      const job: SnapshotJob = { id, stream, projection };
      (this.worker ??= this.start()).postMessage(job);
    }).finally(() => this.onTheirWay.delete(stream));
    this.onTheirWay.set(stream, done);
    return done;
  }

  /** Stops the thread; call after the jobs on their way have settled. */
  async close(): Promise<void> {
    this.closing = true;
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./snapshot-worker.mjs', import.meta.url), {
      workerData: this.store,
    });
    // A snapshot only saves replay time later: it never keeps a process alive.
    worker.unref();
    worker.on('message', (reply: SnapshotReply) => {
      if ('integrityProblem' in reply)
        return this.options.reportIntegrityProblem(reply.integrityProblem);
      if ('backgroundError' in reply)
        return this.options.onBackgroundError(new Error(reply.backgroundError));
      const job = this.jobs.get(reply.id);
      this.jobs.delete(reply.id);
      if (!job) return;
      if ('error' in reply) {
        job.reject(new Error(`The snapshot thread could not take a snapshot: ${reply.error}`));
      } else if (reply.snapshot) this.options.save(reply.snapshot).then(job.resolve, job.reject);
      else job.resolve();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`The snapshot thread stopped (code ${code})`)));
    return worker;
  }

  private fail(error: Error): void {
    if (this.closing && this.jobs.size === 0) return;
    this.failed = true;
    this.worker = undefined;
    for (const job of this.jobs.values()) job.reject(error);
    this.jobs.clear();
  }
}
