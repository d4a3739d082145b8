import type { Medal } from '../scoring/medals';
import {
  ruleFor,
  type Adjustment,
  type AdvancementRules,
  type AdvancementStatus,
  type CompetencyRule,
} from './rules';

/** One competitor's final result in one competition of the championship that selects. */
export interface AdvancementCandidate {
  competitionId: string;
  competitorId: string;
  regionId: string;
  collegeId: string | null;
  /** Null for guests, absent and withdrawn competitors: they are never proposed. */
  position: number | null;
  medal: Medal | null;
  /** Percent of the competition's maximum: what compares results of different competencies. */
  percent: number;
}

export interface AdvancementEntry extends AdvancementCandidate {
  status: AdvancementStatus;
  /** The team the quota counts this competitor for (region or college id). */
  team: string;
  /** The organiser's reason, for included and excluded. */
  reason?: string;
}

export interface CandidateRef {
  competitionId: string;
  competitorId: string;
}

/** Equal competitors at a line with fewer places than competitors: the organiser decides. */
export interface AdvancementTie {
  line: 'competency' | 'quota';
  /** The competition (competency line) or the team (quota line) whose line it is. */
  at: string;
  places: number;
  competitors: CandidateRef[];
  /** Every tied competitor has been included or excluded by the organiser. */
  resolved: boolean;
}

export interface TeamCount {
  team: string;
  sent: number;
  quota: number | null;
}

export interface AdvancementProposal {
  entries: AdvancementEntry[];
  ties: AdvancementTie[];
  /** Per team: how many are sent (selected + included); `sent > quota` only by adjustment. */
  teams: TeamCount[];
  /** Adjustments naming no ranked candidate: the caller refuses them. */
  unmatched: Adjustment[];
  /** No unresolved tie: the lists for the next level can be created. */
  ready: boolean;
}

const keyOf = (ref: CandidateRef) => `${ref.competitionId}/${ref.competitorId}`;

/**
 * The proposal for the next level: each competency's rule, then each team's quota, then the
 * organiser's adjustments. A line that falls between equal competitors is never decided here:
 * they are all `tied` and the tie is reported until the organiser includes or excludes each.
 */
export function proposeAdvancement(
  candidates: readonly AdvancementCandidate[],
  rules: AdvancementRules,
  adjustments: readonly Adjustment[] = [],
): AdvancementProposal {
  const teamKind = rules.quota?.team ?? 'region';
  const entries: AdvancementEntry[] = candidates.map((candidate) => ({
    ...candidate,
    team: (teamKind === 'college' ? candidate.collegeId : candidate.regionId) ?? '',
    status: 'notSelected',
  }));
  const ties: Omit<AdvancementTie, 'resolved'>[] = [];
  for (const [competitionId, group] of groupBy(entries, (e) => e.competitionId)) {
    const tie = applyRule(
      group.filter((e) => e.position !== null),
      ruleFor(rules, competitionId),
    );
    if (tie) ties.push({ line: 'competency', at: competitionId, ...tie });
  }
  if (rules.quota) {
    for (const [team, group] of groupBy(entries, (e) => e.team)) {
      const tie = applyQuota(group, rules.quota.max);
      if (tie) ties.push({ line: 'quota', at: team, ...tie });
    }
  }
  const byKey = new Map(entries.map((entry) => [keyOf(entry), entry]));
  const unmatched: Adjustment[] = [];
  for (const adjustment of adjustments) {
    const entry = byKey.get(keyOf(adjustment));
    if (!entry || entry.position === null) {
      unmatched.push(adjustment);
      continue;
    }
    entry.status = adjustment.action === 'include' ? 'included' : 'excluded';
    entry.reason = adjustment.reason;
  }
  const decided = (ref: CandidateRef) => {
    const status = byKey.get(keyOf(ref))?.status;
    return status === 'included' || status === 'excluded';
  };
  const reported = ties.map((tie) => ({ ...tie, resolved: tie.competitors.every(decided) }));
  return {
    entries,
    ties: reported,
    teams: teamCounts(entries, rules.quota?.max ?? null),
    unmatched,
    ready: reported.every((tie) => tie.resolved),
  };
}

type TieFound = Omit<AdvancementTie, 'line' | 'at' | 'resolved'>;

/** Marks who the competency's rule sends; returns the tie when its line splits equal results. */
function applyRule(ranked: AdvancementEntry[], rule: CompetencyRule): TieFound | null {
  if (rule.kind === 'medalists') {
    for (const entry of ranked) if (entry.medal !== null) entry.status = 'selected';
    return null;
  }
  let tie: TieFound | null = null;
  const bestFirst = [...ranked].sort((a, b) => a.position! - b.position!);
  for (const [position, group] of groupBy(bestFirst, (e) => e.position!)) {
    const lastPlace = position + group.length - 1;
    if (lastPlace <= rule.count) {
      for (const entry of group) entry.status = 'selected';
    } else if (position <= rule.count) {
      for (const entry of group) entry.status = 'tied';
      tie = { places: rule.count - position + 1, competitors: group.map(refOf) };
    }
  }
  return tie;
}

/**
 * Keeps a team's best `max` selected competitors: a better position first, then a higher
 * percent of the maximum. Equal on both at the line is a tie.
 */
function applyQuota(team: AdvancementEntry[], max: number): TieFound | null {
  const selected = team
    .filter((e) => e.status === 'selected')
    .sort((a, b) => a.position! - b.position! || b.percent - a.percent);
  if (selected.length <= max) return null;
  const same = (a: AdvancementEntry, b: AdvancementEntry) =>
    a.position === b.position && a.percent === b.percent;
  const atLine = selected[max - 1]!;
  const first = selected.findIndex((e) => same(e, atLine));
  const tiedGroup = selected.filter((e) => same(e, atLine));
  const split = first + tiedGroup.length > max;
  selected.forEach((entry, i) => {
    if (split && same(entry, atLine)) entry.status = 'tied';
    else if (i >= max) entry.status = 'overQuota';
  });
  return split ? { places: max - first, competitors: tiedGroup.map(refOf) } : null;
}

function teamCounts(entries: readonly AdvancementEntry[], quota: number | null): TeamCount[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const sent = entry.status === 'selected' || entry.status === 'included' ? 1 : 0;
    counts.set(entry.team, (counts.get(entry.team) ?? 0) + sent);
  }
  return [...counts]
    .map(([team, sent]) => ({ team, sent, quota }))
    .sort((a, b) => b.sent - a.sent || a.team.localeCompare(b.team));
}

/** The competitors the next level's lists are made of, in the proposal's order. */
export function advancing(proposal: AdvancementProposal): AdvancementEntry[] {
  return proposal.entries.filter((e) => e.status === 'selected' || e.status === 'included');
}

function refOf(entry: AdvancementEntry): CandidateRef {
  return { competitionId: entry.competitionId, competitorId: entry.competitorId };
}

/** Groups in first-seen order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
