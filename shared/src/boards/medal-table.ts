import type { Medal } from '../scoring/medals';
import { teamStandings, type TeamRules, type TeamStanding } from '../scoring/teams';

/** The usual medal points (docs/scoring.md) and tie-breaks, for profiles that name none. */
export const defaultTeamRules: TeamRules = {
  points: { gold: 4, silver: 3, bronze: 2, medallion: 1 },
  tieBreaks: ['gold', 'silver', 'bronze'],
};

/** A competitor's result as the medal tables count it. */
export interface MedalRow {
  regionId: string | null;
  collegeId: string | null;
  medal: Medal | null;
  medallion: boolean;
}

/**
 * Medal tables by region and by college over the competitions' rows: points gold 4, silver 3,
 * bronze 2, medallion 1, equal points broken by golds, then silvers, then bronzes (the rules'
 * settings). Every team with a competitor is listed, with 0 points when it won nothing.
 */
export function medalTables(
  rows: readonly MedalRow[],
  rules: TeamRules = defaultTeamRules,
): { regions: TeamStanding[]; colleges: TeamStanding[] } {
  const awards = (team: (row: MedalRow) => string | null) =>
    rows.flatMap((row) => {
      const id = team(row);
      return id ? [{ team: id, medal: row.medal, medallion: row.medallion }] : [];
    });
  return {
    regions: teamStandings(
      awards((row) => row.regionId),
      rules,
    ),
    colleges: teamStandings(
      awards((row) => row.collegeId),
      rules,
    ),
  };
}
