import { percentOf } from '../grades/percent';
import type { IndexedSubCriterion } from '../scoring/scheme-index';
import type { CompetitionSummary } from './types';

/** Where a competition stands on the championship overview. */
export type CompetitionStage = Pick<
  CompetitionSummary,
  'status' | 'markedPercent' | 'lockedPercent' | 'day'
>;

/**
 * The overview's status, progress and marking day from one state of the competition: the live
 * one for staff, the one at the freeze time for the public during a freeze.
 */
export function competitionStage(figures: {
  subCriteria: readonly Pick<IndexedSubCriterion, 'day' | 'firstAspect' | 'endAspect'>[];
  /** Per sub-criterion, in scheme order. */
  locked: readonly boolean[];
  progress: { marked: number; required: number };
  published: boolean;
}): CompetitionStage {
  const { subCriteria, locked, progress, published } = figures;
  const lockedCount = locked.filter(Boolean).length;
  const firstOpen = subCriteria.find((_, i) => !locked[i]);
  // Weighted by aspects: a locked sub-criterion of 20 aspects is more of the work than one of 2.
  let aspects = 0;
  let lockedAspects = 0;
  subCriteria.forEach((sub, i) => {
    const count = sub.endAspect - sub.firstAspect;
    aspects += count;
    if (locked[i]) lockedAspects += count;
  });
  return {
    status: published
      ? 'published'
      : locked.length > 0 && lockedCount === locked.length
        ? 'locked'
        : progress.marked > 0
          ? 'marking'
          : 'not_started',
    markedPercent: progress.required > 0 ? percentOf(progress.marked, progress.required) : 0,
    lockedPercent: aspects > 0 ? percentOf(lockedAspects, aspects) : 0,
    day: firstOpen?.day ?? null,
  };
}
