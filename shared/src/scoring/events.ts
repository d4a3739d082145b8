import { z } from 'zod';
import { aspectCodeSchema, subCriterionIdSchema } from '../scheme/schema';
import { delegationKinds } from './conflicts';
import { markEntrySchema, markIdSchema, type MarkEntry } from './marks';

/**
 * The scoring events of one competition's log, as the projection consumes them. The store adds
 * seq and hashes around them; the server validates every event with `scoringEventSchema` before
 * it is appended, so replay trusts the types.
 */
export const competitorStatusSchema = z.enum(['active', 'absent', 'withdrawn']);
export type CompetitorStatus = z.infer<typeof competitorStatusSchema>;

const competitorIdSchema = z.string().min(1).max(64);

export const competitorEntrySchema = z.object({
  id: competitorIdSchema,
  /** Guests ("exclude from results") are scored and shown but take no position. */
  guest: z.boolean(),
  delegations: z.partialRecord(z.enum(delegationKinds), z.string().max(100)).optional(),
  status: competitorStatusSchema.optional(),
});
export type CompetitorEntry = z.infer<typeof competitorEntrySchema>;

/** Why a correction, unlock or resolution was made: shown in the log to everyone who audits it. */
export const reasonTextSchema = z.string().trim().min(1).max(500);

const envelope = {
  at: z.iso.datetime({ offset: true }),
  /** The user (expert, chief expert, organiser) who caused the event. */
  actor: z.string().min(1).max(64),
};

export const scoringEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('competitor.registered'),
    ...envelope,
    competitor: competitorEntrySchema,
  }),
  z.object({
    type: z.literal('competitor.status'),
    ...envelope,
    competitor: competitorIdSchema,
    status: competitorStatusSchema,
    reason: reasonTextSchema.optional(),
  }),
  z.object({ type: z.literal('mark.recorded'), ...envelope, mark: markEntrySchema }),
  /** A correction: the replacement takes the superseded mark's place; both stay in the history. */
  z.object({
    type: z.literal('mark.superseded'),
    ...envelope,
    markId: markIdSchema,
    mark: markEntrySchema,
    reason: reasonTextSchema,
  }),
  /** A mark entered in error: it stops counting and its place is unmarked again. */
  z.object({
    type: z.literal('mark.withdrawn'),
    ...envelope,
    markId: markIdSchema,
    reason: reasonTextSchema,
  }),
  z.object({
    type: z.literal('discrepancy.resolved'),
    ...envelope,
    competitor: competitorIdSchema,
    aspect: aspectCodeSchema,
    reason: reasonTextSchema,
  }),
  z.object({
    type: z.literal('subCriterion.locked'),
    ...envelope,
    subCriterion: subCriterionIdSchema,
  }),
  z.object({
    type: z.literal('subCriterion.unlocked'),
    ...envelope,
    subCriterion: subCriterionIdSchema,
    reason: reasonTextSchema,
  }),
  z.object({
    type: z.literal('subCriterion.signedOff'),
    ...envelope,
    subCriterion: subCriterionIdSchema,
    expert: z.string().min(1).max(64),
  }),
  z.object({ type: z.literal('results.published'), ...envelope }),
]);

export type ScoringEvent = z.infer<typeof scoringEventSchema>;
export type ScoringEventType = ScoringEvent['type'];
export type ScoringEventOf<T extends ScoringEventType> = Extract<ScoringEvent, { type: T }>;

/** Validates an event from outside (a socket payload, a stored log line). */
export function parseScoringEvent(input: unknown) {
  return scoringEventSchema.safeParse(input);
}

/** A resent event carries the same content under the same id. */
export function isSameMark(stored: MarkEntry, mark: MarkEntry): boolean {
  return (
    stored.competitor === mark.competitor &&
    stored.aspect === mark.aspect &&
    stored.expert === mark.expert &&
    sameFields(stored.value, mark.value)
  );
}

/** A resent registration carries the same competitor under the same id. */
export function isSameCompetitorEntry(a: CompetitorEntry, b: CompetitorEntry): boolean {
  return (
    a.id === b.id &&
    a.guest === b.guest &&
    (a.status ?? 'active') === (b.status ?? 'active') &&
    sameFields(a.delegations ?? {}, b.delegations ?? {})
  );
}

function sameFields(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  return (
    keys.length === Object.keys(right).filter((k) => right[k] !== undefined).length &&
    keys.every((k) => left[k] === right[k])
  );
}
