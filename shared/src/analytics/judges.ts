/**
 * Judge analytics: how each judge of a panel marks judgement aspects, measured against the other
 * judges on the same cells. Pure and incremental: a cell (one competitor on one judgement aspect,
 * with the current score of every judge who scored it) is added, replaced or removed, and every
 * judge's figures follow without a recompute. The figures never change a result: they read the
 * scores, they do not trim or normalise them. Formulas and a worked example: docs/judge-analytics.md.
 */

/** One competitor on one judgement aspect: every judge's current score. */
export interface JudgedCell {
  competitor: string;
  aspect: string;
  scores: readonly { judge: string; score: number; at: string }[];
  /** This cell's discrepancy threshold when it differs from the options' (cells of many rules profiles). */
  discrepancyThreshold?: number;
}

export interface AnalyticsOptions {
  /** |severity| at or beyond this, over at least `minCells` cells, is flagged (default 0.5). */
  severityBound: number;
  /** Fewer cells than this: the figures are shown greyed, without a flag (default 10). */
  minCells: number;
  /** A group (region, college) needs at least this many cells to be shown (default 5). */
  minGroupCells: number;
  /** The spread above which the panel's scores are a discrepancy (the profile's; default 1). */
  discrepancyThreshold: number;
  /** The hour of the day (local) of a score, for drift through the day. */
  hourOf: (at: string) => number;
}

/**
 * Almaty is UTC+5 all year (no daylight saving since 2024). The log's times are ISO strings in UTC
 * (`…T03:00:00.000Z`): their hour is read from the text, which a national recompute does for every
 * score; any other form is parsed.
 */
export const almatyHour = (at: string): number => {
  if (at.length >= 20 && at.charCodeAt(at.length - 1) === 90 && at.charCodeAt(10) === 84) {
    const tens = at.charCodeAt(11) - 48;
    const units = at.charCodeAt(12) - 48;
    if (tens >= 0 && tens <= 2 && units >= 0 && units <= 9) return (tens * 10 + units + 5) % 24;
  }
  return (new Date(at).getUTCHours() + 5) % 24;
};

export const defaultAnalyticsOptions: AnalyticsOptions = {
  severityBound: 0.5,
  minCells: 10,
  minGroupCells: 5,
  discrepancyThreshold: 1,
  hourOf: almatyHour,
};

/** A mean with its spread and the number of cells it rests on. */
export interface Figure {
  n: number;
  mean: number;
  /** Standard deviation (population); 0 for fewer than two cells. */
  spread: number;
}

export interface JudgeFigures {
  judge: string;
  /** Cells the judge scored together with at least one other judge. */
  cells: number;
  /** Mean signed distance from the median of the other judges: > 0 lenient, < 0 severe. */
  severity: Figure;
  /** Share of cells (0-1) where the judge's score equals the others' median, and within 1 of it. */
  exact: number;
  withinOne: number;
  /** Cells in discrepancy where this judge was the furthest from the others. */
  outlier: number;
  /** 'lenient' or 'severe' when |severity| ≥ the bound over enough cells; else null. */
  flag: 'lenient' | 'severe' | null;
  /** Fewer cells than `minCells`: shown greyed, never flagged. */
  smallSample: boolean;
  /** Severity per hour of the day the score was given, in hour order. */
  byHour: (Figure & { hour: number })[];
  /** Severity per group (region or college) of the competitors marked, where n ≥ minGroupCells. */
  byGroup: (Figure & { group: string })[];
}

interface Sums {
  n: number;
  sum: number;
  squares: number;
}

const emptySums = (): Sums => ({ n: 0, sum: 0, squares: 0 });

function figure(sums: Sums): Figure {
  if (sums.n <= 0) return { n: 0, mean: 0, spread: 0 };
  const mean = sums.sum / sums.n;
  const variance = Math.max(0, sums.squares / sums.n - mean * mean);
  return { n: sums.n, mean: round(mean), spread: sums.n < 2 ? 0 : round(Math.sqrt(variance)) };
}

/** Four decimals: the figures are compared, summed and tested; the screen shows two. */
const round = (value: number) => Math.round(value * 10_000) / 10_000 + 0;

/** Hours of the day: byHour keeps n, sum and squares of each hour side by side. */
const hours = 24;

