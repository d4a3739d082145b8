import { defineProfile } from './profile';

/**
 * WorldSkills Kazakhstan championships (college, regional, national): ranking by raw totals;
 * the medallion for excellence goes by percent of the scheme total, because without a scale
 * there is no 700. The 70 % threshold is our reading of "700 of a 600-800 range", unverified.
 */
export const wskChampionship2024 = defineProfile({
  id: 'wsk-championship@2024',
  judgesPerAspect: { min: 3, max: 5, default: 3 },
  discrepancyThreshold: 1,
  judgementFormula: 'max-mean-over-3',
  rounding: { digits: 2, mode: 'half-up' },
  medals: { minField: null },
  medallion: { basis: 'percent', threshold: 70 },
  scale: 'none',
  compatriotKey: {
    international: 'country',
    national: 'region',
    regional: 'college',
    college: 'group',
  },
  publicationDefault: 'locked',
  gradeScale: null,
  passThreshold: null,
  teams: {
    points: { gold: 4, silver: 3, bronze: 2, medallion: 1 },
    tieBreaks: ['gold', 'silver', 'bronze'],
  },
  unverified: ['judgementFormula', 'discrepancyThreshold', 'medallion', 'teams'],
});
