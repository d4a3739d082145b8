/**
 * Why the engine refused something, or what blocks a lock. Every code has a message in the
 * `scoring` i18n namespace (`reason.<code>`), filled with the rejection's params.
 */
export const scoringReasons = [
  // the mark against the marking scheme
  'unknown_aspect',
  'value_kind_mismatch',
  'choice_option_unknown',
  // the mark against the competition's state
  'unknown_competitor',
  'competitor_exists',
  'registration_closed',
  'panel_full',
  'mark_id_reused',
  'mark_not_found',
  'mark_not_current',
  'supersede_mismatch',
  'sub_criterion_locked',
  // locks, discrepancies, sign-off
  'unknown_sub_criterion',
  'already_locked',
  'not_locked',
  'lock_blocked',
  'no_open_discrepancy',
  'already_signed_off',
  // the results lifecycle: publication, marks after it, the ceremony
  'publication_blocked',
  'sign_off_missing',
  'results_published',
  'results_not_final',
  // what keeps a sub-criterion from being locked
  'aspect_unmarked',
  'discrepancy_open',
  // conflicts of interest
  'compatriot',
  'declared_conflict',
  // panels: which experts mark which sub-criterion
  'not_on_panel',
  'panel_size',
  // a trainee scores judgement aspects only (docs/judge-analytics.md)
  'trainee_judgement_only',
  'trainee_on_panel',
  'unknown_expert',
  // a snapshot that does not fit the scheme or profile it is restored with
  'snapshot_mismatch',
  // the competition's log was closed (a demo exam session deleted): it takes nothing more
  'competition_closed',
] as const;

export type ScoringReason = (typeof scoringReasons)[number];

export type ReasonParams = Record<string, string | number>;

export interface Rejection {
  reason: ScoringReason;
  params: ReasonParams;
}

export function reject(reason: ScoringReason, params: ReasonParams = {}): Rejection {
  return { reason, params };
}

/** Thrown by the pure functions when asked to compute something the scheme does not allow. */
export class ScoringError extends Error {
  constructor(
    readonly reason: ScoringReason,
    readonly params: ReasonParams = {},
  ) {
    super(`${reason} ${JSON.stringify(params)}`);
    this.name = 'ScoringError';
  }
}
