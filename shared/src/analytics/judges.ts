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

/** Almaty is UTC+5 all year (no daylight saving since 2024). */
export const almatyHour = (at: string): number => (new Date(at).getUTCHours() + 5) % 24;

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

function addTo(sums: Sums, value: number, sign: 1 | -1) {
  sums.n += sign;
  sums.sum += sign * value;
  sums.squares += sign * value * value;
}

function figure(sums: Sums): Figure {
  if (sums.n <= 0) return { n: 0, mean: 0, spread: 0 };
  const mean = sums.sum / sums.n;
  const variance = Math.max(0, sums.squares / sums.n - mean * mean);
  return { n: sums.n, mean: round(mean), spread: sums.n < 2 ? 0 : round(Math.sqrt(variance)) };
}

/** Four decimals: the figures are compared, summed and tested; the screen shows two. */
const round = (value: number) => Math.round(value * 10_000) / 10_000 + 0;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What one cell contributes to one judge. */
interface Contribution {
  judge: string;
  deviation: number;
  outlier: boolean;
  hour: number;
  group: string | undefined;
}

/** The contributions of one cell: each judge against the median of the others on it. */
export function cellContributions(
  cell: JudgedCell,
  groupOf: (competitor: string) => string | undefined,
  options: Pick<AnalyticsOptions, 'discrepancyThreshold' | 'hourOf'>,
): Contribution[] {
  if (cell.scores.length < 2) return [];
  const scores = cell.scores.map((s) => s.score);
  const spread = Math.max(...scores) - Math.min(...scores);
  const deviations = cell.scores.map(
    ({ score }, i) => score - median(scores.filter((_, j) => j !== i)),
  );
  const furthest = Math.max(...deviations.map(Math.abs));
  // Ties for the furthest are all outliers only when one side is alone: two against two is not.
  const furthestCount = deviations.filter((d) => Math.abs(d) === furthest).length;
  const discrepancy = spread > options.discrepancyThreshold;
  const group = groupOf(cell.competitor);
  return cell.scores.map(({ judge, at }, i) => ({
    judge,
    deviation: deviations[i]!,
    outlier:
      discrepancy && furthest > 0 && Math.abs(deviations[i]!) === furthest && furthestCount === 1,
    hour: options.hourOf(at),
    group,
  }));
}

interface JudgeSums {
  severity: Sums;
  exact: number;
  withinOne: number;
  outlier: number;
  byHour: Map<number, Sums>;
  byGroup: Map<string, Sums>;
}

/**
 * The running figures of every judge of one competition (or of many: cells are keyed by
 * competition too when the caller adds a prefix to `aspect`). `setCell` replaces a cell's earlier
 * contribution, so a re-score, a correction or a withdrawn score moves only what it changes.
 */
export class JudgeAnalytics {
  private readonly options: AnalyticsOptions;
  private readonly cells = new Map<string, Contribution[]>();
  private readonly judges = new Map<string, JudgeSums>();

  constructor(
    private readonly groupOf: (competitor: string) => string | undefined = () => undefined,
    options: Partial<AnalyticsOptions> = {},
  ) {
    this.options = { ...defaultAnalyticsOptions, ...options };
  }

  /** Adds a cell, or replaces the cell with the same competitor and aspect. */
  setCell(cell: JudgedCell): void {
    const key = `${cell.competitor}\u0000${cell.aspect}`;
    for (const old of this.cells.get(key) ?? []) this.apply(old, -1);
    const contributions = cellContributions(cell, this.groupOf, this.options);
    for (const contribution of contributions) this.apply(contribution, 1);
    if (contributions.length > 0) this.cells.set(key, contributions);
    else this.cells.delete(key);
  }

  private apply(contribution: Contribution, sign: 1 | -1) {
    let sums = this.judges.get(contribution.judge);
    if (!sums) {
      sums = {
        severity: emptySums(),
        exact: 0,
        withinOne: 0,
        outlier: 0,
        byHour: new Map(),
        byGroup: new Map(),
      };
      this.judges.set(contribution.judge, sums);
    }
    const { deviation } = contribution;
    addTo(sums.severity, deviation, sign);
    if (deviation === 0) sums.exact += sign;
    if (Math.abs(deviation) <= 1) sums.withinOne += sign;
    if (contribution.outlier) sums.outlier += sign;
    const hour = sums.byHour.get(contribution.hour) ?? emptySums();
    addTo(hour, deviation, sign);
    sums.byHour.set(contribution.hour, hour);
    if (contribution.group !== undefined) {
      const group = sums.byGroup.get(contribution.group) ?? emptySums();
      addTo(group, deviation, sign);
      sums.byGroup.set(contribution.group, group);
    }
  }

  /** One judge's figures (a judge with no shared cell has none). */
  judge(judge: string): JudgeFigures | undefined {
    const sums = this.judges.get(judge);
    if (!sums || sums.severity.n === 0) return undefined;
    const { minCells, severityBound, minGroupCells } = this.options;
    const severity = figure(sums.severity);
    const smallSample = severity.n < minCells;
    const flag =
      smallSample || Math.abs(severity.mean) < severityBound
        ? null
        : severity.mean > 0
          ? 'lenient'
          : 'severe';
    return {
      judge,
      cells: severity.n,
      severity,
      exact: round(sums.exact / severity.n),
      withinOne: round(sums.withinOne / severity.n),
      outlier: sums.outlier,
      flag,
      smallSample,
      byHour: [...sums.byHour]
        .filter(([, hour]) => hour.n > 0)
        .sort(([a], [b]) => a - b)
        .map(([hour, sums]) => ({ hour, ...figure(sums) })),
      byGroup: [...sums.byGroup]
        .filter(([, group]) => group.n >= minGroupCells)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([group, sums]) => ({ group, ...figure(sums) })),
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
