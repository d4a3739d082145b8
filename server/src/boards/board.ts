import {
  effectivePublication,
  isFinal,
  placedFirst,
  roundHalfUp,
  type Board as PublicBoardPayload,
  type BoardRow as PublicBoardRow,
  type BoardView,
  type CompetitorResult,
  type PublicationPolicy,
} from '@ashyq/shared';
import { stageOfResults, type RuntimeState } from '../competitions/runtime-state';
import type { RuntimeContext } from '../competitions/runtime-types';

export type { BoardView };

/** A row of the shared board payload before the college's name is looked up. */
export type BoardRow = Omit<PublicBoardRow, 'college'>;

/**
 * The board as the competition's state gives it; the payload the public receives
 * (`Board` in shared) adds the competition's names, the college names and the ceremony.
 */
export interface Board extends Pick<
  PublicBoardPayload,
  | 'competitionId'
  | 'view'
  | 'policy'
  | 'published'
  | 'provisional'
  | 'stage'
  | 'correctedAt'
  | 'locked'
  | 'counted'
  | 'progress'
> {
  /** Null while an embargo hides the figures. */
  rows: BoardRow[] | null;
  /** Set when the public board stopped changing at the policy's freeze time. */
  frozenAt?: string;
}

export function publicationPolicyOf(context: RuntimeContext): PublicationPolicy {
  return publicationOf(context).policy;
}

/** The competition's publication, field by field its own, its championship's or the profile's. */
export function publicationOf(context: RuntimeContext) {
  return effectivePublication(
    context.competition,
    context.championship,
    context.profile.publicationDefault,
  );
}

/**
 * The ranking as a board shows it. Staff see every figure as it stands. The public sees what the
 * publication policy allows until the results are final: `live` everything, provisional;
 * `locked` only the locked sub-criteria, ranked on those (nothing while none is locked);
 * `embargo` nothing but progress. Medals and medallions only ever show on final results;
 * provisional rows keep their positions.
 */
export function publicBoard(context: RuntimeContext, state: RuntimeState, view: BoardView): Board {
  const scoring = state.scoring;
  const policy = publicationPolicyOf(context);
  const stage = stageOfResults(state);
  const published = isFinal(stage);
  const { marked, required } = scoring.progress();
  const allSubCriteria = scoring.index.subCriteria.map((sub) => sub.id);
  const lockedIds = scoring
    .lockState()
    .filter((lock) => lock.locked)
    .map((lock) => lock.subCriterion);
  const base = {
    competitionId: context.competition.id,
    view,
    policy,
    published,
    stage,
    correctedAt: stage === 'corrected' ? state.results.published!.at : null,
    locked: { count: lockedIds.length, of: allSubCriteria.length },
  };
  const progress = { marked, required };
  const results = scoring.results();
  const row = (result: CompetitorResult): BoardRow => {
    const person = state.people.get(result.competitor);
    return {
      position: result.position,
      competitor: result.competitor,
      name: person?.name ?? null,
      collegeId: person?.collegeId ?? null,
      regionId: person?.regionId ?? null,
      guest: result.guest,
      status: result.status,
      criteria: result.criteria,
      total: result.total,
      medal: published ? result.medal : null,
      medallion: published ? result.medallion : false,
    };
  };
  if (view === 'staff' || published || policy === 'live') {
    return {
      ...base,
      provisional: !published,
      counted: allSubCriteria,
      progress,
      rows: placedFirst(results).map(row),
    };
  }
  if (policy === 'embargo' || lockedIds.length === 0) {
    // Nothing locked yet: no table of zeros, the board says what it is waiting for.
    return { ...base, provisional: true, counted: [], progress, rows: null };
  }
  return {
    ...base,
    provisional: true,
    counted: lockedIds,
    progress,
    rows: rankedOnLocked(state, results, new Set(lockedIds)).map(row),
  };
}

/** Totals over the locked sub-criteria only, ranked; no medals until the results are final. */
function rankedOnLocked(
  state: RuntimeState,
  results: CompetitorResult[],
  locked: ReadonlySet<string>,
): CompetitorResult[] {
  const index = state.scoring.index;
  const digits = state.scoring.profile.rounding.digits;
  const round = (value: number) => roundHalfUp(value, digits);
  const recounted = results.map((result) => {
    const criteria: Record<string, number> = {};
    let total = 0;
    for (const criterion of index.criteria) {
      let sum = 0;
      for (let s = criterion.firstSubCriterion; s < criterion.endSubCriterion; s++) {
        const id = index.subCriteria[s]!.id;
        if (locked.has(id)) sum += result.subCriteria[id] ?? 0;
      }
      criteria[criterion.id] = round(sum);
      total += sum;
    }
    return { ...result, criteria, total: round(total), medal: null, medallion: false };
  });
  const ranked = recounted
    .filter((r) => r.status === 'active' && !r.guest)
    .sort((a, b) => b.total - a.total);
  const positions = new Map<string, number>();
  ranked.forEach((r, i) => {
    const previous = ranked[i - 1];
    const tied = previous && previous.total === r.total;
    positions.set(r.competitor, tied ? positions.get(previous.competitor)! : i + 1);
  });
  return [...ranked, ...recounted.filter((r) => !positions.has(r.competitor))].map((r) => ({
    ...r,
    position: positions.get(r.competitor) ?? null,
  }));
}
