import type { BoardDiffMessage, BoardSnapshotMessage } from '../boards/types';
import type { OpenDiscrepancy } from '../scoring/views';
import type { Overview, StoredEvent } from './chief';
import type {
  ExpertLock,
  ExpertRescore,
  ExpertView,
  MarkResult,
  RevealedScores,
  TeamMarkPush,
} from './expert';

/**
 * The events of the three Socket.IO namespaces (docs/realtime.md), as Socket.IO's typed events
 * take them: `Socket<ServerEvents, ClientEvents>` in the client, the server's emits checked
 * against the same maps. A command's last argument is its acknowledgement callback.
 */

/** One located problem of a refused command, as the HTTP error body carries it. */
export interface CommandErrorDetail {
  path: string;
  message: string;
  code?: string;
}

/** Every command's acknowledgement: the result, or a reason code the client can act on. */
export type CommandAck<T> =
  | ({ ok: true } & T)
  | {
      ok: false;
      error: { code: string; params?: Record<string, unknown>; details?: CommandErrorDetail[] };
    };

type Ack<T> = (reply: CommandAck<T>) => void;

/** Every push names its competition: a page that switched competitions ignores stale ones. */
interface Push {
  competitionId: string;
}

// ---- /expert ----

/** `marks:record`: one result per mark, in the batch's order. */
export type MarksAck = CommandAck<{ results: MarkResult[] }>;

export interface ExpertClientEvents {
  'marks:record': (
    payload: { marks: readonly unknown[] },
    ack: Ack<{ results: MarkResult[] }>,
  ) => void;
  /** The sub-criterion on screen: the team's measurements there are pushed as they come. */
  'team:watch': (payload: { subCriterion: string | null }, ack: Ack<object>) => void;
  /** The expert's view read again over the socket (what GET /api/expert/competition answers). */
  'competition:view': (payload: undefined, ack: Ack<{ view: ExpertView }>) => void;
}

export interface ExpertServerEvents {
  scores: (push: RevealedScores & Push) => void;
  lock: (push: { lock: ExpertLock } & Push) => void;
  rescore: (push: ExpertRescore & Push) => void;
  'team-marks': (push: { marks: TeamMarkPush[] } & Push) => void;
  panel: (push: { competitor: string; aspect: string; full: boolean } & Push) => void;
  'view:changed': (push: Push) => void;
}

// ---- /chief ----

export interface ChiefServerEvents {
  /** The catch-up of a (re)connection reached this seq; live pushes follow. */
  synced: (push: { seq: number } & Push) => void;
  events: (page: { fromSeq: number; events: readonly StoredEvent[] } & Push) => void;
  overview: (overview: Overview) => void;
  discrepancy: (alert: OpenDiscrepancy & Push) => void;
}

// ---- /board ----

/** A room to follow, and what the board holds of it already (after a reconnect). */
export type BoardJoin = ({ competitionId: string } | { championshipId: string }) & {
  epoch?: string;
  version?: number;
};

/** `join`: the room's snapshot, or only the diffs a reconnecting board missed. */
export type BoardJoined<T = unknown> = { room: string } & (
  | { kind: 'snapshot'; snapshot: BoardSnapshotMessage<T> }
  | { kind: 'diffs'; diffs: BoardDiffMessage[] }
);

export interface BoardClientEvents {
  join: (payload: BoardJoin, ack: Ack<BoardJoined>) => void;
  leave: (payload: { room: string }, ack: Ack<object>) => void;
}

export interface BoardServerEvents {
  diff: (diff: BoardDiffMessage) => void;
}
