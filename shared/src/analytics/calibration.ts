/**
 * The calibration round: before real marking, the chief picks a few judgement aspects and a sample
 * piece of work; every judge scores it blind; when the chief closes the round, the spread per aspect
 * and each judge's distance from the others are shown, so the team discusses the descriptors.
 *
 * Calibration lives in its own log events (`calibration.opened`, `calibration.recorded`,
 * `calibration.closed`), which the scoring projection never reads, and on a pseudo-competitor
 * (`calibration-<n>`) that is never registered: it can reach no result and no board. Everything here
 * is pure: the server folds the log with `foldCalibration`, checks a command with the `check…`
 * functions and hands each reader only what it may see (`calibrationViewFor`). Design and worked
 * example: docs/judge-analytics.md.
 */
import { z } from 'zod';
import { judgeFigures, type AnalyticsOptions, type JudgeFigures, type JudgedCell } from './judges';

export const CALIBRATION_OPENED = 'calibration.opened';
export const CALIBRATION_RECORDED = 'calibration.recorded';
export const CALIBRATION_CLOSED = 'calibration.closed';
export const calibrationEventTypes = [
  CALIBRATION_OPENED,
  CALIBRATION_RECORDED,
  CALIBRATION_CLOSED,
] as const;

/** The chief's command to open a round: a sample's name and the judgement aspects to score. */
export const calibrationOpenSchema = z
  .object({
    sample: z.string().trim().min(1).max(80),
    aspects: z.array(z.string().min(1).max(40)).max(20),
  })
  .strict();

/** A judge's calibration score on one aspect of the open round (whole points 0-3). */
export const calibrationRecordSchema = z
  .object({
    aspect: z.string().min(1).max(40),
    value: z.number().int().min(0).max(3),
  })
  .strict();

export const calibrationOpenedData = z.object({
  round: z.number().int().min(1),
  sample: z.string(),
  aspects: z.array(z.string()),
});
export const calibrationRecordedData = z.object({
  round: z.number().int().min(1),
  aspect: z.string(),
  expert: z.string(),
  value: z.number().int().min(0).max(3),
});
export const calibrationClosedData = z.object({ round: z.number().int().min(1) });

export interface CalibrationScore {
  expert: string;
  value: number;
  at: string;
}

export interface CalibrationRound {
  round: number;
  /** The pseudo-competitor the sample is scored as; never registered. */
  competitor: string;
  sample: string;
  aspects: string[];
  openedAt: string;
  closedAt: string | null;
  /** Per aspect, each judge's latest score (a judge may change its mind while the round is open). */
  scores: Record<string, CalibrationScore[]>;
}

export interface CalibrationState {
  rounds: CalibrationRound[];
}

/** A log event as the fold needs it (the server's stored events fit). */
export interface CalibrationLogEvent {
  type: string;
  at: string;
  data: unknown;
}

export const calibrationCompetitor = (round: number): string => `calibration-${round}`;

/** The open round, if any (at most one is open at a time). */
export const openRound = (state: CalibrationState): CalibrationRound | undefined =>
  state.rounds.find((round) => round.closedAt === null);

/** Folds a competition's log (in order) into its calibration rounds; other events are skipped. */
export function foldCalibration(events: Iterable<CalibrationLogEvent>): CalibrationState {
  const rounds: CalibrationRound[] = [];
  for (const event of events) {
    if (event.type === CALIBRATION_OPENED) {
      const data = calibrationOpenedData.parse(event.data);
      // One round at a time: a second opening (two clicks racing) is not a round.
      if (rounds.some((r) => r.closedAt === null)) continue;
      rounds.push({
        round: data.round,
        competitor: calibrationCompetitor(data.round),
        sample: data.sample,
        aspects: [...data.aspects],
        openedAt: event.at,
        closedAt: null,
        scores: Object.fromEntries(data.aspects.map((aspect) => [aspect, []])),
      });
    } else if (event.type === CALIBRATION_RECORDED) {
      const data = calibrationRecordedData.parse(event.data);
      const round = rounds.find((r) => r.round === data.round);
      const list = round?.closedAt === null ? round.scores[data.aspect] : undefined;
      if (!list) continue; // not in an open round: it never counts, even in calibration
      const score = { expert: data.expert, value: data.value, at: event.at };
      const index = list.findIndex((s) => s.expert === data.expert);
      if (index >= 0) list[index] = score;
      else list.push(score);
    } else if (event.type === CALIBRATION_CLOSED) {
      const data = calibrationClosedData.parse(event.data);
      const round = rounds.find((r) => r.round === data.round);
      if (round && round.closedAt === null) round.closedAt = event.at;
    }
  }
  return { rounds };
}

