import {
  ConflictError,
  UnreadableEventError,
  type Snapshot,
  type Store,
  type StoredEvent,
  type StreamHead,
  type ThreadRecipe,
} from '../store/port';
import type { JsonValue } from './canonical-json';
import { ChainVerifier, chainEvents, type ChainVerdict, type EventDraft } from './chain';
import { SnapshotThread } from './snapshot-thread';
import {
  snapshotContentHash,
  stateText,
  StateComparison,
  type LogVerdict,
  type StateCheck,
} from './state-check';

export type { LogVerdict, StateCheck, StateFault, StateFaultVerdict } from './state-check';

/**
 * State derived from a stream by applying its events in order. Generic on purpose: the log knows
 * nothing of scoring, and each projection brings its own reducer.
 */
export interface Projection<S> {
  /** Names the projection and its state format; change it (`scores@2`) whenever `apply` or the
   * state's shape changes, so snapshots taken by the old code are ignored. */
  readonly name: string;
  initial(): S;
  /** May update `state` in place and return it. */
  apply(state: S, event: StoredEvent): S;
  /**
   * Default: the state itself, which must then be plain JSON. Written with JSON.stringify, so
   * nothing that JSON would change (a Map, a Date, NaN) may be in it.
   */
  toSnapshot?(state: S): JsonValue;
  fromSnapshot?(snapshot: JsonValue): S;
  /**
   * How a worker thread builds this same projection: with it, and a store a thread can open,
   * snapshots are taken on the snapshot thread (snapshot-thread.ts) instead of the event loop.
   */
  readonly recipe?: ThreadRecipe;
}

export interface Replayed<S> {
  state: S;
  head: StreamHead;
  /**
   * The seq of the snapshot (or the `from` state) the replay started from, 0 when it started
   * from the beginning.
   */
  fromSnapshotSeq: number;
}

export interface ReplayOptions<S = unknown> {
  /** Take a snapshot (in the background) when at least this many events were replayed. */
  snapshotEvery?: number;
  /** Replay from the first event, whatever snapshot is kept. */
  fromScratch?: boolean;
  /**
   * Go on from a state the caller replayed from this log before, as of `head` (the snapshot
   * thread keeps its own): no snapshot is read, and only the events after `head` are applied,
   * to `state` itself. The first of them must continue `head`'s hash, or the replay throws.
   */
  from?: { state: S; head: StreamHead };
}

export interface EventLogOptions {
  clock?: () => Date;
  /** Where failures of background work (snapshot writes) go; default console.error. */
  onBackgroundError?: (error: unknown) => void;
  /**
   * Where the log says what it did not trust and what it did instead (a snapshot refused at
   * load, a served state rebuilt from the log): the server log; default console.error.
   */
  onIntegrityProblem?: (message: string) => void;
}

/**
 * The append-only, hash-chained log of every competition. It computes at, seq, prevHash and hash
 * before anything is stored, so every store keeps the same hashes and anyone can verify them.
 */
export class EventLog {
  private readonly heads = new Map<string, StreamHead>();
  private readonly snapshotWrites = new Set<Promise<void>>();
  private closed = false;
  private readonly clock: () => Date;
  private readonly onBackgroundError: (error: unknown) => void;
  readonly reportIntegrityProblem: (message: string) => void;
  private readonly thread: SnapshotThread | undefined;

  constructor(
    readonly store: Store,
    options: EventLogOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.onBackgroundError = options.onBackgroundError ?? ((error) => console.error(error));
    this.reportIntegrityProblem =
      options.onIntegrityProblem ?? ((message) => console.error(message));
    if (store.threadRecipe && store.saveEncodedSnapshot) {
      this.thread = new SnapshotThread(store.threadRecipe, {
        save: (snapshot) => store.saveEncodedSnapshot!(snapshot),
        reportIntegrityProblem: this.reportIntegrityProblem,
        onBackgroundError: this.onBackgroundError,
      });
    }
  }

  /**
   * Starts the threads that would otherwise start with the first append and the first snapshot
   * (the store's writer, the snapshot thread), for a server about to take traffic: loading them
   * (the snapshot thread's modules take a few hundred ms of CPU) then never competes with marking.
   */
  startThreads(): void {
    this.thread?.startNow();
    this.store.startThreads?.();
  }

