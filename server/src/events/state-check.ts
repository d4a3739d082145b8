import { createHash } from 'node:crypto';
import type { EncodedSnapshot, Snapshot, StoredEvent } from '../store/port';
import { canonicalJson, type JsonValue } from './canonical-json';
import type { ChainVerdict } from './chain';

/**
 * A projection of a stream: the subset of event-log.ts's Projection this module needs (kept
 * here so the two modules do not import each other).
 */
export interface SnapshottedProjection<S> {
  readonly name: string;
  initial(): S;
  apply(state: S, event: StoredEvent): S;
  toSnapshot?(state: S): JsonValue;
}

/**
 * A state as its snapshot text. Plain JSON.stringify, not the canonical writer: it pauses the
 * stream's writer, and the canonical writer takes about twenty times as long (300 ms for a
 * competition of 30,000 marks). Texts are compared with sameState, which forgives key order.
 */
export function stateText<S>(projection: SnapshottedProjection<S>, state: S): string {
  return JSON.stringify(projection.toSnapshot ? projection.toSnapshot(state) : state);
}

/**
 * The SHA-256 (hex) a snapshot is kept with: of its place in the log (stream, projection, the
 * seq and hash of the event it was taken at), a newline and its state text. A snapshot edited in
 * the store no longer matches, so it is not loaded. The text is encoded to UTF-8 first and the
 * bytes hashed (SHA-256 of a megabyte of bytes takes under 1 ms; fed the string, the hash
 * encodes it several times slower).
 */
export function snapshotContentHash(snapshot: Omit<Snapshot, 'contentHash'>): string {
  return contentHashOf(snapshot, Buffer.from(snapshot.state, 'utf8'));
}

/**
 * The snapshot as the store keeps it, its text encoded to UTF-8 once for both the content hash
 * and the store. For a competition's snapshot of a megabyte this is ~10 ms, most of it the first
 * reading of JSON.stringify's text; the snapshot thread does it (snapshot-thread.ts).
 */
export function encodeSnapshot(snapshot: Omit<Snapshot, 'contentHash'>): EncodedSnapshot {
  // A buffer of its own (not a slice of Buffer's pool), so it can be moved to another thread.
  const state = new TextEncoder().encode(snapshot.state);
  return { ...snapshot, state, contentHash: contentHashOf(snapshot, state) };
}

function contentHashOf(place: Omit<Snapshot, 'contentHash' | 'state'>, text: Uint8Array): string {
  const { stream, projection, seq, hash } = place;
  return createHash('sha256')
    .update(`${canonicalJson({ hash, projection, seq, stream })}\n`)
    .update(text)
    .digest('hex');
}

/** Whether two snapshot texts hold the same state, whatever order their objects' keys are in. */
export function sameState(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return false;
  }
}

/** Why the log verified but what is kept or served beside it does not agree with it. */
export type StateFault =
  /** the stored snapshot is not the state the log gives at its seq (edited, or not of this log) */
  | 'snapshot_altered'
  /** the state the server served differed from the log's; the server rebuilt it from the log */
  | 'state_mismatch';

export interface StateFaultVerdict {
  ok: false;
  reason: StateFault;
  /** The chain itself verified: its length and head, as in an ok verdict. */
  events: number;
  head: string;
  /** The seq of the snapshot that does not match; null when only the served state differed. */
  snapshotSeq: number | null;
  /**
   * The state the server served: the log's (`matches`), or not (`differed`: it is rebuilt from
   * the log at once); null when no served state was checked.
   */
  liveState: 'matches' | 'differed' | null;
}

/** What log/verify answers: the chain's verdict, or a state that does not match a sound chain. */
export type LogVerdict = ChainVerdict | StateFaultVerdict;

/** What to check beside the chain: the stored snapshot of `projection`, and the served state. */
export interface StateCheck<S> {
  projection: SnapshottedProjection<S>;
  /** The state the stream's writer serves, as its snapshot text, and the seq it is at. */
  live?: { seq: number; text: string };
}

/**
 * Replays the stream from its first event while the chain is verified, and compares the
 * replayed state with the stored snapshot at the snapshot's seq and with the served state at
 * its seq. The stored snapshot is never used: it is what is being checked.
 */
export class StateComparison<S> {
  private state: S;
  private snapshotMatches: boolean | undefined;
  private liveMatches: boolean | undefined;

  constructor(
    private readonly check: StateCheck<S>,
    private readonly snapshot: Snapshot | undefined,
    /** Whether the snapshot's content hash is the one of its fields (snapshotContentHash). */
    snapshotIntact: boolean,
  ) {
    this.state = check.projection.initial();
    if (snapshot && !snapshotIntact) this.snapshotMatches = false;
    this.compareAt(0, null);
  }

  apply(event: StoredEvent): void {
    this.state = this.check.projection.apply(this.state, event);
    this.compareAt(event.seq, event.hash);
  }

  /** The verdict once every event verified (`chain` is ok) and was applied. */
  verdict(chain: Extract<ChainVerdict, { ok: true }>): LogVerdict {
    // Not reached means not of this log: a snapshot or a served state beyond its head.
    const snapshotAltered = this.snapshot !== undefined && this.snapshotMatches !== true;
    const liveState = !this.check.live ? null : this.liveMatches ? 'matches' : 'differed';
    if (!snapshotAltered && liveState !== 'differed') return chain;
    return {
      ok: false,
      reason: snapshotAltered ? 'snapshot_altered' : 'state_mismatch',
      events: chain.events,
      head: chain.head,
      snapshotSeq: snapshotAltered ? this.snapshot!.seq : null,
      liveState,
    };
  }

  private compareAt(seq: number, hash: string | null): void {
    const { snapshot, check } = this;
    const atSnapshot = snapshot?.seq === seq && this.snapshotMatches === undefined;
    const atLive = check.live?.seq === seq;
    if (!atSnapshot && !atLive) return;
    const text = stateText(check.projection, this.state);
    if (atSnapshot)
      this.snapshotMatches = snapshot.hash === hash && sameState(text, snapshot.state);
    if (atLive) this.liveMatches = sameState(text, check.live!.text);
  }
}
