import type { TraineeScore } from '@ashyq/shared';
import { z } from 'zod';

/**
 * Trainee (shadow) judges' scores (docs/judge-analytics.md). They live in the log as
 * `trainee.scored` events, which the scoring engine never reads: they count nowhere, fill no
 * panel, open no discrepancy and reach no board. This book keeps them beside the engine's state
 * so that a resent score is recognised and the analytics read them without the log.
 */
export const TRAINEE_SCORED = 'trainee.scored';

export const traineeScoredSchema = z.object({
  mark: z.object({
    id: z.string(),
    competitor: z.string(),
    aspect: z.string(),
    score: z.number().int().min(0).max(3),
  }),
});
export type TraineeScored = z.infer<typeof traineeScoredSchema>;

/** One stored score: the event's mark, who gave it and when. */
export interface TraineeMark {
  id: string;
  trainee: string;
  competitor: string;
  aspect: string;
  score: number;
  at: string;
}

export const traineeMarkSchema = z.object({
  id: z.string(),
  trainee: z.string(),
  competitor: z.string(),
  aspect: z.string(),
  score: z.number(),
  at: z.string(),
});

export class TraineeBook {
  private readonly byId = new Map<string, TraineeMark>();
  /** `trainee|competitor|aspect` -> the latest score there (a later score replaces an earlier). */
  private readonly latest = new Map<string, TraineeMark>();

  constructor(marks: readonly TraineeMark[] = []) {
    for (const mark of marks) this.add(mark);
  }

  add(mark: TraineeMark): void {
    if (this.byId.has(mark.id)) return;
    this.byId.set(mark.id, mark);
    this.latest.set(`${mark.trainee}|${mark.competitor}|${mark.aspect}`, mark);
  }

  get(id: string): TraineeMark | undefined {
    return this.byId.get(id);
  }

  /** Every trainee's current score on every cell it scored. */
  current(trainee?: string): TraineeMark[] {
    const all = [...this.latest.values()];
    return trainee === undefined ? all : all.filter((mark) => mark.trainee === trainee);
  }

  /** The current scores as the analytics take them. */
  scores(): TraineeScore[] {
    return this.current().map(({ trainee, competitor, aspect, score, at }) => ({
      trainee,
      competitor,
      aspect,
      score,
      at,
    }));
  }

  /** Every stored score, in the order they came: what a snapshot keeps. */
  list(): TraineeMark[] {
    return [...this.byId.values()];
  }
}
