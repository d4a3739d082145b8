import { z } from 'zod';
import {
  adjustmentSchema,
  advancementDecisionSchema,
  advancementRulesSchema,
  type AdvancementStatus,
} from '../advancement/rules';
import type { AdvancementCandidate, AdvancementTie, TeamCount } from '../advancement/propose';
import {
  championshipSchema,
  collegeSchema,
  competitionSchema,
  competitorSchema,
  expertSchema,
  idSchema,
  isoDateSchema,
  localizedSchema,
  personNameSchema,
  publicationSchema,
  type ExpertRole,
  type Localized,
} from '../domain/entities';
import type {
  ExpertChampionshipFigures,
  ExpertCompetitionFigures,
} from '../analytics/championship';
import { ceremonyModeSchema, type CeremonyState } from '../boards/ceremony';
import type { Medal } from '../scoring/medals';
import { binSchema } from '../identifiers/bin';
import type { SchemeReport } from '../scheme/analysis';
import { schemeEditSchema } from '../scheme/edit';
import { reasonTextSchema } from '../scoring/events';
import type { SchemeWarning, WorkbookReading } from '../scheme/reading';
import type { ImportWarning } from './exam';
import { regionIdSchema } from '../reference/regions';
import type { ChampionshipStatus } from '../reference/championship';

/**
 * The organiser console's API (`/api/organiser/*`): what each request may carry (the server parses
 * with these schemas) and what each reply holds (the server checks with `satisfies`, the client
 * reads through the types).
 */

/** POST /api/organiser/championships. */
export const championshipInputSchema = championshipSchema
  .omit({ createdAt: true })
  .extend({
    hostRegionId: regionIdSchema,
    /** Defaults to the rules profile's `publicationDefault`. */
    publication: publicationSchema.optional(),
  })
  .strict();
export type ChampionshipInput = z.infer<typeof championshipInputSchema>;

/**
 * PATCH /api/organiser/championships/:id. `venue: null` clears the venue; `publication` is replaced
 * whole, so one without `freezeAt` clears it.
 */
export const championshipPatchSchema = championshipInputSchema
  .omit({ id: true })
  .extend({ venue: championshipSchema.shape.venue.unwrap().nullable() })
  .partial()
  .strict();
export type ChampionshipPatch = z.infer<typeof championshipPatchSchema>;

/** POST /api/organiser/championships/:id/competitions. */
export const competitionInputSchema = z.strictObject({
  id: idSchema,
  skill: z.strictObject({ number: z.string().trim().min(1).max(10), name: localizedSchema }),
  /** Defaults to the championship's profile. */
  profileId: z.string().optional(),
  publication: publicationSchema.optional(),
});
export type CompetitionInput = z.infer<typeof competitionInputSchema>;

/**
 * PATCH /api/organiser/competitions/:id. `publication: null` drops the competition's own policy: it
 * follows the championship's again.
 */
export const competitionPatchSchema = competitionInputSchema
  .omit({ id: true })
  .extend({ publication: publicationSchema.nullable() })
  .partial()
  .strict();
export type CompetitionPatch = z.infer<typeof competitionPatchSchema>;

/** POST /api/organiser/colleges. */
export const collegeInputSchema = z.strictObject({
  id: idSchema,
  name: localizedSchema,
  bin: binSchema.optional(),
  regionId: regionIdSchema,
});

type Championship = z.infer<typeof championshipSchema>;
type Competitor = z.infer<typeof competitorSchema>;
type Expert = z.infer<typeof expertSchema>;
type Competition = z.infer<typeof competitionSchema>;
type College = z.infer<typeof collegeSchema>;

/** A competition in a list: its scheme's version, not the scheme. */
export type ListedCompetition = Omit<Competition, 'scheme'> & { hasScheme: boolean };

/** GET /api/organiser/championships. */
export interface ChampionshipsReply {
  championships: (Championship & { status: ChampionshipStatus })[];
}
/** POST and PATCH /api/organiser/championships[/:id]. */
export interface ChampionshipReply {
  championship: Championship;
}
/** GET /api/organiser/championships/:id. */
export interface ChampionshipDetailReply {
  championship: Championship;
  competitions: ListedCompetition[];
}
/** GET /api/organiser/competitions/:id: `marked` once the log holds a mark (profile and scheme frozen). */
export interface CompetitionDetailReply {
  competition: Competition;
  marked: boolean;
}
/** POST /api/organiser/championships/:id/competitions (the whole record), PATCH (listed). */
export interface CompetitionReply {
  competition: Competition | ListedCompetition;
}
/** GET /api/organiser/colleges. */
export interface CollegesReply {
  colleges: College[];
}
export interface CollegeReply {
  college: College;
}

/** POST /api/organiser/championships/:id/advancement/proposal. */
export const advancementProposalInputSchema = z.strictObject({
  rules: advancementRulesSchema,
  adjustments: z.array(adjustmentSchema).max(2000).default([]),
});
export type AdvancementProposalInput = z.input<typeof advancementProposalInputSchema>;

/** POST /api/organiser/championships/:id/advancement/apply. */
export const advancementApplyInputSchema = advancementProposalInputSchema.extend({
  targetChampionshipId: idSchema,
});
export type AdvancementApplyInput = z.input<typeof advancementApplyInputSchema>;

