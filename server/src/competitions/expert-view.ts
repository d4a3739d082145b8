import type { MarkingScheme, MarkRecord } from '@ashyq/shared';
import type { ExpertRole } from '../auth/roles';
import type { CompetitionRuntime } from './runtime';
import type { RuntimeState } from './runtime-state';

/** The panel's scores for one judgement aspect of one competitor, as a judge may see them. */
export interface RevealedScores {
  competitor: string;
  aspect: string;
  scores: { expert: string; score: number }[];
  /** The scores are too far apart and the chief has not resolved it: a re-score may follow. */
  discrepancy: boolean;
}

const counts = (mark: MarkRecord) => !mark.supersededBy && !mark.withdrawn;

/**
 * Blind judgement (docs/scoring.md): a judge sees the panel's scores for an aspect and competitor
 * only once its own score there counts; before that, or for a measurement aspect, nothing.
 */
export function revealedScores(
  state: RuntimeState,
  expertId: string,
  competitor: string,
  aspect: string,
  /** The cell's marks, when the caller has read them already. */
  marks = state.scoring.aspectState(competitor, aspect),
): RevealedScores | undefined {
  if (state.scoring.index.aspectByCode.get(aspect)?.kind !== 'judgement') return undefined;
  if (!marks?.history.some((mark) => mark.expert === expertId && counts(mark))) return undefined;
  return panelScores(state, competitor, aspect, marks);
}

/** The panel's current scores on a judgement cell, as a judge sees them once it has scored. */
function panelScores(
  state: RuntimeState,
  competitor: string,
  aspect: string,
  marks = state.scoring.aspectState(competitor, aspect),
): RevealedScores {
  const scores = (marks?.current ?? []).flatMap(({ expert, value }) =>
    value.kind === 'judgement' ? [{ expert, score: value.score }] : [],
  );
  return { competitor, aspect, scores, discrepancy: marks?.discrepancy === 'open' };
}

/**
 * The sub-criterion of a measurement aspect, whose mark the marking team enters once (one expert
 * enters, or the team agrees: docs/scoring.md); undefined for a judgement aspect, which each judge
 * scores blind.
 */
export function teamAspectSubCriterion(state: RuntimeState, aspect: string): string | undefined {
  const indexed = state.scoring.index.aspectByCode.get(aspect);
  if (!indexed || indexed.kind === 'judgement') return undefined;
  return state.scoring.index.subCriteria[indexed.subCriterion]!.id;
}

/**
 * Whether a judgement cell already holds the panel's every score without this judge's: with 4
 * or 5 judges on a team, the tablet then says so instead of offering scores the server would
 * refuse (`panel_full`). Only the count is told, never a score: judging stays blind.
 */
export function panelFullWithout(
  state: RuntimeState,
  expertId: string,
  current: readonly MarkRecord[],
): boolean {
  const scored = current.some((mark) => mark.expert === expertId);
  return !scored && current.length >= state.scoring.judgesPerAspect;
}

function fullPanelsFor(
  state: RuntimeState,
  expertId: string,
  counting: readonly MarkRecord[],
  mine: ReadonlySet<string>,
): { competitor: string; aspect: string }[] {
  const cells = new Map<string, MarkRecord[]>();
  for (const mark of counting) {
    const indexed = state.scoring.index.aspectByCode.get(mark.aspect);
    if (indexed?.kind !== 'judgement') continue;
    if (!mine.has(state.scoring.index.subCriteria[indexed.subCriterion]!.id)) continue;
    const key = `${mark.competitor}|${mark.aspect}`;
    const marks = cells.get(key);
    if (marks) marks.push(mark);
    else cells.set(key, [mark]);
  }
  return [...cells.values()].flatMap((marks) => {
    const { competitor, aspect } = marks[0]!;
    return panelFullWithout(state, expertId, marks) ? [{ competitor, aspect }] : [];
  });
}