/** A refusal's i18n key (under `calibration.error.`) with what it names. */
export interface CalibrationRefusal {
  key: 'alreadyOpen' | 'noAspects' | 'notJudgement' | 'noOpenRound' | 'aspectNotInRound';
  aspects?: string[];
}

/** Checks the chief's opening of a round: none open yet, at least one aspect, all judgement. */
export function checkCalibrationOpen(
  state: CalibrationState,
  aspects: readonly string[],
  isJudgement: (aspect: string) => boolean,
): CalibrationRefusal | null {
  if (openRound(state)) return { key: 'alreadyOpen' };
  if (aspects.length === 0) return { key: 'noAspects' };
  const wrong = aspects.filter((aspect) => !isJudgement(aspect));
  if (wrong.length > 0) return { key: 'notJudgement', aspects: wrong };
  return null;
}

/** Checks a judge's calibration score: a round is open and the aspect is in it. */
export function checkCalibrationRecord(
  state: CalibrationState,
  aspect: string,
): CalibrationRefusal | null {
  const round = openRound(state);
  if (!round) return { key: 'noOpenRound' };
  if (!round.aspects.includes(aspect)) return { key: 'aspectNotInRound', aspects: [aspect] };
  return null;
}

/** Spread of the judges' scores on one aspect of the sample. */
export interface AspectSpread {
  aspect: string;
  /** Number of scores it rests on. */
  n: number;
  scores: { expert: string; value: number }[];
  min: number | null;
  max: number | null;
  range: number | null;
  median: number | null;
}

export interface CalibrationFigures {
  round: number;
  sample: string;
  aspects: AspectSpread[];
  /** Each judge's distance from the others' median over the round's aspects (`judgeFigures`). */
  judges: JudgeFigures[];
}

const median = (sorted: readonly number[]): number | null => {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The round's figures: per aspect the scores side by side and their spread; per judge its deviation. */
export function calibrationFigures(
  round: CalibrationRound,
  options: Partial<AnalyticsOptions> = {},
): CalibrationFigures {
  const aspects = round.aspects.map((aspect): AspectSpread => {
    const scores = [...(round.scores[aspect] ?? [])]
      .sort((a, b) => (a.expert < b.expert ? -1 : a.expert > b.expert ? 1 : 0))
      .map(({ expert, value }) => ({ expert, value }));
    const values = scores.map((s) => s.value).sort((a, b) => a - b);
    const min = values.length ? values[0]! : null;
    const max = values.length ? values[values.length - 1]! : null;
    return {
      aspect,
      n: values.length,
      scores,
      min,
      max,
      range: min === null || max === null ? null : max - min,
      median: median(values),
    };
  });
  const cells: JudgedCell[] = round.aspects.map((aspect) => ({
    competitor: round.competitor,
    aspect,
    scores: (round.scores[aspect] ?? []).map((s) => ({
      judge: s.expert,
      score: s.value,
      at: s.at,
    })),
  }));
  // A calibration sample has a few cells only: every judge is a small sample, which is the point of
  // the note beside each figure; the flag needs no more cells than the round holds.
  const judges = judgeFigures(cells, undefined, {
    minCells: Math.max(1, cells.length),
    ...options,
  });
  return { round: round.round, sample: round.sample, aspects, judges };
}

/** What one reader sees of a round: a judge sees only its own scores until the round is closed. */
export interface CalibrationView {
  round: number;
  sample: string;
  aspects: string[];
  open: boolean;
  /** The reader's own scores, per aspect. */
  mine: Record<string, number>;
  /** Only once the round is closed (or for the chief's side, always): the figures. */
  figures: CalibrationFigures | null;
}

/**
 * The latest round as `expert` may see it: while open, its own scores only (blind); once closed,
 * the figures too. `staff` (chief, deputy, organiser) see the figures of a closed round and, while
 * open, how many scores each aspect holds, through `figures` with the scores kept.
 */
export function calibrationViewFor(
  state: CalibrationState,
  reader: { expert: string } | { staff: true },
): CalibrationView | null {
  const round = state.rounds[state.rounds.length - 1];
  if (!round) return null;
  const open = round.closedAt === null;
  const mine: Record<string, number> = {};
  if ('expert' in reader) {
    for (const aspect of round.aspects) {
      const own = round.scores[aspect]?.find((s) => s.expert === reader.expert);
      if (own) mine[aspect] = own.value;
    }
  }
  const seesFigures = 'staff' in reader || !open;
  return {
    round: round.round,
    sample: round.sample,
    aspects: [...round.aspects],
    open,
    mine,
    figures: seesFigures ? calibrationFigures(round) : null,
  };
}