/** One judge's running sums (plain numbers: an update allocates nothing). */
class JudgeSums implements Sums {
  n = 0;
  sum = 0;
  squares = 0;
  exact = 0;
  withinOne = 0;
  outlier = 0;
  /** [n, sum, squares] per hour of the day. */
  readonly byHour = new Float64Array(hours * 3);
  /** Sums per group index (see `JudgeAnalytics.groups`); holes are groups never marked. */
  readonly byGroup: (Sums | undefined)[] = [];

  constructor(readonly judge: string) {}
}

/**
 * A cell as it was given, kept so that a re-score can take its contribution back by computing it
 * again: nothing is stored per judge, so adding a cell allocates only this record. The group is
 * kept as it was, since a competitor's region or college may be corrected in between.
 */
interface CellRecord {
  cell: JudgedCell;
  /** Group index of the competitor, or -1. */
  group: number;
}

/** Scratch space for one cell's scores in order and each judge's deviation; grown if needed. */
let sorted = new Float64Array(8);
let deviations = new Float64Array(8);

/**
 * The median of the cell's scores without one occurrence of `value`: `sorted[0..n)` holds them all
 * in order, so the others are the same run with one element skipped and their median is read off
 * at a fixed position; no array is built per judge.
 */
function medianWithout(n: number, value: number): number {
  let skip = 0;
  while (sorted[skip] !== value) skip++;
  const m = n - 1;
  const middle = m >> 1;
  const upper = middle < skip ? sorted[middle]! : sorted[middle + 1]!;
  if (m % 2 === 1) return upper;
  const lower = middle - 1 < skip ? sorted[middle - 1]! : sorted[middle]!;
  return (lower + upper) / 2;
}

/**
 * The running figures of every judge of one competition (or of many: cells are keyed by
 * competition too when the caller adds a prefix to `aspect`). `setCell` replaces a cell's earlier
 * contribution, so a re-score, a correction or a withdrawn score moves only what it changes.
 * Each judge is compared with the median of the other judges on the cell (docs/judge-analytics.md).
 * A cell given is kept as it is: build a new one for a change rather than editing it in place.
 */
export class JudgeAnalytics {
  private readonly options: AnalyticsOptions;
  /** Competitor -> aspect -> the cell as last given. */
  private readonly cells = new Map<string, Map<string, CellRecord>>();
  private readonly judges = new Map<string, JudgeSums>();
  /** Group name -> index into each judge's `byGroup`. */
  private readonly groups = new Map<string, number>();
  private readonly groupNames: string[] = [];

  constructor(
    private readonly groupOf: (competitor: string) => string | undefined = () => undefined,
    options: Partial<AnalyticsOptions> = {},
  ) {
    this.options = { ...defaultAnalyticsOptions, ...options };
  }

  /** Adds a cell, or replaces the cell with the same competitor and aspect. */
  setCell(cell: JudgedCell): void {
    let byAspect = this.cells.get(cell.competitor);
    const old = byAspect?.get(cell.aspect);
    if (old) this.apply(old, -1);
    // A cell one judge scored alone compares nobody.
    if (cell.scores.length < 2) {
      if (old) byAspect!.delete(cell.aspect);
      return;
    }
    if (!byAspect) {
      byAspect = new Map();
      this.cells.set(cell.competitor, byAspect);
    }
    const groupName = this.groupOf(cell.competitor);
    const record: CellRecord = {
      cell,
      group: groupName === undefined ? -1 : this.groupIndex(groupName),
    };
    byAspect.set(cell.aspect, record);
    this.apply(record, 1);
  }

