import {
  CorrectionTracker,
  JudgeAnalytics,
  traineeFigures,
  type CorrectionFigures,
  type CorrectionLogEvent,
  type JudgeFigures,
  type JudgedCell,
} from '@ashyq/shared';
import type { Store } from '../store/port';
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
      scores: (scoring.currentMarks(result.competitor, code) ?? []).flatMap((record) =>
        record.value.kind === 'judgement'
          ? [{ judge: record.expert, score: record.value.score, at: record.at }]
          : [],
      ),
    })),
  );
}

/** A competitor's region or college, as the figures group the competitors marked. */
function groupingOf(runtime: CompetitionRuntime, grouping: JudgeGrouping) {
  const people = runtime.state.people;
  return (competitor: string) => {
    const person = people.get(competitor);
    return grouping === 'region' ? person?.regionId : person?.collegeId;
  };
}

/**
 * The judge figures of one competition, computed from its current marks (docs/judge-analytics.md).
 * Staff only: they name judges and compare them, which no public page or other judge may see.
 */
export function competitionJudgeFigures(
  runtime: CompetitionRuntime,
  grouping: JudgeGrouping,
): JudgeFigures[] {
  const analytics = new JudgeAnalytics(groupingOf(runtime, grouping), {
    discrepancyThreshold: runtime.context.profile.discrepancyThreshold,
  });
  for (const cell of judgedCells(runtime)) analytics.setCell(cell);
  return analytics.all();
}

/**
 * The trainees' figures of one competition: each trainee's current scores against the official
 * judges of each cell, never entering their figures (traineeFigures, docs/judge-analytics.md).
 */
export function competitionTraineeFigures(
  runtime: CompetitionRuntime,
  grouping: JudgeGrouping,
): JudgeFigures[] {
  return traineeFigures(
    judgedCells(runtime),
    runtime.state.trainees.scores(),
    groupingOf(runtime, grouping),
    { discrepancyThreshold: runtime.context.profile.discrepancyThreshold },
  );
}

const correctionTypes = new Set([
  'mark.recorded',
  'mark.superseded',
  'mark.withdrawn',
  'discrepancy.resolved',
  'rescore.requested',
]);

/** A competition's tracker, the seq it has read up to, and the scheme it read it with. */
interface Followed {
  index: CompetitionRuntime['state']['scoring']['index'];
  seq: number;
  tracker: CorrectionTracker;
  /** The catch-up in progress: two requests at once read each event once, in order. */
  reading: Promise<void>;
}

const followed = new WeakMap<CompetitionRuntime, Followed>();

/**
 * Re-scores asked and answered per judge, and measurements corrected by teammates
 * (docs/judge-analytics.md). Read from the log once and then followed: each request reads only
 * the events appended since the last one, so a console that asks again at every new mark does not
 * read the whole log each time. Staff only, like the judge figures.
 */
export async function competitionCorrectionFigures(
  runtime: CompetitionRuntime,
  store: Store,
): Promise<CorrectionFigures> {
  const index = runtime.state.scoring.index;
  let entry = followed.get(runtime);
  if (!entry || entry.index !== index) {
    const aspects = index.aspectByCode;
    const tracker = new CorrectionTracker((code) => {
      const aspect = aspects.get(code);
      if (!aspect) return undefined;
      return aspect.kind === 'judgement' ? 'judgement' : 'measurement';
    }, runtime.context.profile.discrepancyThreshold);
    entry = { index, seq: 0, tracker, reading: Promise.resolve() };
    followed.set(runtime, entry);
  }
  const current = entry;
  current.reading = current.reading.then(async () => {
    const head = runtime.head.seq;
    if (head <= current.seq) return;
    for await (const page of store.readPages(runtime.id, {
      fromSeq: current.seq + 1,
      toSeq: head,
    })) {
      for (const event of page) {
        if (!correctionTypes.has(event.type)) continue;
        // The log holds only events the engine accepted, checked against their schema on append.
        current.tracker.follow({
          ...(event.data as object),
          type: event.type,
          at: event.at,
          actor: event.actor,
        } as CorrectionLogEvent);
      }
    }
    current.seq = head;
  });
  await current.reading;
  return current.tracker.figures();
}
