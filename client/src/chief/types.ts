import type { OpenDiscrepancy } from '@ashyq/shared';

/** The replies' shapes are the API contract's, in the shared package. */
export type {
  EventPage,
  LocalizedText,
  Overview,
  Roster,
  RosterCompetitor,
  RosterExpert,
  StoredEvent,
  Verification,
} from '@ashyq/shared';

/** A `discrepancy` push, kept with the time it arrived so the console can list recent alerts. */
export interface DiscrepancyAlert extends OpenDiscrepancy {
  receivedAt: number;
}
