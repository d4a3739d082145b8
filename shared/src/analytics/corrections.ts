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
  /**
   * Requests it answered: a new score on the cell while the request was open (until the chief
   * resolved the discrepancy or asked again, or the scores agreed within the threshold).
   */
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

export type AspectKind = 'judgement' | 'measurement';

const cellKey = (competitor: string, aspect: string) => `${competitor}\u0000${aspect}`;
const judgeKey = (competitor: string, aspect: string, judge: string) =>
  `${competitor}\u0000${aspect}\u0000${judge}`;

const scoreOf = (mark: MarkEntry) => (mark.value.kind === 'judgement' ? mark.value.score : null);

/**
 * The re-score and correction figures of one competition, followed event by event in log order
 * (`follow`), so that a live console reads only what was appended since it last asked.
 * `kindOf` says whether an aspect code is judged or measured (unknown codes are skipped). Events
 * the engine refused never reach the log, so each one followed is taken as applied.
 */
export class CorrectionTracker {
  private readonly marks = new Map<string, MarkEntry>();
  /** The judge's current score per judgement cell; the current measurement per cell. */
  private readonly currentJudgement = new Map<string, MarkEntry>();
  private readonly currentMeasurement = new Map<string, MarkEntry>();
  /** Judge keys asked to score again and not answered yet, with their cell. */
  private readonly pending = new Map<string, string>();
  private readonly rescores = new Map<string, RescoreFigures>();
  private readonly measurers = new Map<string, MeasurementFigures>();

  /** Each judgement cell's current score per judge, to see a discrepancy go away. */
  private readonly cellScores = new Map<string, Map<string, number>>();

  /**
   * `discrepancyThreshold` is the rules profile's: a request closes once the cell's current
   * scores are no further apart than it, as the server closes it.
   */
  constructor(
    private readonly kindOf: (aspect: string) => AspectKind | undefined,
    private readonly discrepancyThreshold = 1,
  ) {}

