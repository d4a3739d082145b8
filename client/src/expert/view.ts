import {
  getProfile,
  isDiscrepant,
  judgementMark,
  measurementMark,
  type Aspect,
  type MarkValue,
  type SubCriterion,
} from '@ashyq/shared';
import type { QueuedMark, Rejection } from './queue';

/** The view's shapes are the API contract's, in the shared package. */
export type {
  ExpertLock as Lock,
  ExpertRescore as RescoreRequest,
  ExpertView,
  RevealedScores,
  TeamMark,
} from '@ashyq/shared';
import type { ExpertRescore as RescoreRequest, ExpertView } from '@ashyq/shared';

/** What a judge sees of the panel once it has scored: the scores, the flag and the aspect mark. */
export interface PanelScores {
  scores: number[];
  discrepant: boolean;
  mark: number;
}

/** What one cell of the grid shows: the expert's latest mark and where it stands. */
export interface CellMark {
  /** The mark's id: a correction names the mark it supersedes. */
  id: string;
  value: MarkValue;
  state: QueuedMark['state'];
  rejection?: Rejection;
  /** The teammate who entered it, when it is not this expert's own. */
  by?: string;
}

export const cellKey = (competitor: string, aspect: string) => `${competitor}|${aspect}`;

/**
 * The grid's marks: what the server already holds (the team's measurements, then this expert's
 * own), overlaid with the tablet's queue in the order the expert entered them, so the latest entry
 * for a cell is the one shown; a mark a teammate measured again is not.
 */
export function cellMarks(view: ExpertView, queued: readonly QueuedMark[]): Map<string, CellMark> {
  const cells = new Map<string, CellMark>();
  const replaced = new Set<string>();
  for (const mark of view.teamMarks ?? []) {
    const { id, value, expert, supersedes } = mark;
    cells.set(cellKey(mark.competitor, mark.aspect), { id, value, state: 'saved', by: expert });
    if (supersedes) replaced.add(supersedes);
  }
  for (const mark of view.marks) {
    if (replaced.has(mark.id)) continue;
    cells.set(cellKey(mark.competitor, mark.aspect), {
      id: mark.id,
      value: mark.value,
      state: 'saved',
    });
  }
  for (const mark of queued) {
    const { id, value, state, rejection } = mark;
    if (replaced.has(id)) continue;
    const key = cellKey(mark.competitor, mark.aspect);
    // A rejected retry must not hide a mark the server holds for the same cell.
    if (state === 'rejected' && cells.get(key)?.state === 'saved') continue;
    cells.set(key, { id, value, state, rejection });
  }
  return cells;
}

/** A cell takes a new entry when it has none yet or the last one was rejected. */
export const acceptsEntry = (cell: CellMark | undefined) => !cell || cell.state === 'rejected';

export function subCriteriaOf(view: ExpertView): SubCriterion[] {
  return view.criteria.flatMap((criterion) => criterion.subCriteria);
}

/** The sub-criterion an aspect code belongs to, if it is on this expert's panels. */
export function subCriterionOf(view: ExpertView, aspect: string): SubCriterion | undefined {
  return subCriteriaOf(view).find((sub) => sub.aspects.some((a) => a.code === aspect));
}

export function daysOf(view: ExpertView): number[] {
  return [...new Set(subCriteriaOf(view).map((sub) => sub.day))].sort((a, b) => a - b);
}

const markFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export const formatMark = (mark: number) => markFormat.format(mark);

/** Short text of an entered value for a grid cell: the judge's score, ✓/✗, or the mark. */
export function shortValue(aspect: Aspect, value: MarkValue): string {
  switch (value.kind) {
    case 'judgement':
      return String(value.score);
    case 'binary':
      return value.achieved ? '✓' : '✗';
    case 'choice':
    case 'deduction':
      return formatMark(measurementMark(aspect, value));
  }
}

/** The panel's scores for a judgement cell, judged by the competition's rules profile. */
export function panelScores(
  view: ExpertView,
  aspect: Aspect,
  competitor: string,
): PanelScores | null {
  const revealed = view.revealedScores?.find(
    (entry) => entry.competitor === competitor && entry.aspect === aspect.code,
  );
  const profile = getProfile(view.competition.profileId);
  if (!revealed || revealed.scores.length === 0 || !profile) return null;
  const scores = revealed.scores.map((entry) => entry.score);
  return {
    scores,
    discrepant: revealed.discrepancy ?? isDiscrepant(scores, profile.discrepancyThreshold),
    mark: judgementMark(profile.judgementFormula, aspect.maxMark, scores),
  };
}

/** A saved score of a judgement aspect may be entered again: a re-score supersedes it. */
export const acceptsRescore = (aspect: Aspect, cell: CellMark | undefined) =>
  aspect.type === 'J' && cell?.state === 'saved';

/** A saved measurement mark may be corrected, with a reason, while its sub-criterion is open. */
export const acceptsCorrection = (aspect: Aspect, cell: CellMark | undefined) =>
  aspect.type === 'M' && cell?.state === 'saved';

/** A re-score request as the tablet keeps it: with when it learnt of it, by its own clock. */
export interface SeenRescore extends RescoreRequest {
  seenAt: number;
}

/**
 * The re-score requests still open on this tablet: a request disappears as soon as the judge has
 * entered a new score for it, even while that score waits offline (the server only learns of it
 * once it arrives and then stops listing the request), or once its sub-criterion is locked.
 */
export function openRescores(
  view: ExpertView,
  requests: readonly SeenRescore[],
  queued: readonly QueuedMark[],
): SeenRescore[] {
  // A locked sub-criterion takes no score, so a request left on it cannot be acted on here.
  const locked = view.locks.filter((lock) => lock.locked).map((lock) => `${lock.subCriterion}.`);
  return requests.filter((request) => {
    if (locked.some((prefix) => request.aspect.startsWith(prefix))) return false;
    const key = cellKey(request.competitor, request.aspect);
    return !queued.some(
      (mark) =>
        cellKey(mark.competitor, mark.aspect) === key &&
        (mark.state === 'queued' || (mark.state === 'saved' && mark.enteredAt >= request.seenAt)),
    );
  });
}
