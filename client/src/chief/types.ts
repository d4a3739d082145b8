import type {
  CompetitorStatus,
  LockBlocker,
  LockState,
  MarkingScheme,
  OpenDiscrepancy,
  PersonName,
  ProgressCell,
  RescoreRequest,
  ResultsRecord,
  ResultsStage,
  SubCriterionProgress,
} from '@ashyq/shared';

/** Text the server may send in one language or in all three. */
export type LocalizedText = string | { kk?: string; ru?: string; en?: string };

/** GET /api/chief/competitions/:id/overview, also pushed as `overview` on /chief. */
export interface Overview {
  competitionId: string;
  progress: { subCriteria: SubCriterionProgress[]; marked: number; required: number };
  openDiscrepancies: OpenDiscrepancy[];
  locks: LockState[];
  blockers: Record<string, LockBlocker[]>;
  panels: Record<string, string[]>;
  conflicts: Record<string, string[]>;
  published: { at: string; actor: string } | null;
  /** Where the results stand in their lifecycle (docs/results-lifecycle.md). */
  stage: ResultsStage;
  /** Unlocks after the first publication, with the chief's reason, oldest first. */
  corrections: ResultsRecord['corrections'];
  head: { seq: number; hash?: string };
  matrix: ProgressCell[];
  rescoreRequests: RescoreRequest[];
}

export interface RosterExpert {
  id: string;
  name: string | PersonName;
  role: string;
  regionId: string;
  collegeId: string | null;
  employer: string | null;
  credential: { active: boolean; issuedAt: string | null };
}

export interface RosterCompetitor {
  id: string;
  name: string | PersonName;
  collegeId: string | null;
  regionId: string;
  status: CompetitorStatus;
  guest: boolean;
}

/** GET /api/chief/competitions/:id/roster: the names behind the ids, never an IIN. */
export interface Roster {
  competition: {
    id: string;
    skill: { number: string; name: LocalizedText };
    profileId: string;
    championshipId: string;
  };
  scheme: MarkingScheme;
  experts: RosterExpert[];
  competitors: RosterCompetitor[];
  colleges: { id: string; name: LocalizedText }[];
}

/** An event of the competition's log as the audit trail and the `events` push carry it. */
export interface StoredEvent {
  seq: number;
  type: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
  hash: string;
}

/** GET /api/public/competitions/:id/log/verify. */
export interface Verification {
  ok: boolean;
  events?: number;
  checked?: number;
  firstBadSeq?: number;
  head?: string;
  /** Why it failed: a break in the chain, or `snapshot_altered` / `state_mismatch` beside a sound one. */
  reason?: string;
  snapshotSeq?: number | null;
}

/** A `discrepancy` push, kept with the time it arrived so the console can list recent alerts. */
export interface DiscrepancyAlert extends OpenDiscrepancy {
  receivedAt: number;
}
