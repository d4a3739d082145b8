import { z } from 'zod';
import type {
  LockBlocker,
  LockState,
  OpenDiscrepancy,
  ProgressCell,
  SubCriterionProgress,
} from '../scoring/views';
import type { RescoreRequest } from '../scoring/rescore';
import type { MarkingScheme } from '../scheme/schema';
import type { CompetitorStatus } from '../scoring/events';
import { idSchema, personNameSchema } from '../domain/entities';
import type { JudgeFigures } from '../analytics/judges';
import type {
  MeasurementCorrection,
  MeasurementFigures,
  RescoreFigures,
} from '../analytics/corrections';

/**
 * What the chief expert's console reads (`/api/chief/competitions/:id/*`, the `/chief` socket)
 * and the public log verification. Shapes computed by the scoring core are named by their shared
 * types; the rest are schemas.
 */

/** Text the server may send in one language or in all three. */
export const localizedTextSchema = z.union([
  z.string(),
  z.object({ kk: z.string().optional(), ru: z.string().optional(), en: z.string().optional() }),
]);
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** GET /api/chief/competitions/:id/overview, also pushed as `overview` on /chief. */
export const overviewSchema = z.object({
  competitionId: z.string(),
  progress: z.object({
    subCriteria: z.array(z.custom<SubCriterionProgress>()),
    marked: z.number(),
    required: z.number(),
  }),
  openDiscrepancies: z.array(z.custom<OpenDiscrepancy>()),
  locks: z.array(z.custom<LockState>()),
  blockers: z.record(z.string(), z.array(z.custom<LockBlocker>())),
  panels: z.record(z.string(), z.array(z.string())),
  conflicts: z.record(z.string(), z.array(z.string())),
  published: z.object({ at: z.string(), actor: z.string() }).nullable(),
  /** Where the results stand in their lifecycle (docs/results-lifecycle.md). */
  stage: z.enum(['marking', 'locked', 'final', 'correcting', 'corrected']),
  /** Unlocks after the first publication, with the chief's reason, oldest first. */
  corrections: z.array(
    z.object({ at: z.string(), actor: z.string(), subCriterion: z.string(), reason: z.string() }),
  ),
  head: z.object({ seq: z.number(), hash: z.string().nullable().optional() }),
  matrix: z.array(z.custom<ProgressCell>()),
  rescoreRequests: z.array(z.custom<RescoreRequest>()),
});
export type Overview = z.infer<typeof overviewSchema>;

const personNameOrText = z.union([z.string(), personNameSchema]);

export const rosterExpertSchema = z.object({
  id: z.string(),
  name: personNameOrText,
  role: z.string(),
  regionId: z.string(),
  collegeId: z.string().nullable(),
  employer: z.string().nullable(),
  credential: z.object({ active: z.boolean(), issuedAt: z.string().nullable() }),
});
export type RosterExpert = z.infer<typeof rosterExpertSchema>;

export const rosterCompetitorSchema = z.object({
  id: z.string(),
  name: personNameOrText,
  collegeId: z.string().nullable(),
  regionId: z.string(),
  status: z.custom<CompetitorStatus>(),
  guest: z.boolean(),
});
export type RosterCompetitor = z.infer<typeof rosterCompetitorSchema>;

/** GET /api/chief/competitions/:id/roster: the names behind the ids, never an IIN. */
export const rosterSchema = z.object({
  competition: z.object({
    id: z.string(),
    skill: z.object({ number: z.string(), name: localizedTextSchema }),
    profileId: z.string(),
    championshipId: z.string(),
  }),
  scheme: z.custom<MarkingScheme>(),
  experts: z.array(rosterExpertSchema),
  competitors: z.array(rosterCompetitorSchema),
  colleges: z.array(z.object({ id: z.string(), name: localizedTextSchema })),
});
export type Roster = z.infer<typeof rosterSchema>;

/** An event of the competition's log as the audit trail and the `events` push carry it. */
export const storedEventSchema = z.object({
  seq: z.number(),
  type: z.string(),
  actor: z.string(),
  at: z.string(),
  /** The event's payload as the log keeps it: any JSON, read field by field by its reader. */
  data: z.unknown(),
  hash: z.string(),
});
export type StoredEvent = z.infer<typeof storedEventSchema>;

/** GET /api/chief/competitions/:id/events: the latest matches before `before`, oldest first. */
export const eventPageSchema = z.object({
  events: z.array(storedEventSchema),
  /** Where the next page back ends; null when this page reaches the first match. */
  nextBefore: z.number().nullable(),
});
export type EventPage = z.infer<typeof eventPageSchema>;

/** GET /api/public/competitions/:id/log/verify. */
export const verificationSchema = z.object({
  ok: z.boolean(),
  events: z.number().optional(),
  checked: z.number().optional(),
  firstBadSeq: z.number().optional(),
  head: z.string().optional(),
  /** Why it failed: a break in the chain, or `snapshot_altered` / `state_mismatch` beside a sound one. */
  reason: z.string().optional(),
  snapshotSeq: z.number().nullable().optional(),
});
export type Verification = z.infer<typeof verificationSchema>;

/** The chief console's lock and unlock replies. */
export const locksReplySchema = z.object({ locks: z.array(z.custom<LockState>()) });
export type LocksReply = z.infer<typeof locksReplySchema>;

/** GET /api/chief/competitions/:id/judges: staff only (docs/judge-analytics.md). */
export interface JudgesReply {
  group: 'region' | 'college';
  head: number;
  judges: (JudgeFigures & { name: string; role: string })[];
  /** Trainees, each against the official panel only; never part of `judges` (docs/judge-analytics.md). */
  trainees: (JudgeFigures & { name: string })[];
  rescores: (RescoreFigures & { name: string })[];
  measurements: (Omit<MeasurementFigures, 'by' | 'corrections'> & {
    name: string;
    by: { expert: string; n: number; name: string }[];
    corrections: (MeasurementCorrection & { byName: string })[];
  })[];
}

/**
 * POST /api/chief/competitions/:id/conflicts: the expert must not mark the competitor. The reply
 * lists every competitor the expert is now in conflict with.
 */
export const conflictInputSchema = z.strictObject({ expertId: idSchema, competitorId: idSchema });
export type ConflictInput = z.input<typeof conflictInputSchema>;
export interface ConflictReply {
  expert: string;
  competitors: string[];
}