  private setScore(mark: MarkEntry, score: number | null): void {
    const cell = cellKey(mark.competitor, mark.aspect);
    let scores = this.cellScores.get(cell);
    if (!scores) {
      scores = new Map();
      this.cellScores.set(cell, scores);
    }
    if (score === null) scores.delete(mark.expert);
    else scores.set(mark.expert, score);
    let low = Infinity;
    let high = -Infinity;
    for (const value of scores.values()) {
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
    if (scores.size > 0 && high - low <= this.discrepancyThreshold) this.closeRequests(cell);
  }

  private judge(id: string): RescoreFigures {
    let figures = this.rescores.get(id);
    if (!figures) {
      figures = { judge: id, asked: 0, answered: 0, changed: 0, ownChanges: 0 };
      this.rescores.set(id, figures);
    }
    return figures;
  }

  private measurer(id: string): MeasurementFigures {
    let figures = this.measurers.get(id);
    if (!figures) {
      figures = { expert: id, entered: 0, corrected: 0, selfCorrected: 0, by: [], corrections: [] };
      this.measurers.set(id, figures);
    }
    return figures;
  }

  private judged(mark: MarkEntry, replaced: MarkEntry | undefined): void {
    const key = judgeKey(mark.competitor, mark.aspect, mark.expert);
    const before = this.currentJudgement.get(key);
    const changed = before !== undefined && scoreOf(before) !== scoreOf(mark);
    const figures = this.judge(mark.expert);
    if (changed) figures.ownChanges++;
    if (this.pending.delete(key)) {
      figures.answered++;
      if (changed) figures.changed++;
    }
    if (replaced) {
      this.currentJudgement.delete(judgeKey(replaced.competitor, replaced.aspect, replaced.expert));
    }
    this.currentJudgement.set(key, mark);
    this.setScore(mark, scoreOf(mark));
  }

  private measured(
    mark: MarkEntry,
    replaced: MarkEntry | undefined,
    at: string,
    reason: string | null,
  ): void {
    const key = cellKey(mark.competitor, mark.aspect);
    const before = replaced ?? this.currentMeasurement.get(key);
    this.measurer(mark.expert).entered++;
    if (before) this.correctedMeasurement(before, mark.expert, at, 'corrected', reason);
    this.currentMeasurement.set(key, mark);
  }

  private correctedMeasurement(
    entered: MarkEntry,
    by: string,
    at: string,
    kind: MeasurementCorrection['kind'],
    reason: string | null,
  ): void {
    const figures = this.measurer(entered.expert);
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
  }

  private closeRequests(cell: string): void {
    for (const [key, at] of this.pending) if (at === cell) this.pending.delete(key);
  }

  /** The next event of the log; any event type these figures do not read is passed over. */
  follow(event: CorrectionLogEvent): void {
    switch (event.type) {
      case 'mark.recorded':
      case 'mark.superseded': {
        const { mark } = event;
        const replaced =
          event.type === 'mark.superseded' ? this.marks.get(event.markId) : undefined;
        this.marks.set(mark.id, mark);
        const kind = this.kindOf(mark.aspect);
        if (kind === 'judgement') this.judged(mark, replaced);
        else if (kind === 'measurement') {
          const reason = event.type === 'mark.superseded' ? event.reason : null;
          this.measured(mark, replaced, event.at, reason);
        }
        break;
      }
      case 'mark.withdrawn': {
        const mark = this.marks.get(event.markId);
        if (!mark) break;
        const kind = this.kindOf(mark.aspect);
        if (kind === 'judgement') {
          const key = judgeKey(mark.competitor, mark.aspect, mark.expert);
          if (this.currentJudgement.get(key) === mark) {
            this.currentJudgement.delete(key);
            this.setScore(mark, null);
          }
        } else if (kind === 'measurement') {
          const key = cellKey(mark.competitor, mark.aspect);
          if (this.currentMeasurement.get(key) === mark) this.currentMeasurement.delete(key);
          this.correctedMeasurement(mark, event.actor, event.at, 'withdrawn', event.reason);
        }
        break;
      }
      case 'rescore.requested': {
        const cell = cellKey(event.competitor, event.aspect);
        // A new request on the same cell replaces the open one: everyone asked is pending again.
        this.closeRequests(cell);
        for (const expert of new Set(event.experts)) {
          this.judge(expert).asked++;
          this.pending.set(judgeKey(event.competitor, event.aspect, expert), cell);
        }
        break;
      }
      case 'discrepancy.resolved':
        this.closeRequests(cellKey(event.competitor, event.aspect));
        break;
      default:
        break;
    }
  }

  /** The figures so far: copies, sorted by id; `by` most corrections first. */
  figures(): CorrectionFigures {
    const ids = <T>(map: Map<string, T>) => [...map.keys()].sort().map((id) => map.get(id)!);
    return {
      rescores: ids(this.rescores).map((figures) => ({ ...figures })),
      measurements: ids(this.measurers).map((figures) => {
        const counts = new Map<string, number>();
        for (const { by } of figures.corrections) counts.set(by, (counts.get(by) ?? 0) + 1);
        return {
          ...figures,
          by: [...counts]
            .map(([expert, n]) => ({ expert, n }))
            .sort((a, b) => b.n - a.n || a.expert.localeCompare(b.expert)),
          corrections: figures.corrections.map((correction) => ({ ...correction })),
        };
      }),
    };
  }
}

/** The re-score and correction figures of a whole log at once (see `CorrectionTracker`). */
export function correctionFigures(
  events: Iterable<CorrectionLogEvent>,
  kindOf: (aspect: string) => AspectKind | undefined,
  discrepancyThreshold = 1,
): CorrectionFigures {
  const tracker = new CorrectionTracker(kindOf, discrepancyThreshold);
  for (const event of events) tracker.follow(event);
  return tracker.figures();
}
