import type { ScoringEventOf } from './events';
import { ABSENT, IdTable } from './id-table';
import type { MarkValue } from './marks';

/** A mark as entered: the event itself, kept by reference (events are immutable once logged). */
export type StoredMark = ScoringEventOf<'mark.recorded'> | ScoringEventOf<'mark.superseded'>;

/** One entered mark with its fate, as queries and snapshots show it. Nothing is overwritten. */
export interface MarkRecord {
  id: string;
  competitor: string;
  aspect: string;
  expert: string;
  value: MarkValue;
  at: string;
  actor: string;
  /** The mark this one took the place of (a judge's re-score, a re-measurement, a correction). */
  supersedes?: string;
  /** Why, for a correction (mark.superseded). */
  reason?: string;
  /** Set once a later mark took this one's place. */
  supersededBy?: string;
  /** Set when the mark was withdrawn as entered in error. */
  withdrawn?: { reason: string; at: string; actor: string };
}

interface Links {
  supersedes?: string;
  supersededBy?: string;
  withdrawn?: MarkRecord['withdrawn'];
}

/** No mark: the end of a cell's chain, a cell without marks. */
export const NONE = ABSENT;

const REPLACED = 1;
const WITHDRAWN = 2;
const INITIAL_CAPACITY = 1024;

/**
 * Every mark of a competition in arrival order, numbered 0, 1, 2... The number is the mark's
 * handle everywhere in the engine: what the engine needs of a mark on every change (its cell,
 * the next mark of the same cell, whether it still counts, its judge, its value as a number)
 * sits in typed arrays indexed by it, which grow by doubling. Adding a mark therefore costs one
 * map entry (id -> number) and a few array writes; the event object itself is kept by reference
 * for queries and snapshots. Links to replaced and withdrawn marks exist only for the few marks
 * that have them. See docs/scoring.md ("The engine's data").
 */
export class MarkBook {
  private events: StoredMark[] = [];
  private numbers = new IdTable(this.idOf.bind(this), INITIAL_CAPACITY);
  private readonly links = new Map<number, Links>();
  private readonly experts = new Map<string, number>();
  /** Next mark of the same competitor × aspect, in arrival order; NONE at the end. */
  next = new Int32Array(INITIAL_CAPACITY);
  /** The mark's judge, interned (judgement aspects only; NONE for measurement). */
  expert = new Int32Array(INITIAL_CAPACITY);
  /** The judge's score (judgement) or the aspect mark the value gives (measurement); NaN if none. */
  value = new Float64Array(INITIAL_CAPACITY);
  private state = new Uint8Array(INITIAL_CAPACITY);

  /** Sizes an empty book for about `count` marks at once (a replay knows its log's length). */
  reserve(count: number): void {
    if (this.size > 0 || count <= this.next.length) return;
    this.numbers = new IdTable(this.idOf.bind(this), count);
    // Filled in arrival order up to `size`: the array never grows (nor copies) during the replay.
    this.events = new Array<StoredMark>(count);
    this.next = new Int32Array(count);
    this.expert = new Int32Array(count);
    this.value = new Float64Array(count);
    this.state = new Uint8Array(count);
  }

  get size(): number {
    return this.numbers.size;
  }

  private idOf(n: number): string {
    return this.events[n]!.mark.id;
  }

  /** The number of the mark stored under this id, or NONE. */
  numberOf(id: string): number {
    return this.numbers.find(id);
  }

  stored(n: number): StoredMark {
    return this.events[n]!;
  }

  get(id: string): StoredMark | undefined {
    const n = this.numbers.find(id);
    return n === NONE ? undefined : this.events[n];
  }

  /** The interned number of an expert who has marked, or NONE for one who has not. */
  knownExpert(expert: string): number {
    return this.experts.get(expert) ?? NONE;
  }

  /** The interned number of an expert id (stable for the book's life). */
  expertNumber(expert: string): number {
    let n = this.experts.get(expert);
    if (n === undefined) this.experts.set(expert, (n = this.experts.size));
    return n;
  }

  /**
   * Files a mark whose id is not in the book yet; `value` is what the engine computes from (see
   * the field) and `expert` the judge's interned number (NONE where the judge does not matter:
   * a measurement is replaced whoever enters it). Returns its number.
   */
  add(stored: StoredMark, value: number, expert: number): number {
    const n = this.numbers.add(stored.mark.id);
    if (n === this.next.length) this.grow();
    this.events[n] = stored;
    this.next[n] = NONE;
    this.expert[n] = expert;
    this.value[n] = value;
    return n;
  }

  /** Counts until a later mark replaces it or it is withdrawn. */
  isCurrent(n: number): boolean {
    return this.state[n] === 0;
  }

  replace(older: number, newer: number): void {
    this.state[older]! |= REPLACED;
    this.linksOf(older).supersededBy = this.events[newer]!.mark.id;
    this.linksOf(newer).supersedes = this.events[older]!.mark.id;
  }

  withdraw(n: number, withdrawn: NonNullable<MarkRecord['withdrawn']>): void {
    this.state[n]! |= WITHDRAWN;
    this.linksOf(n).withdrawn = withdrawn;
  }

  record(n: number): MarkRecord {
    const stored = this.events[n]!;
    const { id, competitor, aspect, expert, value } = stored.mark;
    const record: MarkRecord = {
      id,
      competitor,
      aspect,
      expert,
      value: { ...value },
      at: stored.at,
      actor: stored.actor,
    };
    const links = this.links.get(n);
    if (links?.supersedes !== undefined) record.supersedes = links.supersedes;
    if (stored.type === 'mark.superseded') record.reason = stored.reason;
    if (links?.supersededBy !== undefined) record.supersededBy = links.supersededBy;
    if (links?.withdrawn) record.withdrawn = { ...links.withdrawn };
    return record;
  }

  records(): MarkRecord[] {
    return Array.from({ length: this.size }, (_, n) => this.record(n));
  }

  /** Rebuilds the stored form of a snapshot record; links are restored separately by `relink`. */
  static fromRecord(record: MarkRecord): StoredMark {
    const { id, competitor, aspect, expert, value, at, actor } = record;
    const mark = { id, competitor, aspect, expert, value };
    return record.reason !== undefined && record.supersedes !== undefined
      ? {
          type: 'mark.superseded',
          at,
          actor,
          markId: record.supersedes,
          mark,
          reason: record.reason,
        }
      : { type: 'mark.recorded', at, actor, mark };
  }

  /** Restores a snapshot record's links onto mark `n`. */
  relink(n: number, record: MarkRecord): void {
    if (record.supersedes !== undefined) this.linksOf(n).supersedes = record.supersedes;
    if (record.supersededBy !== undefined) {
      this.linksOf(n).supersededBy = record.supersededBy;
      this.state[n]! |= REPLACED;
    }
    if (record.withdrawn) {
      this.linksOf(n).withdrawn = record.withdrawn;
      this.state[n]! |= WITHDRAWN;
    }
  }

  private linksOf(n: number): Links {
    let links = this.links.get(n);
    if (!links) this.links.set(n, (links = {}));
    return links;
  }

  private grow(): void {
    const size = this.next.length * 2;
    const next = new Int32Array(size);
    next.set(this.next);
    this.next = next;
    const expert = new Int32Array(size);
    expert.set(this.expert);
    this.expert = expert;
    const value = new Float64Array(size);
    value.set(this.value);
    this.value = value;
    const state = new Uint8Array(size);
    state.set(this.state);
    this.state = state;
  }
}
