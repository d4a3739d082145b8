import { z } from 'zod';
import { aspectCodeSchema, subCriterionIdSchema } from '../scheme/schema';
import { competitorEntrySchema, competitorStatusSchema, reasonTextSchema } from './events';
import { markEntrySchema, markIdSchema } from './marks';

/**
 * The projection's own state, JSON-serialisable, for the server's start-up snapshots: the
 * competitors, every mark record in arrival order (history included), resolutions, locks,
 * sign-offs and publication. Totals and standings are not stored; they are derived on restore.
 */
const stamp = { at: z.string(), actor: z.string() };

export const markRecordSchema = markEntrySchema.extend({
  ...stamp,
  supersedes: markIdSchema.optional(),
  reason: reasonTextSchema.optional(),
  supersededBy: markIdSchema.optional(),
  withdrawn: z.object({ reason: reasonTextSchema, ...stamp }).optional(),
});

export const projectionSnapshotSchema = z.object({
  format: z.literal(1),
  profile: z.string(),
  judgesPerAspect: z.number().int().min(1),
  /** Events applied so far (accepted or not); the server pairs it with the log's seq. */
  version: z.number().int().min(0),
  competitors: z.array(competitorEntrySchema.extend({ status: competitorStatusSchema })),
  marks: z.array(markRecordSchema),
  resolutions: z.array(
    z.object({
      competitor: z.string(),
      aspect: aspectCodeSchema,
      reason: reasonTextSchema,
      ...stamp,
    }),
  ),
  locks: z.array(
    z.object({
      subCriterion: subCriterionIdSchema,
      ...stamp,
      signOffs: z.array(z.object({ expert: z.string(), ...stamp })),
    }),
  ),
  published: z.object(stamp).nullable(),
});

export type ProjectionSnapshot = z.infer<typeof projectionSnapshotSchema>;