/** POST /api/organiser/championships/:id/clone. */
export const championshipCloneInputSchema = z.strictObject({
  id: idSchema,
  name: localizedSchema.optional(),
  season: z.number().int().min(2000).max(2100),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
});
export type ChampionshipCloneInput = z.infer<typeof championshipCloneInputSchema>;

export interface ChampionshipCloneReply {
  championship: Championship;
  competitions: string[];
}

type PersonName = z.infer<typeof personNameSchema>;

/** One competitor in a proposal, named for the organiser's screen (never by IIN). */
export interface ProposedEntry extends AdvancementCandidate {
  status: AdvancementStatus;
  team: string;
  reason?: string;
  name?: PersonName | null;
  skillName?: string;
}

/** The proposal's reply. */
export interface AdvancementProposalReply {
  entries: ProposedEntry[];
  ties: AdvancementTie[];
  teams: TeamCount[];
  unmatched: z.infer<typeof adjustmentSchema>[];
  ready: boolean;
}

/** The apply's reply: who was created where, and how many were in the target already. */
export interface AdvancementApplyReply {
  advancementId: string;
  created: {
    id: string;
    competitionId: string;
    advancedFrom?: { competitionId: string; competitorId: string };
  }[];
  alreadyRegistered: number;
}

type Named<T> = T & { name: PersonName | null };
type Decision = z.infer<typeof advancementDecisionSchema>;

/** GET /api/organiser/championships/:id/advancements: newest first, each competitor named. */
export interface AdvancementHistoryReply {
  advancements: (Omit<Decision, 'sent' | 'adjustments'> & {
    sent: Named<Decision['sent'][number]>[];
    adjustments: Named<Decision['adjustments'][number]>[];
  })[];
}

/** GET /api/organiser/championships/:id/judges: a competition of the championship, as the report names it. */
export interface JudgedCompetition {
  id: string;
  skillNumber: string;
  skillName: Localized;
}

export interface ChampionshipJudgesReport {
  championshipId: string;
  championshipName: Localized;
  competitions: JudgedCompetition[];
  experts: (Omit<ExpertChampionshipFigures, 'person' | 'competitions'> & {
    /** The person: the id of its first expert record (ids are unique across competitions), never its IIN. */
    key: string;
    name: string;
    competitions: (ExpertCompetitionFigures & { role: ExpertRole })[];
  })[];
}

/**
 * GET /api/organiser/competitions/:id/competitors and .../experts: the people registered, with their
 * IINs (organisers in scope register them).
 */
export interface CompetitorsReply {
  competitors: Competitor[];
}
export interface ExpertsReply {
  experts: Expert[];
}

/** POST .../competitors/import and .../experts/import: all stored, with the file's warnings. */
export type PeopleImportReply = { imported: number; warnings: ImportWarning[] } & (
  { competitors: Competitor[] } | { experts: Expert[] }
);

/** POST /api/organiser/competitions/:id/ceremony: starts the reveal in a mode. */
export const ceremonyStartInputSchema = z.strictObject({ mode: ceremonyModeSchema });
export type CeremonyStartInput = z.input<typeof ceremonyStartInputSchema>;

/** POST /api/organiser/competitions/:id/ceremony/step: an absolute step, or one step forward or back. */
export const ceremonyStepInputSchema = z.union([
  z.strictObject({ to: z.number().int().min(0) }),
  z.strictObject({ move: z.enum(['next', 'back']) }),
]);
export type CeremonyStepInput = z.input<typeof ceremonyStepInputSchema>;

/**
 * GET, POST /api/organiser/competitions/:id/ceremony and POST .../step: the reveal as it stands,
 * null before it starts (DELETE ends it and answers nothing).
 */
export interface CeremonyReply {
  ceremony: CeremonyState | null;
}

/**
 * PUT /api/organiser/competitions/:id/scheme (the CIS workbook as the body): the import's report;
 * with `?dryRun=true` nothing is kept (`accepted: false`) and the version stays.
 */
export interface SchemeImportReply {
  schemeVersion: number;
  accepted?: false;
  report: SchemeReport;
  reading: WorkbookReading;
  warnings: SchemeWarning[];
}

/** PATCH /api/organiser/competitions/:id/scheme: small changes in place; a reason once marked. */
export const schemeEditInputSchema = z.strictObject({
  edits: z.array(schemeEditSchema).min(1).max(500),
  reason: reasonTextSchema.optional(),
});
export type SchemeEditInput = z.input<typeof schemeEditInputSchema>;
export interface SchemeEditReply {
  schemeVersion: number;
  report: SchemeReport;
  schemeEdits: Competition['schemeEdits'];
}

/** One competitor in a championship report row: names resolved, never the IIN. */
export interface ChampionshipReportRow {
  competitionId: string;
  skillNumber: string;
  skillName: string;
  competitorId: string;
  name: PersonName | null;
  regionId: string;
  collegeId: string | null;
  /** Null for a competitor without a place (a guest, absent or withdrawn). */
  position: number | null;
  medal: Medal | null;
  medallion: boolean;
  /** The rounded raw total (not scaled). */
  total: number;
  percent: number;
}

/**
 * GET /api/organiser/championships/:id/best-of-delegation?team=region|college: each delegation's
 * best competitors across competencies (several when equal).
 */
export interface BestOfDelegationReply {
  team: 'region' | 'college';
  delegations: { team: string; best: ChampionshipReportRow[] }[];
}
