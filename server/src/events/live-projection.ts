import type { StoredEvent, StreamHead } from '../store/port';
import type { EventDraft } from './chain';
import type { EventLog, LogVerdict, Projection } from './event-log';
import { stateText } from './state-check';

/** Looks at the current state and returns the events to append (none: nothing to do). */
export type Decide<S> = (state: S) => readonly EventDraft[];

export interface LiveProjectionOptions {
  /** Take a snapshot in the background every this many events at least (default 1,000). */
  snapshotEvery?: number;
  /**
   * A due snapshot waits until no command has run for this long (default 500 ms; 0 takes it at
   * once), unless it is overdue.
   */
  snapshotQuietMs?: number;
  /**
   * A busy stream's snapshot is overdue, and taken without a quiet moment, once this many events
   * (default 25,000), and the log before the last snapshot, came after it.
   */
  snapshotOverdue?: number;
  /** Told of every durable append, before its commands resolve, so pushes keep the log's order. */
  onAppended?: (events: readonly StoredEvent[]) => void;
  /** Spaces the snapshots that cannot wait (default: one gate for the whole process). */
  snapshotGate?: SnapshotGate;
}

/**
 * Spaces the snapshots of a process. Competitions under the same load reach their doubling at
 * nearly the same time, and their serialisations close together made one long stretch that
 * every waiting acknowledgement sat behind (docs/event-log.md, *Start-up and snapshots*).
 * Through one gate per process they come at least `spacingMs` apart, and after a snapshot that
 * held the event loop for t ms the gate stays shut for t / `share`: a competition's snapshot of
 * a megabyte, about 10-20 ms of serialising, keeps the next 200-400 ms away.
 */
export class SnapshotGate {
  private openAt = -Infinity;

  constructor(
    private readonly spacingMs = 100,
    private readonly share = 1 / 20,
  ) {}

  /** Whether a snapshot may be taken now; if so, the gate stays shut for the spacing. */
  pass(now = performance.now()): boolean {
    if (now < this.openAt) return false;
    this.openAt = now + this.spacingMs;
    return true;
  }

  /** The snapshot let through held the event loop for `ms`: shut for as long as its share says. */
  took(ms: number, now = performance.now()): void {
    this.openAt = Math.max(this.openAt, now + ms / this.share);
  }
}

const processGate = new SnapshotGate();

interface Command<S> {
  decide: Decide<S>;
  resolve: (events: StoredEvent[]) => void;
  reject: (error: unknown) => void;
}

/** Work that needs the state as stored, with no append in flight: it runs alone, between rounds. */
interface Exclusive {
  run: () => Promise<void>;
  /** The state could not be rebuilt from the store: the work cannot run. */
  fail: (error: unknown) => void;
}

type Queued<S> = Command<S> | Exclusive;

const isExclusive = <S>(item: Queued<S>): item is Exclusive => 'run' in item;

/**
 * One stream's projection kept in memory by its single writer: rebuilt by replay at start,
 * updated on every append, snapshotted every N events or more as the log grows (snapshotIfDue).
 *
 * Commands that arrive while an append is in flight are decided together in the next round and
 * stored in one append, so a busy competition costs one durable write per round instead of one
 * per mark. Within a round each command sees the events of the commands before it; `state`
 * therefore includes events whose append has not returned yet. If that append fails, every
 * command of the round is rejected and the state is rebuilt from the log.
 */
