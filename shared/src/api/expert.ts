import { z } from 'zod';
import { markValueSchema } from '../scoring/marks';
import { personNameSchema } from '../domain/entities';
import { criterionSchema } from '../scheme/schema';
import { localizedTextSchema } from './chief';

/**
 * What the expert's tablet and the server say to each other over REST
 * (`/api/expert/*`) and the `/expert` socket. The server's handlers check their replies against
 * these types; the client reads replies through them, never casting.
 */

/** The server's answer for one mark of a batch. */
export const markResultSchema = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type MarkResult = z.infer<typeof markResultSchema>;

/** POST /api/expert/marks. */
export const markBatchReplySchema = z.object({ results: z.array(markResultSchema) });
export type MarkBatchReply = z.infer<typeof markBatchReplySchema>;

/** POST /api/expert/corrections. */
export const correctionReplySchema = z.object({ result: markResultSchema });
export type CorrectionReply = z.infer<typeof correctionReplySchema>;

/** A sub-criterion's lock as the expert sees it. */
export const expertLockSchema = z.object({
  subCriterion: z.string(),
  locked: z.boolean(),
  signOffs: z.array(z.object({ expert: z.string() })),
});
export type ExpertLock = z.infer<typeof expertLockSchema>;

/** POST /api/expert/sign-off/:subCriterionId. */
export const signOffReplySchema = z.object({
  ok: z.literal(true),
  locks: z.array(expertLockSchema),
});
export type SignOffReply = z.infer<typeof signOffReplySchema>;

/** The panel's current scores for one judgement aspect of one competitor (view and `scores` push). */
export const revealedScoresSchema = z.object({
  competitor: z.string(),
  aspect: z.string(),
  scores: z.array(z.object({ expert: z.string().optional(), score: z.number() })),
  /** The server knows of resolutions, so its flag wins over the tablet's own reckoning. */
  discrepancy: z.boolean().optional(),
});
export type RevealedScores = z.infer<typeof revealedScoresSchema>;

/** A re-score the chief expert asked of this judge. */
export const expertRescoreSchema = z.object({
  competitor: z.string(),
  aspect: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
});
export type ExpertRescore = z.infer<typeof expertRescoreSchema>;

/** A measurement cell's mark entered by a teammate (in the view). */
export const teamMarkSchema = z.object({
  id: z.string(),
  competitor: z.string(),
  aspect: z.string(),
  value: markValueSchema,
  expert: z.string(),
  /** The mark it took the place of: this tablet's own, when the teammate measured again. */
  supersedes: z.string().optional(),
});
export type TeamMark = z.infer<typeof teamMarkSchema>;

/** A `team-marks` push: a cell as a teammate's entry left it; null once its mark no longer counts. */
export const teamMarkPushSchema = z.object({
  competitor: z.string(),
  aspect: z.string(),
  mark: teamMarkSchema
    .omit({ competitor: true, aspect: true })
    .extend({ at: z.string().optional() })
    .nullable(),
});
export type TeamMarkPush = z.infer<typeof teamMarkPushSchema>;

/** GET /api/expert/competition: the signed-in expert's view. */
export const expertViewSchema = z.object({
  competition: z.object({
    id: z.string(),
    profileId: z.string(),
    /** The skill marked, so the tablet says which competition it is signed in to. */
    skill: z.object({ number: z.string(), name: localizedTextSchema }).optional(),
  }),
  /** The signed-in expert; the name shows on the grid so a shared tablet says whose it is. */
  expert: z.object({ id: z.string(), role: z.string(), name: personNameSchema.optional() }),
  criteria: z.array(criterionSchema),
  locks: z.array(expertLockSchema),
  competitors: z.array(z.object({ id: z.string(), name: personNameSchema, status: z.string() })),
  marks: z.array(
    z.object({
      id: z.string(),
      competitor: z.string(),
      aspect: z.string(),
      value: markValueSchema,
    }),
  ),
  teamMarks: z.array(teamMarkSchema).optional(),
  team: z.array(z.object({ id: z.string(), name: personNameSchema })).optional(),
  fullPanels: z.array(z.object({ competitor: z.string(), aspect: z.string() })).optional(),
  revealedScores: z.array(revealedScoresSchema).optional(),
  rescoreRequests: z.array(expertRescoreSchema).optional(),
});
export type ExpertView = z.infer<typeof expertViewSchema>;
