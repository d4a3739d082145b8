import { hash } from 'node:crypto';
import type { StoredEvent, StreamHead } from '../store/port';
import { canonicalJson, parseCanonical, type JsonValue } from './canonical-json';

/** The prevHash of a stream's first event. */
export const genesisHash = '0'.repeat(64);

/** What the caller of an append supplies; the log adds stream, seq, at, prevHash and hash. */
export interface EventDraft {
  type: string;
  actor: string;
  data: JsonValue;
}

export type UnhashedEvent = Omit<StoredEvent, 'hash'>;

/**
 * hash = SHA-256 (hex) of the canonical JSON of the event without its hash
 * ({actor, at, data, prevHash, seq, stream, type}), followed by prevHash. The stream and seq are
 * inside, so an event cannot be moved to another place or competition without breaking the chain.
 */
export function hashEvent(event: UnhashedEvent): string {
  return hashWithDataText(event, canonicalJson(event.data));
}

/**
 * hashEvent for an event whose data's canonical text is already known, so an append
 * canonicalises each event's data once (docs/event-log.md, *Writing an event*).
 */
function hashWithDataText(event: UnhashedEvent, dataText: string): string {
  // The one-shot digest: a Hash object per event cost more than the hashing itself.
  return hash('sha256', eventText(event, dataText) + event.prevHash, 'hex');
}

/**
 * The canonical text of {actor, at, data, prevHash, seq, stream, type}, written around the data's
 * canonical text: the keys in JCS order (sorted by UTF-16 code units, as above), each string as
 * canonicalJson writes a string (JSON.stringify's text, lone surrogates escaped), so the text is
 * the one canonicalJson gives for the whole object. Anything else in those fields (only a
 * damaged row could hold it) goes through canonicalJson itself.
 */
function eventText(event: UnhashedEvent, dataText: string): string {
  const { stream, seq, at, actor, type, prevHash } = event;
  if (
    typeof actor === 'string' &&
    typeof at === 'string' &&
    typeof prevHash === 'string' &&
    Number.isSafeInteger(seq) &&
    typeof stream === 'string' &&
    typeof type === 'string' &&
    event.data !== undefined
  ) {
    return (
      `{"actor":${JSON.stringify(actor)},"at":${JSON.stringify(at)},"data":${dataText},` +
      `"prevHash":${JSON.stringify(prevHash)},"seq":${JSON.stringify(seq)},` +
      `"stream":${JSON.stringify(stream)},"type":${JSON.stringify(type)}}`
    );
  }
  return canonicalJson({ stream, seq, at, actor, type, data: event.data, prevHash });
}

/**
 * Numbers and hashes drafts so they continue the stream after `after` (no I/O). Each event's
 * data is a copy read back from its canonical text, exactly what a replay will read from the
 * store: a writer applying its own events sees what everyone replaying the log sees (keys in
 * the same order, -0 as 0), so the state it serves compares equal to a replay (log/verify).
 * That text is canonicalised once and serves the hash and the store (parseCanonical).
 */
export function chainEvents(
  stream: string,
  after: StreamHead,
  drafts: readonly EventDraft[],
  at: string,
): StoredEvent[] {
  let prevHash = after.hash ?? genesisHash;
  return drafts.map((draft, i) => {
    checkDraft(draft, i);
    const dataText = canonicalJson(draft.data);
    const unhashed: UnhashedEvent = {
      stream,
      seq: after.seq + 1 + i,
      at,
      actor: draft.actor,
      type: draft.type,
      data: parseCanonical(dataText),
      prevHash,
    };
    const event = { ...unhashed, hash: hashWithDataText(unhashed, dataText) };
    prevHash = event.hash;
    return event;
  });
}

function checkDraft(draft: EventDraft, index: number): void {
  if (typeof draft.type !== 'string' || draft.type === '') {
    throw new RangeError(`event ${index}: type must be a non-empty string`);
  }
  if (typeof draft.actor !== 'string' || draft.actor === '') {
    throw new RangeError(`event ${index}: actor must be a non-empty string`);
  }
}

export type ChainFault =
  /** a seq is missing or out of order */
  | 'seq_gap'
  /** the event's stream is not the one being verified */
  | 'wrong_stream'
  /** prevHash is not the previous event's hash: an event before it was replaced */
  | 'prev_hash_mismatch'
  /** the stored hash is not the hash of the stored event: the event was altered */
  | 'hash_mismatch'
  /** the stored event cannot be read at all */
  | 'unreadable';

export type ChainVerdict =
  | { ok: true; events: number; head: string }
  | { ok: false; firstBadSeq: number; reason: ChainFault };

/**
 * Checks a stream's events one at a time, in seq order, so a log of any length can be verified
 * while it is read page by page.
 */
export class ChainVerifier {
  private checked = 0;
  private prevHash = genesisHash;
  private fault: { firstBadSeq: number; reason: ChainFault } | undefined;

  constructor(private readonly stream?: string) {}

  /** Checks the next event; returns false once the chain is broken (later events are ignored). */
  push(event: StoredEvent): boolean {
    if (this.fault) return false;
    const expectedSeq = this.checked + 1;
    if (event.seq !== expectedSeq) return this.fail(expectedSeq, 'seq_gap');
    if (this.stream !== undefined && event.stream !== this.stream) {
      return this.fail(event.seq, 'wrong_stream');
    }
    if (event.prevHash !== this.prevHash) return this.fail(event.seq, 'prev_hash_mismatch');
    if (hashEvent(event) !== event.hash) return this.fail(event.seq, 'hash_mismatch');
    this.checked = expectedSeq;
    this.prevHash = event.hash;
    return true;
  }

  /** Records that the next event could not be read. */
  unreadable(seq: number): void {
    if (!this.fault) this.fail(Math.min(seq, this.checked + 1), 'unreadable');
  }

  get verdict(): ChainVerdict {
    if (this.fault) return { ok: false, ...this.fault };
    return { ok: true, events: this.checked, head: this.prevHash };
  }

  private fail(firstBadSeq: number, reason: ChainFault): false {
    this.fault = { firstBadSeq, reason };
    return false;
  }
}

/** Verifies a whole chain held in memory (the event log verifies streams page by page). */
export function verifyChain(events: Iterable<StoredEvent>, stream?: string): ChainVerdict {
  const verifier = new ChainVerifier(stream);
  for (const event of events) if (!verifier.push(event)) break;
  return verifier.verdict;
}
