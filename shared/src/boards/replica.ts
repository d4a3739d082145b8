import { applyJsonDiff, type Json } from './json-diff';
import type { BoardDiffMessage, BoardSnapshotMessage } from './types';

/** What became of a diff: applied, already held (or older), buffered until the snapshot, or a gap. */
export type DiffOutcome = 'applied' | 'stale' | 'buffered' | 'gap';

/**
 * A spectator's copy of one room: a snapshot, then diffs applied in version order. Diffs that
 * arrive before the snapshot (they may overtake the join's answer) wait and are applied after
 * it. A `gap` (a diff from a version this copy does not hold, or another server's epoch) means:
 * join again, passing `epoch` and `version`, to get what was missed.
 */
export class BoardReplica<T> {
  epoch: string | undefined;
  version: number | undefined;
  data: T | undefined;
  private early: BoardDiffMessage[] = [];

  snapshot(message: BoardSnapshotMessage<T>): void {
    this.epoch = message.epoch;
    this.version = message.version;
    this.data = message.data;
    const early = this.early;
    this.early = [];
    for (const diff of early) if (diff.epoch === this.epoch) this.diff(diff);
  }

  diff(message: BoardDiffMessage): DiffOutcome {
    if (this.data === undefined) {
      this.early.push(message);
      return 'buffered';
    }
    if (message.epoch !== this.epoch) return 'gap';
    if (message.version <= this.version!) return 'stale';
    if (message.from !== this.version) return 'gap';
    try {
      this.data = applyJsonDiff(this.data as Json, message.ops) as T;
    } catch {
      // Operations that do not fit this copy: keep showing it, and join again without a
      // version, so the answer is a fresh snapshot rather than the same diffs.
      this.epoch = undefined;
      this.version = undefined;
      return 'gap';
    }
    this.version = message.version;
    return 'applied';
  }
}
