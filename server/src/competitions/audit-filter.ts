import type { MarkEntry } from '@ashyq/shared';
import type { StoredEvent } from '../store/port';

/** What the chief's audit trail can be narrowed to (all optional). */
export interface EventFilter {
  expert?: string;
  aspect?: string;
  competitor?: string;
  type?: string;
}

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
  const subjects = subjectsOf(event);
  if (filter.expert && event.actor !== filter.expert && !subjects.experts.includes(filter.expert)) {
    return false;
  }
  if (filter.aspect && subjects.aspect !== filter.aspect) return false;
  if (filter.competitor && subjects.competitor !== filter.competitor) return false;
  return true;
}
