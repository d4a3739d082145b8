import { z } from 'zod';
import { aspectCodeSchema } from '../scheme/schema';

/** What an expert enters for one aspect of one competitor. */
export const markValueSchema = z.discriminatedUnion('kind', [
  /** Judgement: one judge's score 0..3. */
  z.object({ kind: z.literal('judgement'), score: z.number().int().min(0).max(3) }),
  /** Binary measurement: achieved or not. */
  z.object({ kind: z.literal('binary'), achieved: z.boolean() }),
  /** Deduction measurement: the measured value. */
  z.object({ kind: z.literal('deduction'), measured: z.number().finite() }),
  /** Choice measurement: index of the chosen option. */
  z.object({ kind: z.literal('choice'), option: z.number().int().min(0) }),
]);

/** Client-generated ids make a retried send idempotent. */
export const markIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'mark id: 8-64 letters, digits, - or _');

export const markEntrySchema = z.object({
  id: markIdSchema,
  competitor: z.string().min(1).max(64),
  aspect: aspectCodeSchema,
  /** Expert id of the judge (judgement) or the entering expert (measurement). */
  expert: z.string().min(1).max(64),
  value: markValueSchema,
});

export type MarkValue = z.infer<typeof markValueSchema>;
export type MarkEntry = z.infer<typeof markEntrySchema>;

/**
 * One mark as a tablet sends it: the expert is taken from the session, so a body naming one is
 * refused (strict) rather than silently ignored.
 */
export const markInputSchema = z.strictObject(markEntrySchema.omit({ expert: true }).shape);

export const maxMarksPerBatch = 500;

/** A tablet's batch of marks, over REST (`POST /api/expert/marks`) or Socket.IO (`marks:record`). */
export const markBatchSchema = z.strictObject({
  marks: z.array(markInputSchema).min(1).max(maxMarksPerBatch),
});

export type MarkInput = z.infer<typeof markInputSchema>;
