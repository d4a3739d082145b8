import { defineProfile } from './profile';

/**
 * International / WorldSkills-style events: totals on the 700 scale, medallion for excellence
 * at 700. Formula, discrepancy rule, scale and team tie-breaks come from secondary sources.
 */
export const wsiCis2024 = defineProfile({
  id: 'wsi-cis@2024',
  judgesPerAspect: { min: 3, max: 5, default: 3 },
  discrepancyThreshold: 1,
  judgementFormula: 'max-mean-over-3',
  rounding: { digits: 2, mode: 'half-up' },
  medals: { minField: null },
  medallion: { basis: 'scaled', threshold: 700 },
  scale: 'ws700',
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
  unverified: ['judgementFormula', 'discrepancyThreshold', 'scale', 'teams'],
});
