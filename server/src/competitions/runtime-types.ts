import {
  ScoringError,
  type Championship,
  type Competition,
  type DelegationKind,
  type LockBlocker,
  type PublicationBlocker,
  type Rejection,
  type RulesProfile,
} from '@ashyq/shared';

/** A sub-criterion without judgement aspects still has a bounded panel of measuring experts. */
export const maxPanelSize = 50;

export type ItemStatus = 'accepted' | 'duplicate' | 'rejected';

/** The answer for one mark (or competitor) of a batch. */
export interface ItemResult {
  id: string;
  status: ItemStatus;
  reason?: Rejection['reason'];
  params?: Rejection['params'];
}

/** What the runtime reads from the documents when it is opened or refreshed. */
export interface RuntimeContext {
  competition: Competition;
  championship: Championship;
  profile: RulesProfile;
  compatriotKey: DelegationKind;
}

/** A lock refused because of what is still missing or disputed; carries the list. */
export class LockBlockedError extends ScoringError {
  constructor(
    subCriterion: string,
    readonly blockers: LockBlocker[],
  ) {
    super('lock_blocked', { subCriterion, count: blockers.length });
  }
}

/** A publication refused because sub-criteria are not locked or not signed off; carries the list. */
export class PublicationBlockedError extends ScoringError {
  constructor(readonly blockers: PublicationBlocker[]) {
    super('publication_blocked', {
      count: new Set(blockers.map((blocker) => blocker.subCriterion)).size,
    });
  }
}

/**
 * Competitors the log refused to register (none of the batch was registered): the first
 * refusal's reason, and every refused competitor with its own.
 */
export class RegistrationRefusedError extends ScoringError {
  constructor(readonly refused: ItemResult[]) {
    const [first] = refused;
    super(first!.reason!, { ...first!.params, count: refused.length });
  }
}
