import type { MarkEntry } from '@ashyq/shared';
import type { Store, StoredEvent } from '../store/port';

/** What the chief's audit trail can be narrowed to (all optional). */
export interface EventFilter {
  expert?: string;
  aspect?: string;
  competitor?: string;
  type?: string;
  /** The type's family, the part before the dot: `mark`, `subCriterion`, `rescore`, ... */
  kind?: string;
}

/** One page of the trail: the latest `limit` matching events before a seq. */
export interface EventPage {
  /** At most `limit` events, oldest first. */
  limit: number;
  /** Only events with a smaller seq: the `nextBefore` of the previous page. */
  before?: number;
}

export const kindOf = (type: string): string => type.slice(0, type.indexOf('.'));

/** Who and what an event is about, as far as the audit trail's filters go. */
function subjectsOf(event: StoredEvent): {
  experts: string[];
  aspect?: string;
  competitor?: string;
} {
  const data = event.data as Record<string, unknown>;
  const mark = data.mark as MarkEntry | undefined;
  if (mark) {
    return { experts: [mark.expert], aspect: mark.aspect, competitor: mark.competitor };
  }
  const experts = [data.expert, ...(Array.isArray(data.experts) ? data.experts : [])].filter(
    (expert): expert is string => typeof expert === 'string',
  );
  const competitor =
    typeof data.competitor === 'string'
      ? data.competitor
      : (data.competitor as { id?: string } | undefined)?.id;
  return { experts, aspect: data.aspect as string | undefined, competitor };
}

export function matches(event: StoredEvent, filter: EventFilter): boolean {
  if (filter.type && event.type !== filter.type) return false;
  if (filter.kind && kindOf(event.type) !== filter.kind) return false;
  const subjects = subjectsOf(event);
  if (filter.expert && event.actor !== filter.expert && !subjects.experts.includes(filter.expert)) {
    return false;
  }
  if (filter.aspect && subjects.aspect !== filter.aspect) return false;
  if (filter.competitor && subjects.competitor !== filter.competitor) return false;
  return true;
}

/** Seqs read per step backwards at first; doubled per step up to the store's page size. */
const firstWindow = 500;
const largestWindow = 2_000;

/**
 * The latest matching events before `page.before`, read backwards from the head in growing
 * windows: the console's first page of a 100 000-event log costs a few reads, not the whole log.
 * `nextBefore` is where the next (older) page starts, or null once the log's start was reached.
 */
export async function readEventPage(
  store: Store,
  stream: string,
  headSeq: number,
  filter: EventFilter,
  page: EventPage,
): Promise<{ events: StoredEvent[]; nextBefore: number | null }> {
  const newestFirst: StoredEvent[] = [];
  let upTo = Math.min(headSeq, (page.before ?? headSeq + 1) - 1);
  let window = firstWindow;
  let leftOver = false;
  while (upTo >= 1 && newestFirst.length < page.limit) {
    const fromSeq = Math.max(1, upTo - window + 1);
    const found: StoredEvent[] = [];
    for await (const events of store.readPages(stream, { fromSeq, toSeq: upTo })) {
      for (const event of events) if (matches(event, filter)) found.push(event);
    }
    while (found.length > 0 && newestFirst.length < page.limit) newestFirst.push(found.pop()!);
    leftOver = found.length > 0;
    upTo = fromSeq - 1;
    window = Math.min(window * 2, largestWindow);
  }
  const events = newestFirst.reverse();
  const more = (leftOver || upTo >= 1) && events.length > 0;
  return { events, nextBefore: more ? events[0]!.seq : null };
}
