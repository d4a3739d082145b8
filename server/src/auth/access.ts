import type { Actor, Scope } from './model';
import type { ExpertRole, OrganiserRole } from './roles';

/**
 * What a request acts on, as far as access is concerned: a championship, the college that holds
 * it (an intra-college championship, a demo exam) when there is one, and the competition.
 */
export interface ScopeTarget {
  championshipId?: string;
  collegeId?: string;
  competitionId?: string;
}

export function scopeCovers(scope: Scope, target: ScopeTarget): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'championships':
      return target.championshipId !== undefined && scope.ids.includes(target.championshipId);
    case 'college':
      return target.collegeId === scope.collegeId;
  }
}

export function isOrganiserWith(
  actor: Actor | undefined,
  roles: readonly OrganiserRole[],
): actor is Extract<Actor, { kind: 'organiser' }> {
  return actor?.kind === 'organiser' && actor.user.roles.some((role) => roles.includes(role));
}

export function isExpertOf(
  actor: Actor | undefined,
  competitionId: string,
  roles: readonly ExpertRole[],
): boolean {
  return (
    actor?.kind === 'expert' &&
    actor.credential.competitionId === competitionId &&
    roles.includes(actor.credential.role)
  );
}

/**
 * Personal data (IIN, birth date, contacts) goes only to those who register people, check
 * identity at the venue and print protocols: organisers and exam officers whose scope covers
 * the record, and the chief expert and deputy of its competition. Experts work with names,
 * regions and colleges; spectators never sign in.
 */
export function maySeePersonalData(actor: Actor | undefined, target: ScopeTarget): boolean {
  if (isOrganiserWith(actor, ['organiser', 'exam-officer']))
    return scopeCovers(actor.user.scope, target);
  return (
    target.competitionId !== undefined &&
    isExpertOf(actor, target.competitionId, ['chief', 'deputy-chief'])
  );
}

/** Who a lead expert may hand a credential to: never a role at or above their own. */
const issuableBy: Record<ExpertRole, readonly ExpertRole[]> = {
  chief: ['deputy-chief', 'expert', 'independent', 'trainee'],
  'deputy-chief': ['expert', 'independent', 'trainee'],
  expert: [],
  independent: [],
  trainee: [],
};

/**
 * Organisers in scope issue any credential; a chief expert issues deputies' and experts'
 * credentials for their own competition, a deputy chief experts' only.
 */
export function mayIssueCredential(
  actor: Actor | undefined,
  role: ExpertRole,
  competition: ScopeTarget & { competitionId: string },
): boolean {
  if (isOrganiserWith(actor, ['organiser'])) return scopeCovers(actor.user.scope, competition);
  return (
    actor?.kind === 'expert' &&
    actor.credential.competitionId === competition.competitionId &&
    issuableBy[actor.credential.role].includes(role)
  );
}
