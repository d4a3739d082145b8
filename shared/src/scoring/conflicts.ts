import { reject, type Rejection } from './reasons';

/**
 * Compatriots: an expert never marks a competitor of its own delegation. Which delegation counts
 * depends on the championship level (profile setting `compatriotKey`): the region at national
 * level, the college at regional level, the training group or mentor within a college, the
 * country internationally. The server enforces; these are the pure rules it calls.
 */
export const delegationKinds = ['country', 'region', 'college', 'group'] as const;
export type DelegationKind = (typeof delegationKinds)[number];
export type DelegationKeys = Partial<Record<DelegationKind, string>>;

export interface Party {
  id: string;
  delegations?: DelegationKeys;
}

export interface ExpertParty extends Party {
  /** Competitor ids the expert declared a conflict of interest with (e.g. trained them). */
  conflicts?: readonly string[];
}

/** Delegation keys of a registered person (region, college, and the group/mentor override). */
export function delegationKeysOf(person: {
  regionId: string;
  collegeId?: string;
  delegation?: string;
}): DelegationKeys {
  const keys: DelegationKeys = { region: person.regionId };
  if (person.collegeId) keys.college = person.collegeId;
  if (person.delegation) keys.group = person.delegation;
  return keys;
}

/** Both belong to the same delegation of the given kind (an unknown key never matches). */
export function isCompatriot(expert: Party, competitor: Party, key: DelegationKind): boolean {
  const mine = expert.delegations?.[key];
  return mine !== undefined && mine !== '' && mine === competitor.delegations?.[key];
}

/** Why the expert may not mark the competitor, or null when it may. */
export function conflictOf(
  expert: ExpertParty,
  competitor: Party,
  key: DelegationKind,
): Rejection | null {
  if (isCompatriot(expert, competitor, key)) {
    return reject('compatriot', { expert: expert.id, competitor: competitor.id, delegation: key });
  }
  if (expert.conflicts?.includes(competitor.id)) {
    return reject('declared_conflict', { expert: expert.id, competitor: competitor.id });
  }
  return null;
}

export interface Conflict {
  competitor: string;
  reason: Rejection;
}

/** Every competitor the expert must not mark or see the marking form of. */
export function conflictList(
  expert: ExpertParty,
  competitors: readonly Party[],
  key: DelegationKind,
): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const competitor of competitors) {
    const reason = conflictOf(expert, competitor, key);
    if (reason) conflicts.push({ competitor: competitor.id, reason });
  }
  return conflicts;
}

/** The experts who may judge this competitor (the pool a panel is drawn from). */
export function eligibleExperts<E extends ExpertParty>(
  competitor: Party,
  experts: readonly E[],
  key: DelegationKind,
): E[] {
  return experts.filter((expert) => conflictOf(expert, competitor, key) === null);
}
