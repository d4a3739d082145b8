import type { Database } from 'better-sqlite3';

/** Per append of a batch: null when written, the stream's actual head, or its error. */
export type GroupCommitOutcome = null | { conflict: number } | { error: unknown };

export interface GroupCommitRequest {
  stream: string;
  expectedSeq: number;
  /** Each event's columns in the order of the insertEvent statement. */
  rows: unknown[][];
}

export function groupCommit(
  db: Database,
  sql: { headSeq: string; insertEvent: string },
): (batch: GroupCommitRequest[], alsoWrite?: () => void) => GroupCommitOutcome[];
