import {
  JudgeAnalytics,
  type AnalyticsOptions,
  type JudgeFigures,
  type JudgedCell,
} from './judges';

/** A trainee's score on one cell (docs/judge-analytics.md): recorded, analysed, never counted. */
export interface TraineeScore {
  trainee: string;
  competitor: string;
  aspect: string;
  score: number;
  at: string;
}

/**
 * Each trainee's figures against the official panel: a cell gives a trainee what it would give a
 * judge scoring beside the panel (its score minus the median of the official judges' scores),
 * and nothing to anybody else. Every trainee is measured on its own, so no trainee enters an
 * official judge's or another trainee's reference; the official figures are computed without
 * any trainee at all (judgeFigures on the official cells).
 */
export function traineeFigures(
  official: readonly JudgedCell[],
  scores: readonly TraineeScore[],
  groupOf?: (competitor: string) => string | undefined,
  options: Partial<AnalyticsOptions> = {},
): JudgeFigures[] {
  const cells = new Map<string, JudgedCell>();
  for (const cell of official) cells.set(`${cell.competitor}|${cell.aspect}`, cell);
  const byTrainee = new Map<string, TraineeScore[]>();
  for (const score of scores) {
    const own = byTrainee.get(score.trainee);
    if (own) own.push(score);
    else byTrainee.set(score.trainee, [score]);
  }
  return [...byTrainee.keys()].sort().flatMap((trainee) => {
    const analytics = new JudgeAnalytics(groupOf, options);
    for (const score of byTrainee.get(trainee)!) {
      const cell = cells.get(`${score.competitor}|${score.aspect}`);
      // Nothing to compare with before an official judge has scored the cell.
      if (!cell || cell.scores.length === 0) continue;
      analytics.setCell({
        ...cell,
        scores: [...cell.scores, { judge: trainee, score: score.score, at: score.at }],
      });
    }
    const figures = analytics.judge(trainee);
    return figures ? [figures] : [];
  });
}
