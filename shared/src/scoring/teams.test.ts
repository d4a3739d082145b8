import { describe, expect, it } from 'vitest';
import { teamStandings, type TeamAward, type TeamRules } from './teams';

const rules: TeamRules = {
  points: { gold: 4, silver: 3, bronze: 2, medallion: 1 },
  tieBreaks: ['gold', 'silver', 'bronze'],
};

const awards = (
  team: string,
  gold: number,
  silver: number,
  bronze: number,
  medallions: number,
): TeamAward[] => [
  ...Array.from({ length: gold }, () => ({ team, medal: 'gold' as const, medallion: false })),
  ...Array.from({ length: silver }, () => ({ team, medal: 'silver' as const, medallion: false })),
  ...Array.from({ length: bronze }, () => ({ team, medal: 'bronze' as const, medallion: false })),
  ...Array.from({ length: medallions }, () => ({ team, medal: null, medallion: true })),
];

describe('teamStandings', () => {
  it('counts medal points: 5 gold, 5 silver, 3 bronze, 19 medallions = 60', () => {
    const [almaty] = teamStandings(awards('almaty', 5, 5, 3, 19), rules);
    expect(almaty).toEqual({
      team: 'almaty',
      gold: 5,
      silver: 5,
      bronze: 3,
      medallion: 19,
      points: 60,
      position: 1,
    });
  });

  it('breaks equal points by golds, then silvers, then bronzes', () => {
    const rows = teamStandings(
      [
        ...awards('a', 0, 2, 0, 0),
        ...awards('b', 1, 0, 1, 0),
        ...awards('c', 0, 2, 0, 0),
        ...awards('d', 1, 0, 0, 2),
      ],
      rules,
    );
    expect(rows.map((r) => [r.team, r.points, r.position])).toEqual([
      ['b', 6, 1],
      ['d', 6, 2],
      ['a', 6, 3],
      ['c', 6, 3],
    ]);
  });

  it('lists teams that won nothing, with 0 points', () => {
    const rows = teamStandings(
      [...awards('a', 0, 0, 1, 0), { team: 'z', medal: null, medallion: false }],
      rules,
    );
    expect(rows.map((r) => [r.team, r.points, r.position])).toEqual([
      ['a', 2, 1],
      ['z', 0, 2],
    ]);
  });

  it('follows other point values and tie-break orders from the settings', () => {
    const rows = teamStandings([...awards('a', 1, 0, 0, 0), ...awards('b', 0, 0, 0, 2)], {
      points: { gold: 2, silver: 1, bronze: 1, medallion: 1 },
      tieBreaks: ['medallion'],
    });
    expect(rows.map((r) => [r.team, r.position])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });
});
