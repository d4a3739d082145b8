import type { ScoringEvent } from '../scoring/events';
import type { MarkEntry } from '../scoring/marks';
import type { RescoreRequested } from '../scoring/rescore';

/**
 * Re-scores and corrections, read from a competition's log (docs/judge-analytics.md): per judge,
 * how many re-scores the chief asked of it, how many it answered and how often its answer changed
 * its score; per expert who entered measurements, how often a teammate corrected or withdrew one,
 * by whom and why. Pure: it reads the events in log order and changes nothing.
 */

/** The log events these figures read: the scoring events and the chief's re-score requests. */
export type CorrectionLogEvent =
  ScoringEvent | ({ type: 'rescore.requested'; at: string; actor: string } & RescoreRequested);

export interface RescoreFigures {
  judge: string;
  /** Re-score requests naming this judge. */
  asked: number;
  /** Requests it answered: a new score on the cell before the chief resolved it or asked again. */
  answered: number;
  /** Answers that changed its score (out of `answered`). */
  changed: number;
  /** Every time the judge replaced one of its own scores with a different one, asked or not. */
  ownChanges: number;
}

export interface MeasurementCorrection {
  competitor: string;
  aspect: string;
  at: string;
  /** Who corrected it (the expert of the replacing mark, or the actor of a withdrawal). */
  by: string;
  kind: 'corrected' | 'withdrawn';
  /** The reason written with a correction or withdrawal; null when a teammate re-entered it. */
  reason: string | null;
}

export interface MeasurementFigures {
  expert: string;
  /** Measurement marks this expert entered. */
  entered: number;
  /** Of those, how many another expert corrected or withdrew. */
  corrected: number;
  /** Its own later corrections of its own entries (not counted in `corrected`). */
  selfCorrected: number;
  /** Who corrected them, most corrections first. */
  by: { expert: string; n: number }[];
  /** Every teammate correction, in log order. */
  corrections: MeasurementCorrection[];
}

export interface CorrectionFigures {
  rescores: RescoreFigures[];
  measurements: MeasurementFigures[];
}

type AspectKind = 'judgement' | 'measurement';

const cellKey = (competitor: string, aspect: string) => `${competitor}\u0000${aspect}`;
const judgeKey = (competitor: string, aspect: string, judge: string) =>
  `${competitor}\u0000${aspect}\u0000${judge}`;

const scoreOf = (mark: MarkEntry) => (mark.value.kind === 'judgement' ? mark.value.score : null);

/**
 * The re-score and correction figures of one competition. `kindOf` says whether an aspect code is
 * judged or measured (unknown codes are skipped). Events must be in log order; events the engine
 * refused never reach the log, so each is taken as applied.
 */
