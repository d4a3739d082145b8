import type { Localized, PersonName, PublicationPolicy } from '../domain/entities';
import type { CompetitorStatus } from '../scoring/events';
import type { Medal } from '../scoring/medals';
import type { TeamStanding } from '../scoring/teams';
import type { JsonOp } from './json-diff';

/**
 * The public board payloads, one definition for the server that sends them (HTTP and /board)
 * and the client that shows them. Public fields only: name, college, region; never an IIN.
 */

export type BoardView = 'public' | 'staff';

export interface BoardRow {
  position: number | null;
  competitor: string;
  name: PersonName | null;
  collegeId: string | null;
  /** The college's name, filled in where the board leaves the server. */
  college: Localized | null;
  regionId: string | null;
  guest: boolean;
  status: CompetitorStatus;
  /** Criterion id -> subtotal. */
  criteria: Record<string, number>;
  total: number;
  medal: Medal | null;
  medallion: boolean;
}

/** Where a ceremony reveal stands, as every board shows it. */
export interface CeremonyView {
  mode: CeremonyMode;
  step: number;
  steps: number;
  /** Competitors revealed by the latest step (highlighted on the boards). */
  latest: string[];
  /** Ranked competitors still hidden. */
  hidden: number;
}

/** A criterion as the boards head its column: public scheme data only. */
export interface BoardCriterion {
  id: string;
  name: string;
  max: number;
}

export interface Board {
  competitionId: string;
  championshipId: string;
  skill: { number: string; name: Localized };
  view: BoardView;
  policy: PublicationPolicy;
  /** The results are final (published and not reopened since): only then medals show. */
  published: boolean;
  /** Figures may still change: shown with a "provisional" label. */
  provisional: boolean;
  /** Where the results stand in their lifecycle (docs/results-lifecycle.md). */
  stage: ResultsStage;
  /** The latest re-publication after a correction (null unless the stage is `corrected`). */
  correctedAt: string | null;
  /** Sub-criteria locked, of all in the scheme: the `locked` policy's "n of m locked". */
  locked: { count: number; of: number };
  /** Sub-criteria whose marks the totals count (all of them unless the policy is `locked`). */
  counted: string[];
  /**
   * Criteria in scheme order with their name (as the marking scheme writes it) and maximum,
   * for the columns and the charts.
   */
  criteria: BoardCriterion[];
  progress: { marked: number; required: number };
  /** Null while an embargo hides the figures. */
  rows: BoardRow[] | null;
  /** Set when the public board stopped changing at the policy's freeze time. */
  frozenAt: string | null;
  /** Set while the organiser reveals the results step by step. */
  ceremony: CeremonyView | null;
}

export type CompetitionStatus = 'not_started' | 'marking' | 'locked' | 'published';

/** One competition on the championship overview. */
export interface CompetitionSummary {
  id: string;
  skill: { number: string; name: Localized };
  policy: PublicationPolicy;
  status: CompetitionStatus;
  /**
   * Percent of the competitor x aspect marks entered, and of the scheme's aspects whose
   * sub-criterion is locked.
   */
  markedPercent: number;
  lockedPercent: number;
  /** The marking day of the earliest sub-criterion not yet locked (null once all are). */
  day: number | null;
  /** What the public board shows, in the words every board uses. */
  label: BoardLabel;
  /** The public board's first place, when the policy shows figures. */
  leader: {
    competitor: string;
    name: PersonName | null;
    regionId: string | null;
    total: number;
  } | null;
}

export interface MedalTables {
  /** Some competition is not final yet: the table may still change. */
  provisional: boolean;
  /** Competitions whose medals are counted: final ones only. */
  counted: string[];
  regions: TeamStanding[];
  colleges: (TeamStanding & { name: Localized | null })[];
}

export interface ChampionshipOverview {
  championshipId: string;
  name: Localized;
  startsOn: string;
  endsOn: string;
  competitions: CompetitionSummary[];
  medals: MedalTables;
}

/** What /board pushes: a full snapshot, or the operations from one version to the next. */
export interface BoardSnapshotMessage<T> {
  room: string;
  epoch: string;
  version: number;
  data: T;
}

export interface BoardDiffMessage {
  room: string;
  epoch: string;
  from: number;
  version: number;
  ops: JsonOp[];
}

/** A competitor's page: its figures against the competition's best and median. */
export interface CompetitorDetail {
  competitionId: string;
  championshipId: string;
  skill: { number: string; name: Localized };
  policy: PublicationPolicy;
  published: boolean;
  provisional: boolean;
  competitor: Pick<BoardRow, 'competitor' | 'name' | 'college' | 'regionId'>;
  /** Null while the board shows no figures (embargo, or not yet revealed). */
  row: BoardRow | null;
  /** Per criterion: the competitor's subtotal, and the best and median of the ranked field. */
  criteria: (BoardCriterion & { value: number | null; best: number; median: number })[];
  /** The counted total after each marking day, for the progress line. */
  days: { day: number; total: number }[];
}

/**
 * A competition's results lifecycle (docs/results-lifecycle.md):
 * `marking` (some sub-criterion open) → `locked` (every sub-criterion locked and signed off by
 * its whole panel) → `final` (published) → after the chief unlocks a sub-criterion with a reason,
 * `correcting` (provisional again) → `corrected` once re-published.
 */
export type ResultsStage = 'marking' | 'locked' | 'final' | 'correcting' | 'corrected';

/**
 * What a board shows, in one phrase that the public board, the big screen, the overview and
 * the medal tables all use (the `board` namespace's `state.<key>`, filled with the params).
 */
export type BoardLabel =
  | { key: 'final' }
  | { key: 'corrected'; time: string }
  | { key: 'correcting' }
  | { key: 'live' }
  | { key: 'locked'; count: number; of: number }
  | { key: 'nothingLocked'; of: number }
  | { key: 'embargo' }
  | { key: 'frozen'; time: string };

/** `ascending`: from last place up; `medals`: everyone without a medal, then medal by medal. */
export const ceremonyModes = ['ascending', 'medals'] as const;
export type CeremonyMode = (typeof ceremonyModes)[number];