  /**
   * Adds (or takes back) what one cell gives each judge on it: the judge's score minus the median
   * of the others', and whether it alone was furthest from them in a discrepancy.
   */
  private apply({ cell, group }: CellRecord, sign: 1 | -1) {
    const { scores } = cell;
    const n = scores.length;
    if (sorted.length < n) {
      sorted = new Float64Array(n * 2);
      deviations = new Float64Array(n * 2);
    }
    // Insertion sort: a panel is 3-5 judges.
    for (let i = 0; i < n; i++) {
      const value = scores[i]!.score;
      let j = i;
      while (j > 0 && sorted[j - 1]! > value) {
        sorted[j] = sorted[j - 1]!;
        j--;
      }
      sorted[j] = value;
    }
    let furthest = 0;
    let furthestCount = 0;
    for (let i = 0; i < n; i++) {
      const score = scores[i]!.score;
      const deviation = score - medianWithout(n, score);
      deviations[i] = deviation;
      const distance = Math.abs(deviation);
      if (distance > furthest) {
        furthest = distance;
        furthestCount = 1;
      } else if (distance === furthest) {
        furthestCount++;
      }
    }
    // Ties for the furthest are all outliers only when one side is alone: two against two is not.
    const discrepancy =
      sorted[n - 1]! - sorted[0]! >
      (cell.discrepancyThreshold ?? this.options.discrepancyThreshold);
    const outliers = discrepancy && furthest > 0 && furthestCount === 1;
    for (let i = 0; i < n; i++) {
      const { judge, at } = scores[i]!;
      const sums = this.judgeSums(judge);
      const deviation = deviations[i]!;
      const weighted = sign * deviation;
      const squared = weighted * deviation;
      sums.n += sign;
      sums.sum += weighted;
      sums.squares += squared;
      if (deviation === 0) sums.exact += sign;
      if (deviation <= 1 && deviation >= -1) sums.withinOne += sign;
      if (outliers && Math.abs(deviation) === furthest) sums.outlier += sign;
      const hour = this.options.hourOf(at) * 3;
      sums.byHour[hour] += sign;
      sums.byHour[hour + 1] += weighted;
      sums.byHour[hour + 2] += squared;
      if (group >= 0) {
        const groupSums = (sums.byGroup[group] ??= emptySums());
        groupSums.n += sign;
        groupSums.sum += weighted;
        groupSums.squares += squared;
      }
    }
  }

  private judgeSums(judge: string): JudgeSums {
    let sums = this.judges.get(judge);
    if (!sums) {
      sums = new JudgeSums(judge);
      this.judges.set(judge, sums);
    }
    return sums;
  }

  private groupIndex(name: string): number {
    let index = this.groups.get(name);
    if (index === undefined) {
      index = this.groupNames.length;
      this.groups.set(name, index);
      this.groupNames.push(name);
    }
    return index;
  }

  /** One judge's figures (a judge with no shared cell has none). */
  judge(judge: string): JudgeFigures | undefined {
    const sums = this.judges.get(judge);
    if (!sums || sums.n === 0) return undefined;
    const { minCells, severityBound, minGroupCells } = this.options;
    const severity = figure(sums);
    const smallSample = severity.n < minCells;
    const flag =
      smallSample || Math.abs(severity.mean) < severityBound
        ? null
        : severity.mean > 0
          ? 'lenient'
          : 'severe';
    const byHour: JudgeFigures['byHour'] = [];
    for (let hour = 0; hour < hours; hour++) {
      const n = sums.byHour[hour * 3]!;
      if (n <= 0) continue;
      const sum = sums.byHour[hour * 3 + 1]!;
      const squares = sums.byHour[hour * 3 + 2]!;
      byHour.push({ hour, ...figure({ n, sum, squares }) });
    }
    const byGroup: JudgeFigures['byGroup'] = [];
    sums.byGroup.forEach((groupSums, index) => {
      if (groupSums && groupSums.n >= minGroupCells) {
        byGroup.push({ group: this.groupNames[index]!, ...figure(groupSums) });
      }
    });
    byGroup.sort((a, b) => a.group.localeCompare(b.group));
    return {
      judge,
      cells: severity.n,
      severity,
      exact: round(sums.exact / severity.n),
      withinOne: round(sums.withinOne / severity.n),
      outlier: sums.outlier,
      flag,
      smallSample,
      byHour,
      byGroup,
    };
  }

  /** Every judge's figures, by judge id. */
  all(): JudgeFigures[] {
    return [...this.judges.keys()]
      .sort()
      .map((judge) => this.judge(judge))
      .filter((figures): figures is JudgeFigures => figures !== undefined);
  }
}

/** The figures of a set of cells computed from scratch. */
export function judgeFigures(
  cells: readonly JudgedCell[],
  groupOf?: (competitor: string) => string | undefined,
  options: Partial<AnalyticsOptions> = {},
): JudgeFigures[] {
  const analytics = new JudgeAnalytics(groupOf, options);
  for (const cell of cells) analytics.setCell(cell);
  return analytics.all();
}