export function correctionFigures(
  events: Iterable<CorrectionLogEvent>,
  kindOf: (aspect: string) => AspectKind | undefined,
): CorrectionFigures {
  const marks = new Map<string, MarkEntry>();
  /** The judge's current score per judgement cell; the current measurement per cell. */
  const currentJudgement = new Map<string, MarkEntry>();
  const currentMeasurement = new Map<string, MarkEntry>();
  /** Judge keys asked to score again and not answered yet, with their cell. */
  const pending = new Map<string, string>();

  const rescores = new Map<string, RescoreFigures>();
  const judge = (id: string) => {
    let figures = rescores.get(id);
    if (!figures) {
      figures = { judge: id, asked: 0, answered: 0, changed: 0, ownChanges: 0 };
      rescores.set(id, figures);
    }
    return figures;
  };
  const measurers = new Map<string, MeasurementFigures>();
  const measurer = (id: string) => {
    let figures = measurers.get(id);
    if (!figures) {
      figures = { expert: id, entered: 0, corrected: 0, selfCorrected: 0, by: [], corrections: [] };
      measurers.set(id, figures);
    }
    return figures;
  };

  const judged = (mark: MarkEntry, replaced: MarkEntry | undefined) => {
    const key = judgeKey(mark.competitor, mark.aspect, mark.expert);
    const before = currentJudgement.get(key);
    const changed = before !== undefined && scoreOf(before) !== scoreOf(mark);
    const figures = judge(mark.expert);
    if (changed) figures.ownChanges++;
    if (pending.delete(key)) {
      figures.answered++;
      if (changed) figures.changed++;
    }
    if (replaced)
      currentJudgement.delete(judgeKey(replaced.competitor, replaced.aspect, replaced.expert));
    currentJudgement.set(key, mark);
  };

  const measured = (
    mark: MarkEntry,
    replaced: MarkEntry | undefined,
    at: string,
    reason: string | null,
  ) => {
    const key = cellKey(mark.competitor, mark.aspect);
    const before = replaced ?? currentMeasurement.get(key);
    measurer(mark.expert).entered++;
    if (before) correctedMeasurement(before, mark.expert, at, 'corrected', reason);
    currentMeasurement.set(key, mark);
  };

  const correctedMeasurement = (
    entered: MarkEntry,
    by: string,
    at: string,
    kind: MeasurementCorrection['kind'],
    reason: string | null,
  ) => {
    const figures = measurer(entered.expert);
    if (by === entered.expert) {
      figures.selfCorrected++;
      return;
    }
    figures.corrected++;
    figures.corrections.push({
      competitor: entered.competitor,
      aspect: entered.aspect,
      at,
      by,
      kind,
      reason,
    });
  };

  for (const event of events) {
    switch (event.type) {
      case 'mark.recorded':
      case 'mark.superseded': {
        const { mark } = event;
        const replaced = event.type === 'mark.superseded' ? marks.get(event.markId) : undefined;
        marks.set(mark.id, mark);
        const kind = kindOf(mark.aspect);
        if (kind === 'judgement') judged(mark, replaced);
        else if (kind === 'measurement') {
          measured(
            mark,
            replaced,
            event.at,
            event.type === 'mark.superseded' ? event.reason : null,
          );
        }
        break;
      }
      case 'mark.withdrawn': {
        const mark = marks.get(event.markId);
        if (!mark) break;
        const kind = kindOf(mark.aspect);
        if (kind === 'judgement') {
          const key = judgeKey(mark.competitor, mark.aspect, mark.expert);
          if (currentJudgement.get(key) === mark) currentJudgement.delete(key);
        } else if (kind === 'measurement') {
          const key = cellKey(mark.competitor, mark.aspect);
          if (currentMeasurement.get(key) === mark) currentMeasurement.delete(key);
          correctedMeasurement(mark, event.actor, event.at, 'withdrawn', event.reason);
        }
        break;
      }
      case 'rescore.requested': {
        const cell = cellKey(event.competitor, event.aspect);
        // A new request on the same cell replaces the open one: everyone asked is pending again.
        for (const [key, at] of pending) if (at === cell) pending.delete(key);
        for (const expert of new Set(event.experts)) {
          judge(expert).asked++;
          pending.set(judgeKey(event.competitor, event.aspect, expert), cell);
        }
        break;
      }
      case 'discrepancy.resolved': {
        const cell = cellKey(event.competitor, event.aspect);
        for (const [key, at] of pending) if (at === cell) pending.delete(key);
        break;
      }
      default:
        break;
    }
  }

  for (const figures of measurers.values()) {
    const counts = new Map<string, number>();
    for (const { by } of figures.corrections) counts.set(by, (counts.get(by) ?? 0) + 1);
    figures.by = [...counts]
      .map(([expert, n]) => ({ expert, n }))
      .sort((a, b) => b.n - a.n || a.expert.localeCompare(b.expert));
  }
  const byId = <T>(map: Map<string, T>) => [...map.keys()].sort().map((id) => map.get(id)!);
  return { rescores: byId(rescores), measurements: byId(measurers) };
}
