import {
  fullName,
  shortName,
  type CompetitorStatus,
  type ExpertRole,
  type Localized,
} from '@ashyq/shared';
import type { CompetitionRuntime } from '../competitions/runtime';
import type { JsonObject } from '../events/canonical-json';
import type { Store } from '../store/port';
import { ReferenceRepository } from '../domain/reference';

/**
 * What a marks summary (the printed sheet the marking team signs after a lock, docs/scoring.md) shows
 * about one sub-criterion, read from the running competition: the engine's own figures, never a
 * second computation.
 */
export interface MarksSummaryView {
  competitionId: string;
  skill: { number: string; name: Localized };
  championship: Localized;
  subCriterion: { id: string; name: string; day: number };
  aspects: { code: string; type: 'M' | 'J'; maxMark: number; description: string }[];
  competitors: SummaryRow[];
  /** Null while the sub-criterion is not locked: the sheet is then a draft. */
  lock: { at: string; by: string } | null;
  /**
   * Every judge who scored a judgement aspect here: the panel in its order, then any who scored and
   * have since left it. The judges' scores table has a column for each, under its name.
   */
  judges: { expertId: string; shortName: string }[];
  /** The panel, then the chief expert, each with the time of an in-app sign-off. */
  signatories: { expertId: string; name: string; role: ExpertRole; signedOffAt: string | null }[];
}

export interface SummaryRow {
  id: string;
  name: string;
  status: CompetitorStatus;
  guest: boolean;
  /** Per aspect, in scheme order: the full-precision mark (null: unmarked) and judges' scores. */
  aspects: { code: string; mark: number | null; scores: JudgeScore[] | null }[];
  /** The sub-criterion total, rounded as the engine rounds it for display and documents. */
  total: number;
}

/** One judge's current score on a judgement aspect. */
export interface JudgeScore {
  expert: string;
  score: number;
}

export class UnknownSubCriterionError extends Error {}

export async function marksSummaryView(
  runtime: CompetitionRuntime,
  store: Store,
  subCriterionId: string,
): Promise<MarksSummaryView> {
  const { competition, championship } = runtime.context;
  const scoring = runtime.state.scoring;
  const indexed = scoring.index.subCriterionById.get(subCriterionId);
  if (!indexed) throw new UnknownSubCriterionError(subCriterionId);
  const sub = scoring.index.scheme.criteria
    .flatMap((criterion) => criterion.subCriteria)
    .find((candidate) => candidate.id === subCriterionId)!;
  const aspects = scoring.index.aspects.slice(indexed.firstAspect, indexed.endAspect);

  const panel = runtime.state.panels.get(subCriterionId) ?? [];
  const panelOrder = (expert: string) => {
    const at = panel.indexOf(expert);
    return at < 0 ? panel.length : at;
  };
  const competitors = scoring.results().map((result): SummaryRow => {
    const person = runtime.state.people.get(result.competitor);
    return {
      id: result.competitor,
      name: person ? fullName(person.name) : result.competitor,
      status: result.status,
      guest: result.guest,
      aspects: aspects.map(({ code, aspect }) => {
        const mark = result.aspects[code] ?? null;
        if (aspect.type !== 'J' || mark === null) return { code, mark, scores: null };
        // In the panel's order; a judge no longer on the panel comes last.
        const scores = (scoring.currentMarks(result.competitor, code) ?? [])
          .slice()
          .sort((a, b) => panelOrder(a.expert) - panelOrder(b.expert))
          .map((record) => ({
            expert: record.expert,
            score: record.value.kind === 'judgement' ? record.value.score : 0,
          }));
        return { code, mark, scores };
      }),
      total: result.subCriteria[subCriterionId] ?? 0,
    };
  });

  const experts = new Map(
    (await new ReferenceRepository(store).list('experts', { competitionId: competition.id })).map(
      (expert) => [expert.id, expert],
    ),
  );
  const lockState = scoring.lockState().find((state) => state.subCriterion === subCriterionId)!;
  const signedOff = new Map(lockState.signOffs.map((signOff) => [signOff.expert, signOff.at]));
  const chief = [...experts.values()].find((expert) => expert.role === 'chief');
  const signatoryIds = [...panel, ...(chief && !panel.includes(chief.id) ? [chief.id] : [])];
  // An organiser may lock too; the sheet then names the competition's chief expert.
  const lockedBy = experts.get(lockState.actor ?? '') ?? chief;
  const nameOf = (id: string) => {
    const expert = experts.get(id);
    return expert ? fullName(expert.name) : id;
  };

  const scored = new Set(
    competitors.flatMap((row) => row.aspects.flatMap((a) => a.scores ?? []).map((s) => s.expert)),
  );
  const judges = [...scored]
    .sort((a, b) => panelOrder(a) - panelOrder(b) || a.localeCompare(b))
    .map((expertId) => {
      const expert = experts.get(expertId);
      return { expertId, shortName: expert ? shortName(expert.name) : expertId };
    });

  return {
    competitionId: competition.id,
    skill: competition.skill,
    championship: championship.name,
    subCriterion: { id: sub.id, name: sub.name, day: sub.day },
    aspects: aspects.map(({ code, aspect }) => ({
      code,
      type: aspect.type,
      maxMark: aspect.maxMark,
      description: aspect.description,
    })),
    competitors,
    judges,
    lock:
      lockState.locked && lockState.at
        ? { at: lockState.at, by: lockedBy ? fullName(lockedBy.name) : '' }
        : null,
    signatories: signatoryIds.map((id) => ({
      expertId: id,
      name: nameOf(id),
      role: experts.get(id)?.role ?? 'expert',
      signedOffAt: signedOff.get(id) ?? null,
    })),
  };
}

/**
 * The shapes of the content a marks summary's verification covers. 1: judges' scores as bare
 * numbers in the panel's order (sheets issued before the scores were printed under each judge's
 * name); 2: each score with its judge. An issued sheet records its version, so it verifies against
 * the shape it was printed from for as long as the records say the same.
 */
export const marksSummaryContentVersions = [1, 2] as const;
export type MarksSummaryContentVersion = (typeof marksSummaryContentVersions)[number];
export const currentMarksSummaryContent: MarksSummaryContentVersion = 2;

/**
 * The figures the verification hash covers: who was marked and what every mark and total is.
 * Not the lock time or the sign-offs: a sheet printed before an expert signed in the app shows the
 * same figures as one printed after, and both must verify.
 */
export function marksSummaryContent(
  view: MarksSummaryView,
  version: MarksSummaryContentVersion = currentMarksSummaryContent,
): JsonObject {
  const scoresOf = (scores: JudgeScore[] | null) =>
    scores?.map(({ expert, score }) => (version === 1 ? score : { expert, score })) ?? null;
  return {
    competitionId: view.competitionId,
    subCriterion: view.subCriterion.id,
    aspects: view.aspects.map(({ code, maxMark }) => ({ code, maxMark })),
    competitors: view.competitors.map((row) => ({
      id: row.id,
      name: row.name,
      status: row.status,
      marks: row.aspects.map(({ code, mark, scores }) => ({
        code,
        mark,
        scores: scoresOf(scores),
      })),
      total: row.total,
    })),
  };
}
