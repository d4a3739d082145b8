import {
  correctionFigures,
  JudgeAnalytics,
  type CorrectionFigures,
  type CorrectionLogEvent,
  type JudgeFigures,
  type JudgedCell,
} from '@ashyq/shared';
import type { CompetitionRuntime } from './runtime';

/** How a competition's judge figures group the competitors marked: by region or by college. */
export type JudgeGrouping = 'region' | 'college';

/**
 * Every judgement cell of a running competition, from the engine's current marks: each judge's
 * current score (a re-score replaces the earlier one; a withdrawn score is gone). Guests count:
 * a judge marks them like anyone else.
 */
export function judgedCells(runtime: CompetitionRuntime): JudgedCell[] {
  const scoring = runtime.state.scoring;
  const judgement = scoring.index.aspects.filter(({ aspect }) => aspect.type === 'J');
  return scoring.results().flatMap((result) =>
    judgement.map(({ code }) => ({
      competitor: result.competitor,
      aspect: code,
      scores: (scoring.aspectState(result.competitor, code)?.current ?? []).flatMap((record) =>
        record.value.kind === 'judgement'
          ? [{ judge: record.expert, score: record.value.score, at: record.at }]
          : [],
      ),
    })),
  );
}

/**
 * The judge figures of one competition, computed from its current marks (docs/judge-analytics.md).
 * Staff only: they name judges and compare them, which no public page or other judge may see.
 */
export function competitionJudgeFigures(
  runtime: CompetitionRuntime,
  grouping: JudgeGrouping,
): JudgeFigures[] {
  const people = runtime.state.people;
  const groupOf = (competitor: string) => {
    const person = people.get(competitor);
    return grouping === 'region' ? person?.regionId : person?.collegeId;
  };
  const analytics = new JudgeAnalytics(groupOf, {
    discrepancyThreshold: runtime.context.profile.discrepancyThreshold,
  });
  for (const cell of judgedCells(runtime)) analytics.setCell(cell);
  return analytics.all();
}

const correctionTypes = new Set([
  'mark.recorded',
  'mark.superseded',
  'mark.withdrawn',
  'discrepancy.resolved',
  'rescore.requested',
]);

/**
 * Re-scores asked and answered per judge, and measurements corrected by teammates, read from the
 * competition's whole log (docs/judge-analytics.md). Staff only, like the judge figures.
 */
export async function competitionCorrectionFigures(
  runtime: CompetitionRuntime,
): Promise<CorrectionFigures> {
  const aspects = runtime.state.scoring.index.aspectByCode;
  const events: CorrectionLogEvent[] = [];
  for (const event of await runtime.events()) {
    if (!correctionTypes.has(event.type)) continue;
    // The log holds only events the engine accepted, checked against their schema on append.
    events.push({
      ...(event.data as object),
      type: event.type,
      at: event.at,
      actor: event.actor,
    } as CorrectionLogEvent);
  }
  return correctionFigures(events, (code) => {
    const aspect = aspects.get(code);
    if (!aspect) return undefined;
    return aspect.kind === 'judgement' ? 'judgement' : 'measurement';
  });
}
