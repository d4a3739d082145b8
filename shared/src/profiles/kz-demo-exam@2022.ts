import { defineProfile } from './profile';

/**
 * College demonstration exam (Methodological recommendations of 27 May 2022): no medals, a
 * grade from the Kazakh letter scale and pass from 50 % (the lowest passing letter, D, starts
 * at 50). Experts must be independent of the college, so the compatriot key is the college at
 * every level.
 */
export const kzDemoExam2022 = defineProfile({
  id: 'kz-demo-exam@2022',
  judgesPerAspect: { min: 3, max: 5, default: 3 },
  discrepancyThreshold: 1,
  judgementFormula: 'max-mean-over-3',
  rounding: { digits: 2, mode: 'half-up' },
  medals: null,
  medallion: null,
  scale: 'none',
  compatriotKey: {
    international: 'college',
    national: 'college',
    regional: 'college',
    college: 'college',
  },
  publicationDefault: 'locked',
  gradeScale: 'kz-letter@2022',
  passThreshold: 50,
  teams: null,
  unverified: ['judgementFormula', 'discrepancyThreshold', 'passThreshold'],
});