/**
 * What an expert's tablet shows: its sub-criteria, the competitors it may mark, its own marks, its
 * team's measurement marks and, per blind judgement, the panel's scores where it has scored. REST and Socket.IO both send this.
 */
export async function expertView(runtime: CompetitionRuntime, expertId: string, role: ExpertRole) {
  const state = runtime.state;
  const trainee = role === 'trainee';
  const scheme = runtime.context.competition.scheme as MarkingScheme;
  // A trainee shadows every judgement sub-criterion and joins no panel (docs/judge-analytics.md).
  const mine = new Set(
    trainee
      ? scheme.criteria
          .flatMap((criterion) => criterion.subCriteria)
          .filter((sub) => sub.aspects.some((aspect) => aspect.type === 'J'))
          .map((sub) => sub.id)
      : [...state.panels].filter(([, experts]) => experts.includes(expertId)).map(([sub]) => sub),
  );
  const barred = await runtime.barredCompetitors(expertId);
  const statusOf = new Map(state.scoring.rankingRows().map((row) => [row.competitor, row.status]));
  const competitors = [...state.people]
    .filter(([id]) => !barred.has(id))
    .map(([id, person]) => ({
      id,
      name: person.name,
      collegeId: person.collegeId ?? null,
      regionId: person.regionId,
      status: statusOf.get(id) ?? 'active',
    }));
  const counting = state.scoring.snapshot().marks.filter(counts);
  const marks = trainee
    ? state.trainees.current(expertId).map(({ id, competitor, aspect, score, at }) => ({
        id,
        competitor,
        aspect,
        value: { kind: 'judgement' as const, score },
        at,
      }))
    : counting
        .filter((mark) => mark.expert === expertId)
        .map(({ id, competitor, aspect, value, at }) => ({ id, competitor, aspect, value, at }));
  const teamMarks = counting
    .filter(
      (mark) =>
        !trainee &&
        mark.expert !== expertId &&
        !barred.has(mark.competitor) &&
        mine.has(teamAspectSubCriterion(state, mark.aspect) ?? ''),
    )
    .map(({ id, competitor, aspect, value, at, expert, supersedes }) => ({
      id,
      competitor,
      aspect,
      value,
      at,
      expert,
      supersedes,
    }));
  const teammates = new Set(
    [...state.panels].flatMap(([sub, experts]) => (mine.has(sub) ? experts : [])),
  );
  teammates.delete(expertId);
  return {
    competition: {
      id: runtime.id,
      skill: runtime.context.competition.skill,
      profileId: runtime.context.profile.id,
    },
    expert: { id: expertId, role, name: (await runtime.expertNames([expertId]))[0]?.name },
    criteria: scheme.criteria
      .map((criterion) => ({
        ...criterion,
        subCriteria: criterion.subCriteria
          .filter((sub) => mine.has(sub.id))
          .map((sub) =>
            trainee ? { ...sub, aspects: sub.aspects.filter((a) => a.type === 'J') } : sub,
          ),
      }))
      .filter((criterion) => criterion.subCriteria.length > 0),
    locks: state.scoring.lockState().filter((lock) => mine.has(lock.subCriterion)),
    competitors,
    marks,
    /** The team's measurement marks entered by the others, so nobody measures twice. */
    teamMarks,
    // A trainee scores beside the panel: a full panel never closes a cell to it, and it has no team.
    fullPanels: trainee ? [] : fullPanelsFor(state, expertId, counting, mine),
    team: trainee ? [] : await runtime.expertNames([...teammates]),
    // A trainee, once it has scored a cell, sees the panel's scores there as a judge would.
    revealedScores: marks.flatMap(({ competitor, aspect }) =>
      trainee
        ? panelScores(state, competitor, aspect)
        : (revealedScores(state, expertId, competitor, aspect) ?? []),
    ),
    rescoreRequests: state.rescore
      .pendingFor(expertId)
      .map(({ competitor, aspect, at, reason }) => ({ competitor, aspect, at, reason })),
  };
}

export type ExpertView = Awaited<ReturnType<typeof expertView>>;