export class LiveProjection<S> {
  private queue: Queued<S>[] = [];
  /** The verification under way: callers that arrive meanwhile share its answer. */
  private verifying: Promise<LogVerdict> | undefined;
  private roundRunning = false;
  /** The state may hold events that were never stored: rebuild before deciding anything. */
  private outOfDate = false;
  private lastSnapshotSeq: number;
  private lastRoundAt = 0;
  private quietTimer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly log: EventLog,
    readonly stream: string,
    private readonly projection: Projection<S>,
    private readonly snapshotEvery: number,
    private readonly snapshotQuietMs: number,
    private readonly snapshotOverdue: number,
    private current: S,
    private durableHead: StreamHead,
    fromSnapshotSeq: number,
    private readonly onAppended: (events: readonly StoredEvent[]) => void,
    private readonly gate: SnapshotGate,
  ) {
    this.lastSnapshotSeq = fromSnapshotSeq;
  }

  static async load<S>(
    log: EventLog,
    stream: string,
    projection: Projection<S>,
    options: LiveProjectionOptions = {},
  ): Promise<LiveProjection<S>> {
    const snapshotEvery = options.snapshotEvery ?? 1_000;
    const replayed = await log.replay(stream, projection, { snapshotEvery });
    const live = new LiveProjection(
      log,
      stream,
      projection,
      snapshotEvery,
      options.snapshotQuietMs ?? 500,
      options.snapshotOverdue ?? 25_000,
      replayed.state,
      replayed.head,
      replayed.fromSnapshotSeq,
      options.onAppended ?? (() => undefined),
      options.snapshotGate ?? processGate,
    );
    if (replayed.head.seq - replayed.fromSnapshotSeq >= snapshotEvery) {
      live.lastSnapshotSeq = replayed.head.seq;
    }
    return live;
  }

  get state(): S {
    return this.current;
  }

  /** The last event known to be stored. */
  get head(): StreamHead {
    return this.durableHead;
  }

  /**
   * Runs `decide` on the state as it will be when this command's events are appended, appends
   * them, and resolves with the stored events once they are durable. An error thrown by `decide`
   * rejects this command only.
   */
  execute(decide: Decide<S>): Promise<StoredEvent[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ decide, resolve, reject });
      this.startRound();
    });
  }

  /**
   * The stream's log/verify: the chain, the stored snapshot, and the state this writer serves,
   * each against a replay of the log from its first event. A served state that differs from the
   * log's is rebuilt from the log at once (and said so in the server log): readers never keep
   * seeing figures the log does not give. Callers arriving during a verification share it.
   */
  verify(): Promise<LogVerdict> {
    this.verifying ??= this.runVerify().finally(() => (this.verifying = undefined));
    return this.verifying;
  }

  private async runVerify(): Promise<LogVerdict> {
    const live = await this.exclusive(() => ({
      seq: this.durableHead.seq,
      text: stateText(this.projection, this.current),
    }));
    const verdict = await this.log.verify(this.stream, { projection: this.projection, live });
    if (!verdict.ok && 'liveState' in verdict && verdict.liveState === 'differed') {
      this.log.reportIntegrityProblem(
        `The state served for ${this.stream} at event ${live.seq} was not what its log gives ` +
          `(${verdict.reason}${verdict.snapshotSeq === null ? '' : `, snapshot at event ${verdict.snapshotSeq}`}). ` +
          'Rebuilt from the log from its first event.',
      );
      await this.exclusive(async () => {
        const replayed = await this.log.replay(this.stream, this.projection, { fromScratch: true });
        this.current = replayed.state;
        this.durableHead = replayed.head;
      });
    }
    return verdict;
  }

  /** Runs `work` on the stored state alone, after the commands queued before it. */
  private exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        run: async () => {
          try {
            resolve(await work());
          } catch (error) {
            reject(error);
          }
        },
        fail: reject,
      });
      this.startRound();
    });
  }

  private startRound(): void {
    if (this.roundRunning || this.queue.length === 0) return;
    this.roundRunning = true;
    // Waiting one turn lets the commands that arrive in the same burst join this round.
    setImmediate(() => void this.runRound());
  }

  private async runRound(): Promise<void> {
    const first = this.queue[0]!;
    if (isExclusive(first)) {
      this.queue.shift();
      try {
        if (this.outOfDate) await this.rebuild();
        await first.run();
      } catch (error) {
        first.fail(error);
      } finally {
        this.roundRunning = false;
        this.startRound();
      }
      return;
    }
    // A round takes the commands up to the next exclusive work, which then runs on its own.
    const end = this.queue.findIndex(isExclusive);
    const commands = (end < 0 ? this.queue : this.queue.slice(0, end)) as Command<S>[];
    this.queue = end < 0 ? [] : this.queue.slice(end);
    try {
      if (this.outOfDate) await this.rebuild();
      await this.decideAndAppend(commands);
    } catch (error) {
      // A command already rejected by its own decide keeps that error.
      for (const command of commands) command.reject(error);
      this.outOfDate = true;
      // Rebuilt now so readers see the stored state again; if the store is down too, the next
      // round tries again first and its commands get that error.
      await this.rebuild().catch(() => undefined);
    } finally {
      this.roundRunning = false;
      this.startRound();
    }
  }

  private async decideAndAppend(commands: Command<S>[]): Promise<void> {
    const accepted: { command: Command<S>; events: StoredEvent[] }[] = [];
    const pending: StoredEvent[] = [];
    let head = this.durableHead;
    for (const command of commands) {
      let events: StoredEvent[];
      try {
        events = this.log.prepare(this.stream, head, command.decide(this.current));
      } catch (error) {
        command.reject(error);
        continue;
      }
      accepted.push({ command, events });
      for (const event of events) this.current = this.projection.apply(this.current, event);
      const last = events[events.length - 1];
      if (last) head = { seq: last.seq, hash: last.hash };
      pending.push(...events);
    }
    if (pending.length > 0) await this.log.write(pending);
    this.durableHead = head;
    if (pending.length > 0) this.onAppended(pending);
    for (const { command, events } of accepted) command.resolve(events);
    this.snapshotIfDue();
  }

  /**
   * Due after `snapshotEvery` events and after a quarter of the log before the last snapshot,
   * whichever is more. Each snapshot serialises the whole state, so at a fixed spacing the cost
   * per event would grow with the log (it was a sixth of the server's time under marking load);
   * spaced in proportion to the log it stays constant. A due snapshot waits for a quiet moment:
   * its serialising and its megabytes written are seconds of slower acknowledgements under load.
   * Once overdue (`snapshotOverdue` events and the whole log before the last snapshot) it is
   * taken at the end of the first round the process's gate lets through (SnapshotGate: a few
   * hundred ms while other competitions take theirs), so a restart replays at most about half
   * the log, or the overdue count; twice as late, it is taken whatever the gate says.
   *
   * The overdue count weighs what a snapshot buys against what it costs: it only saves replay at
   * start-up, about 3 µs an event here (docs/benchmarks.md, start-up), so one forced at 4,000
   * events bought 12 ms of start-up with a serialisation and a write that held acknowledgements
   * back for a second; at 25,000 it buys about 75 ms, and a competition under continuous
   * marking takes a handful in its life (at 25,000, 50,000, 100,000 events).
   */
  private snapshotIfDue(): void {
    this.lastRoundAt = performance.now();
    const since = this.durableHead.seq - this.lastSnapshotSeq;
    if (since < Math.max(this.snapshotEvery, this.lastSnapshotSeq / 4)) return;
    const overdueAt = Math.max(this.snapshotOverdue, this.lastSnapshotSeq);
    const forced = since >= overdueAt && (this.gate.pass() || since >= 2 * overdueAt);
    if (forced || this.snapshotQuietMs === 0) this.snapshotNow();
    else if (!this.quietTimer) this.armQuietTimer(this.snapshotQuietMs);
  }

  private armQuietTimer(ms: number): void {
    this.quietTimer = setTimeout(() => this.snapshotWhenQuiet(), ms);
    // A snapshot only saves replay time later: it never keeps a process alive.
    this.quietTimer.unref();
  }

  /** This stream is quiet, but others may not be: its snapshot also waits for the gate. */
  private snapshotWhenQuiet(): void {
    this.quietTimer = undefined;
    // A state holding events that were never stored is no snapshot of the log.
    if (this.outOfDate || this.lastSnapshotSeq === this.durableHead.seq) return;
    const quietFor = performance.now() - this.lastRoundAt;
    if (this.roundRunning || quietFor < this.snapshotQuietMs) {
      this.armQuietTimer(Math.max(1, this.snapshotQuietMs - quietFor));
    } else if (this.gate.pass()) this.snapshotNow();
    else this.armQuietTimer(this.snapshotQuietMs);
  }

  /** Serialises now (the write follows on a later turn) and tells the gate how long that took. */
  private snapshotNow(): void {
    clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
    const started = performance.now();
    this.log.snapshotInBackground(this.stream, this.projection, this.current, this.durableHead);
    this.gate.took(performance.now() - started);
    this.lastSnapshotSeq = this.durableHead.seq;
  }

  /** Back to what the log holds, after a failed append left events in the state that were never stored. */
  private async rebuild(): Promise<void> {
    const replayed = await this.log.replay(this.stream, this.projection);
    this.current = replayed.state;
    this.durableHead = replayed.head;
    this.outOfDate = false;
  }
}
