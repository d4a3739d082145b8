import type { Medal } from './medals';
import { standardPositions } from './ranking';

export const teamCountKeys = ['gold', 'silver', 'bronze', 'medallion'] as const;
export type TeamCountKey = (typeof teamCountKeys)[number];

export interface TeamRules {
  /** Medal points; by default gold 4, silver 3, bronze 2, medallion 1. */
  points: Record<TeamCountKey, number>;
  /** Counts compared in order when points are equal (unverified; a setting). */
  tieBreaks: readonly TeamCountKey[];
}

/** One competitor's result as it counts for its team (region or college). */
export interface TeamAward {
  team: string;
  medal: Medal | null;
  medallion: boolean;
}

export interface TeamStanding {
  team: string;
  gold: number;
  silver: number;
  bronze: number;
  medallion: number;
  points: number;
  /** 1224 ranking; teams equal on points and every tie-break share a position. */
  position: number;
}

/**
 * Team standings from the awards of every competition of a championship. Pass an award with no
 * medal and no medallion to list a team that won nothing (0 points).
 */
export function teamStandings(awards: readonly TeamAward[], rules: TeamRules): TeamStanding[] {
  const byTeam = new Map<string, TeamStanding>();
  for (const award of awards) {
    let row = byTeam.get(award.team);
    if (!row) {
      row = {
        team: award.team,
        gold: 0,
        silver: 0,
        bronze: 0,
        medallion: 0,
        points: 0,
        position: 0,
      };
      byTeam.set(award.team, row);
    }
    if (award.medal) {
      row[award.medal] += 1;
      row.points += rules.points[award.medal];
    }
    if (award.medallion) {
      row.medallion += 1;
      row.points += rules.points.medallion;
    }
  }
  const compare = (a: TeamStanding, b: TeamStanding): number => {
    if (a.points !== b.points) return b.points - a.points;
    for (const key of rules.tieBreaks) if (a[key] !== b[key]) return b[key] - a[key];
    return 0;
  };
  const rows = [...byTeam.values()].sort(
    (a, b) => compare(a, b) || (a.team < b.team ? -1 : a.team > b.team ? 1 : 0),
  );
  // Rows that compare equal get one rank key, so standardPositions shares their position.
  const keys: number[] = [];
  rows.forEach((row, i) => keys.push(i > 0 && compare(rows[i - 1]!, row) === 0 ? keys[i - 1]! : i));
  standardPositions(keys).forEach((position, i) => (rows[i]!.position = position));
  return rows;
}
