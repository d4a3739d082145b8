import type { StoredEvent } from '../store/port';
import type { EventDraft } from './chain';
import type { Projection } from './event-log';

/**
 * A small stand-in for the scoring projection (which lives in @ashyq/shared): judgement scores
 * summed per competitor. The event log's tests and benchmarks replay it, so they do not depend on
 * the scoring engine.
 */
export interface MarkTotals {
  marks: number;
  totals: Record<string, number>;
}

export interface SampleMark {
  id: string;
  competitor: string;
  aspect: string;
  expert: string;
  score: number;
}

/** A mark-sized event, shaped like the scoring engine's `mark.recorded`. */
export function markRecorded(mark: SampleMark): EventDraft {
  const { id, competitor, aspect, expert, score } = mark;
  return {
    type: 'mark.recorded',
    actor: expert,
    data: { mark: { id, competitor, aspect, expert, value: { kind: 'judgement', score } } },
  };
}

export const markTotals: Projection<MarkTotals> = {
  name: 'mark-totals@1',
  initial: () => ({ marks: 0, totals: {} }),
  apply(state: MarkTotals, event: StoredEvent): MarkTotals {
    if (event.type !== 'mark.recorded') return state;
    const { mark } = event.data as { mark: { competitor: string; value: { score: number } } };
    state.marks += 1;
    state.totals[mark.competitor] = (state.totals[mark.competitor] ?? 0) + mark.value.score;
    return state;
  },
};

/** markTotals as the snapshot thread builds it (the recipe below). */
export function threadMarkTotals(): Projection<MarkTotals> {
  return markTotals;
}

/** markTotals with a recipe: where the store allows, its snapshots are built on the snapshot thread. */
export const markTotalsOnThread: Projection<MarkTotals> = {
  ...markTotals,
  recipe: { module: import.meta.url, name: 'threadMarkTotals', args: [] },
};