  /**
   * Appends drafts after event `expectedSeq` (the last one the writer saw, 0 for an empty stream).
   * Resolves with the stored events once they are durable; a stale expectedSeq is a ConflictError.
   */
  async append(
    stream: string,
    expectedSeq: number,
    drafts: readonly EventDraft[],
  ): Promise<StoredEvent[]> {
    const after = await this.headAt(stream, expectedSeq);
    return this.write(this.prepare(stream, after, drafts));
  }

  /** Turns drafts into the events that would follow `after`, without storing them. */
  prepare(stream: string, after: StreamHead, drafts: readonly EventDraft[]): StoredEvent[] {
    return chainEvents(stream, after, drafts, this.clock().toISOString());
  }

  /** Stores prepared events (see prepare); a stream that moved on since is a ConflictError. */
  async write(events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    const first = events[0];
    if (!first) throw new RangeError('nothing to write');
    try {
      const stored = await this.store.append(first.stream, first.seq - 1, events);
      const last = stored[stored.length - 1]!;
      const known = this.heads.get(last.stream);
      if (!known || known.seq < last.seq)
        this.heads.set(last.stream, { seq: last.seq, hash: last.hash });
      return stored;
    } catch (error) {
      if (error instanceof ConflictError) this.heads.delete(first.stream);
      throw error;
    }
  }

  head(stream: string): Promise<StreamHead> {
    return this.store.head(stream);
  }

  async *read(stream: string, fromSeq = 1): AsyncIterable<StoredEvent> {
    for await (const page of this.store.readPages(stream, { fromSeq })) yield* page;
  }

  /**
   * Re-reads every stored event of the stream and checks the chain: `{ ok, events, head }`, or the
   * first seq where the stored log no longer matches its hashes.
   */
  verify(stream: string): Promise<ChainVerdict>;
  /**
   * The same, and with `check` the state beside the log as well, replayed from the first event
   * while the chain is checked: the stored snapshot of `check.projection` must be the state the
   * log gives at its seq, and `check.live` (what the server serves) the state at its own. What
   * the public verify route returns (through the competition's LiveProjection).
   */
  verify<S>(stream: string, check: StateCheck<S>): Promise<LogVerdict>;
  async verify<S>(stream: string, check?: StateCheck<S>): Promise<LogVerdict> {
    const verifier = new ChainVerifier(stream);
    let comparison: StateComparison<S> | undefined;
    if (check) {
      const snapshot = await this.store.latestSnapshot(stream, check.projection.name);
      const intact = snapshot !== undefined && isIntact(snapshot);
      comparison = new StateComparison(check, snapshot, intact);
    }
    try {
      for await (const page of this.store.readPages(stream)) {
        for (const event of page) {
          if (!verifier.push(event)) return verifier.verdict;
          comparison?.apply(event);
        }
      }
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      verifier.unreadable(error.seq);
    }
    const chain = verifier.verdict;
    return chain.ok && comparison ? comparison.verdict(chain) : chain;
  }

  /**
   * Rebuilds a projection: the latest snapshot that is intact and still matches the log, then
   * the events after it.
   */
  async replay<S>(
    stream: string,
    projection: Projection<S>,
    options: ReplayOptions<S> = {},
  ): Promise<Replayed<S>> {
    const { from } = options;
    const readSnapshot = from === undefined && !options.fromScratch;
    const snapshot = readSnapshot ? await this.usableSnapshot(stream, projection) : undefined;
    let state = from?.state ?? (snapshot ? snapshot.state : projection.initial());
    let seq = from?.head.seq ?? snapshot?.seq ?? 0;
    let hash = from ? from.head.hash : (snapshot?.hash ?? null);
    for await (const page of this.store.readPages(stream, { fromSeq: seq + 1 })) {
      for (const event of page) {
        if (event.seq !== seq + 1) throw new Error(`${stream}: event ${seq + 1} is missing`);
        if (from && event.seq === from.head.seq + 1 && event.prevHash !== from.head.hash) {
          throw new Error(`${stream}: event ${event.seq} does not continue the state replayed`);
        }
        state = projection.apply(state, event);
        seq = event.seq;
        hash = event.hash;
      }
    }
    const head = { seq, hash };
    this.heads.set(stream, head);
    const fromSnapshotSeq = from?.head.seq ?? snapshot?.seq ?? 0;
    if (options.snapshotEvery && seq - fromSnapshotSeq >= options.snapshotEvery) {
      this.snapshotInBackground(stream, projection, state, head);
    }
    return { state, head, fromSnapshotSeq };
  }

