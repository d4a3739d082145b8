import type { CollectionIndexes } from './store/port';
import { authCollections } from './auth/accounts';

/** Reference-data collections and the fields each is searched by. */
export const collections = {
  colleges: 'colleges',
  championships: 'championships',
  competitions: 'competitions',
  competitors: 'competitors',
  experts: 'experts',
  panels: 'panels',
  conflicts: 'conflicts',
} as const;

export const collectionIndexes: CollectionIndexes = {
  ...authCollections,
  [collections.colleges]: ['regionId'],
  [collections.championships]: ['level', 'season'],
  [collections.competitions]: ['championshipId'],
  [collections.competitors]: ['competitionId', 'iin'],
  [collections.experts]: ['competitionId', 'iin'],
  [collections.panels]: ['competitionId'],
  [collections.conflicts]: ['competitionId', 'expertId'],
};
