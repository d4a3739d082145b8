import type { ScoringEventOf } from '../events';
import type { MarkValue } from '../marks';

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

/**
 * Every mark of a competition in arrival order, by id, with the links between them. Replay
 * allocates nothing per mark beyond the map entry: links exist only for the few marks that were
 * replaced or withdrawn, which keeps a 300 000-mark replay out of the garbage collector's way.
 */
export class MarkBook {
  private readonly byId = new Map<string, StoredMark>();
  private readonly links = new Map<string, Links>();
  private readonly arrival: StoredMark[] = [];

  get(id: string): StoredMark | undefined {
    return this.byId.get(id);
  }

  add(stored: StoredMark): void {
    this.byId.set(stored.mark.id, stored);
    this.arrival.push(stored);
  }

  /** Counts until a later mark replaces it or it is withdrawn. */
  isCurrent(stored: StoredMark): boolean {
    if (this.links.size === 0) return true;
    const links = this.links.get(stored.mark.id);
    return (
      links === undefined || (links.supersededBy === undefined && links.withdrawn === undefined)
    );
  }

  replace(older: StoredMark, newer: StoredMark): void {
    this.linksOf(older.mark.id).supersededBy = newer.mark.id;
    this.linksOf(newer.mark.id).supersedes = older.mark.id;
  }

  withdraw(stored: StoredMark, withdrawn: NonNullable<MarkRecord['withdrawn']>): void {
    this.linksOf(stored.mark.id).withdrawn = withdrawn;
  }

  record(stored: StoredMark): MarkRecord {
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
    const links = this.links.get(id);
    if (links?.supersedes !== undefined) record.supersedes = links.supersedes;
    if (stored.type === 'mark.superseded') record.reason = stored.reason;
    if (links?.supersededBy !== undefined) record.supersededBy = links.supersededBy;
    if (links?.withdrawn) record.withdrawn = { ...links.withdrawn };
    return record;
  }

  records(): MarkRecord[] {
    return this.arrival.map((stored) => this.record(stored));
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

  relink(record: MarkRecord): void {
    if (record.supersedes !== undefined) this.linksOf(record.id).supersedes = record.supersedes;
    if (record.supersededBy !== undefined)
      this.linksOf(record.id).supersededBy = record.supersededBy;
    if (record.withdrawn) this.linksOf(record.id).withdrawn = record.withdrawn;
  }

  private linksOf(id: string): Links {
    let links = this.links.get(id);
    if (!links) this.links.set(id, (links = {}));
    return links;
  }
}