  /**
   * Saves a snapshot of `state` as of `head` without holding up the caller. On the snapshot
   * thread when there is one for this projection: it replays the stream from the store up to
   * the head stored then (at or after `head`) and saves that state, and the caller's state is
   * not touched. Otherwise here: the state is serialized now (it keeps changing after this
   * returns), hashed and written on a later turn. Plain JSON.stringify, not the canonical text:
   * the canonical writer took ten times as long, a pause every append waited behind (about 1 s
   * for a competition of 30,000 marks). The content hash binds the text to the event it was
   * taken at (snapshotContentHash).
   */
  snapshotInBackground<S>(
    stream: string,
    projection: Projection<S>,
    state: S,
    head: StreamHead,
  ): void {
    if (this.closed || head.hash === null) return;
    if (projection.recipe && this.thread?.usable) {
      this.track(this.thread.snapshot(stream, projection.recipe));
      return;
    }
    let serialized: string;
    try {
      serialized = stateText(projection, state);
    } catch (error) {
      this.onBackgroundError(error);
      return;
    }
    const snapshot = {
      stream,
      projection: projection.name,
      seq: head.seq,
      hash: head.hash,
      state: serialized,
    };
    this.track(
      new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        await this.store.saveSnapshot({ ...snapshot, contentHash: snapshotContentHash(snapshot) });
      }),
    );
  }

  /** Keeps a snapshot's write until it settles (settled waits for it); its failure is reported. */
  private track(write: Promise<void>): void {
    const tracked: Promise<void> = write
      .catch(this.onBackgroundError)
      .finally(() => this.snapshotWrites.delete(tracked));
    this.snapshotWrites.add(tracked);
  }

  /** Waits for background snapshot writes (before closing the store). */
  async settled(): Promise<void> {
    while (this.snapshotWrites.size > 0) await Promise.all(this.snapshotWrites);
  }

  /** Takes no more snapshots (a late one would find the store closed), then waits for the rest. */
  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
    await this.thread?.close();
  }

  private async headAt(stream: string, expectedSeq: number): Promise<StreamHead> {
    let head = this.heads.get(stream);
    if (head?.seq !== expectedSeq) {
      head = await this.store.head(stream);
      this.heads.set(stream, head);
    }
    if (head.seq !== expectedSeq) throw new ConflictError(stream, expectedSeq, head.seq);
    return head;
  }

  /**
   * The latest snapshot, unless it was edited in the store (its content hash no longer matches)
   * or the log no longer has the event it was taken at (a log restored from an older backup).
   * A snapshot refused is said in the server log; the caller then replays from the first event.
   */
  private async usableSnapshot<S>(
    stream: string,
    projection: Projection<S>,
  ): Promise<{ state: S; seq: number; hash: string } | undefined> {
    const snapshot = await this.store.latestSnapshot(stream, projection.name);
    if (!snapshot) return undefined;
    const refuse = (why: string): undefined => {
      this.reportIntegrityProblem(
        `Snapshot of ${stream} (${projection.name}) at event ${snapshot.seq} not loaded: ${why}. ` +
          'Replaying the log from its first event.',
      );
      return undefined;
    };
    if (snapshot.contentHash === '') {
      return refuse('it has no content hash (it was kept by an earlier version of Ashyq)');
    }
    if (!isIntact(snapshot)) {
      return refuse('its content does not match its content hash (it was altered in the store)');
    }
    const range = { fromSeq: snapshot.seq, toSeq: snapshot.seq, pageSize: 1 };
    let matches = false;
    for await (const [event] of this.store.readPages(stream, range)) {
      matches = event?.hash === snapshot.hash;
    }
    if (!matches) return refuse(`the log's event ${snapshot.seq} is not the one it was taken at`);
    try {
      const json = JSON.parse(snapshot.state) as JsonValue;
      const state = projection.fromSnapshot ? projection.fromSnapshot(json) : (json as S);
      return { state, seq: snapshot.seq, hash: snapshot.hash };
    } catch (error) {
      this.onBackgroundError(error);
      return refuse('its state cannot be restored');
    }
  }
}

/** Whether a kept snapshot is as it was written: its content hash is the one of its fields. */
function isIntact(snapshot: Snapshot): boolean {
  const { contentHash, ...content } = snapshot;
  return contentHash !== '' && contentHash === snapshotContentHash(content);
}
