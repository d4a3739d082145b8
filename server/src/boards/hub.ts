import { randomUUID } from 'node:crypto';
import {
  diffJson,
  type BoardDiffMessage,
  type BoardSnapshotMessage,
  type Json,
} from '@ashyq/shared';
import type { Namespace } from 'socket.io';
import type { BoardClientEvents, BoardServerEvents } from '@ashyq/shared';
import { Throttle } from '../realtime/throttle';

/** Board updates go out at most this often per room: a burst of marks costs one. */
export const boardIntervalMs = 250;
/** Diffs kept per room for reconnecting boards; older versions get a snapshot. */
const historyLength = 64;

interface RoomState {
  version: number;
  data: Json;
  history: BoardDiffMessage[];
}

/** What a board receives when it joins: the snapshot, or only the diffs it missed. */
export type JoinAnswer =
  | { kind: 'snapshot'; snapshot: BoardSnapshotMessage<Json> }
  | { kind: 'diffs'; diffs: BoardDiffMessage[] };

/** Computes a room's payload; undefined when the competition or championship is gone. */
export type RoomSource = (room: string) => Promise<Json | undefined>;

/**
 * The rooms of /board on this instance: each holds the payload as last sent and a version
 * that grows with every change, with the recent diffs. Versions are this instance's own, named
 * by its epoch: a board that reconnects to another instance (or after a restart) gets a
 * snapshot. A change is computed at once after a quiet spell, then at most every 250 ms per room, and
 * only while someone watches.
 */
export class BoardHub {
  readonly epoch = randomUUID().slice(0, 8);
  private readonly rooms = new Map<string, RoomState>();
  /** One computation at a time per room, so versions follow each other. */
  private readonly running = new Map<string, Promise<RoomState | undefined>>();
  private readonly throttle: Throttle;
  /**
   * Versions come from one counter for all rooms, so a room dropped and computed again never
   * reuses a version a board may still hold.
   */
  private lastVersion = 0;
  /** When each room first changed since its last computation: the start of a push's latency. */
  private readonly changedSince = new Map<string, number>();

  constructor(
    private readonly namespace: Namespace<BoardClientEvents, BoardServerEvents>,
    private readonly source: RoomSource,
    /** Told of each update sent, with the seconds since the change behind it (for /metrics). */
    private readonly onPush: (seconds: number | undefined) => void = () => undefined,
  ) {
    this.throttle = new Throttle(boardIntervalMs, (room) => this.recheck(room));
  }

  /** Something the room shows may have changed: recompute soon if anyone watches it. */
  changed(room: string): void {
    if (!this.watched(room)) return;
    if (!this.changedSince.has(room)) this.changedSince.set(room, performance.now());
    this.throttle.schedule(room);
  }

  /**
   * Recomputes a watched room now, outside the throttle: for the periodic check, which mostly
   * finds nothing new. Through the throttle it opened a window that held the next mark's update
   * back for up to 250 ms.
   */
  recheck(room: string): void {
    if (!this.watched(room)) return;
    this.refresh(room).catch((error: unknown) => console.error('A board update failed', error));
  }

  /** Every watched room, for the periodic check (freeze time reached, policy edited). */
  watchedRooms(): string[] {
    const rooms: string[] = [];
    for (const [room, sockets] of this.namespace.adapter.rooms) {
      if (sockets.size > 0 && room.includes(':')) rooms.push(room);
    }
    return rooms;
  }

  /**
   * The answer for a board joining `room` that holds `version` of `epoch` (if any). The caller
   * joins the socket in the same tick as this resolves, so every later diff reaches it.
   */
  async join(room: string, epoch?: string, version?: number): Promise<JoinAnswer | undefined> {
    const state = this.rooms.get(room) ?? (await this.refresh(room));
    if (!state) return undefined;
    if (epoch === this.epoch && version !== undefined) {
      if (version === state.version) return { kind: 'diffs', diffs: [] };
      const first = state.history.findIndex((diff) => diff.from === version);
      if (first >= 0) return { kind: 'diffs', diffs: state.history.slice(first) };
    }
    return {
      kind: 'snapshot',
      snapshot: { room, epoch: this.epoch, version: state.version, data: state.data },
    };
  }

  /** Drops the rooms nobody on this instance watches any more. */
  forgetUnwatched(): void {
    for (const room of this.rooms.keys()) {
      if (this.watched(room)) continue;
      this.rooms.delete(room);
      this.changedSince.delete(room);
      this.throttle.forget(room);
    }
  }

  close(): void {
    this.throttle.close();
  }

  private watched(room: string): boolean {
    return (this.namespace.adapter.rooms.get(room)?.size ?? 0) > 0;
  }

  private refresh(room: string): Promise<RoomState | undefined> {
    const previous = this.running.get(room) ?? Promise.resolve(undefined);
    const next = previous
      .catch(() => undefined)
      .then(() => this.compute(room))
      .finally(() => {
        if (this.running.get(room) === next) this.running.delete(room);
      });
    this.running.set(room, next);
    return next;
  }

  private async compute(room: string): Promise<RoomState | undefined> {
    // A change while this computation reads belongs to the next one.
    const since = this.changedSince.get(room);
    this.changedSince.delete(room);
    const data = await this.source(room);
    const state = this.rooms.get(room);
    if (data === undefined) {
      this.rooms.delete(room);
      return undefined;
    }
    if (!state) {
      const created = { version: ++this.lastVersion, data, history: [] };
      this.rooms.set(room, created);
      return created;
    }
    const ops = diffJson(state.data, data);
    if (ops.length === 0) return state;
    const diff: BoardDiffMessage = {
      room,
      epoch: this.epoch,
      from: state.version,
      version: ++this.lastVersion,
      ops,
    };
    state.version = diff.version;
    state.data = data;
    state.history.push(diff);
    if (state.history.length > historyLength) state.history.shift();
    // Local: with the Redis adapter every instance sends its own diffs to its own spectators.
    this.namespace.local.to(room).emit('diff', diff);
    this.onPush(since === undefined ? undefined : (performance.now() - since) / 1000);
    return state;
  }
}
