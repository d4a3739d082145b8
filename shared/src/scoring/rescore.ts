import { z } from 'zod';
import { aspectCodeSchema } from '../scheme/schema';
import { reasonTextSchema, type ScoringEvent } from './events';
import { reject, type Rejection } from './reasons';
import type { ProjectionState } from './views';

/**
 * Re-score requests (docs/scoring.md, discrepancies): the chief expert asks the judges of a disputed
 * aspect to score it again. A request waits for each judge whose score made the discrepancy
 * until that judge records a new score there; it closes when nobody is pending any more, when the
 * new scores agree (the discrepancy is gone), or when the chief resolves the discrepancy instead.
 */

const personIdSchema = z.string().min(1).max(64);

/** The data of a `rescore.requested` log event: who is asked comes from the projection. */
export const rescoreRequestedSchema = z.object({
  competitor: personIdSchema,
  aspect: aspectCodeSchema,
  experts: z.array(personIdSchema).min(1),
  reason: reasonTextSchema.optional(),
});
export type RescoreRequested = z.infer<typeof rescoreRequestedSchema>;

export interface RescoreRequest {
  competitor: string;
  aspect: string;
  subCriterion: string;
  at: string;
  actor: string;
  reason: string | null;
  /** Judges who have not scored again since the request. */
  pending: string[];
}

/**
 * Who must score again: the judges whose scores count in the aspect's open discrepancy. Without
 * one (never disputed, resolved, re-scored into agreement, an inactive competitor, an unknown
 * aspect) there is nothing to re-score. A locked sub-criterion has no open discrepancy: locking
 * requires none.
 */
export function rescoreTargets(
  projection: ProjectionState,
  competitor: string,
  aspect: string,
): Rejection | { subCriterion: string; experts: string[] } {
  const open = projection
    .openDiscrepancies()
    .find((found) => found.competitor === competitor && found.aspect === aspect);
  if (!open) return reject('no_open_discrepancy', { competitor, aspect });
  return { subCriterion: open.subCriterion, experts: open.scores.map((score) => score.expert) };
}

const keyOf = (competitor: string, aspect: string) => `${competitor}|${aspect}`;

/** The open re-score requests of one competition, as its log describes them. */
export class RescoreRequests {
  private readonly open = new Map<string, RescoreRequest>();

  constructor(requests: readonly RescoreRequest[] = []) {
    for (const request of requests)
      this.open.set(keyOf(request.competitor, request.aspect), request);
  }

  /** A new request replaces an open one on the same aspect: everyone asked is pending again. */
  requested(
    data: RescoreRequested,
    subCriterion: string,
    envelope: { at: string; actor: string },
  ): void {
    this.open.set(keyOf(data.competitor, data.aspect), {
      competitor: data.competitor,
      aspect: data.aspect,
      subCriterion,
      at: envelope.at,
      actor: envelope.actor,
      reason: data.reason ?? null,
      pending: [...new Set(data.experts)],
    });
  }

  /**
   * Follows an applied (not duplicate) scoring event: a judge's new score, a resolution.
   * `disputed` says whether the aspect's discrepancy is still open once the event is applied.
   */
  follow(event: ScoringEvent, disputed: (competitor: string, aspect: string) => boolean): void {
    // Nearly always nothing is open: a mark then costs no key string.
    if (this.open.size === 0) return;
    if (event.type === 'mark.recorded' || event.type === 'mark.superseded') {
      const { competitor, aspect, expert } = event.mark;
      const key = keyOf(competitor, aspect);
      const request = this.open.get(key);
      if (!request) return;
      request.pending = request.pending.filter((judge) => judge !== expert);
      if (request.pending.length === 0 || !disputed(competitor, aspect)) this.open.delete(key);
    } else if (event.type === 'discrepancy.resolved') {
      this.open.delete(keyOf(event.competitor, event.aspect));
    }
  }

  get(competitor: string, aspect: string): RescoreRequest | undefined {
    const request = this.open.get(keyOf(competitor, aspect));
    return request && { ...request, pending: [...request.pending] };
  }

  /** Every open request, oldest first. */
  list(): RescoreRequest[] {
    return [...this.open.values()]
      .map((request) => ({ ...request, pending: [...request.pending] }))
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  /** The open requests this judge still has to answer. */
  pendingFor(expert: string): RescoreRequest[] {
    return this.list().filter((request) => request.pending.includes(expert));
  }
}
