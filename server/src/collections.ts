import type { CollectionIndexes } from './store/port';
import { authCollections } from './auth/accounts';
import { examCollectionIndexes } from './exam/collections';

/**
 * Reference-data collections and the fields each is searched by. Panels and declared conflicts
 * are not documents: they decide which marks count, so they are events in the competition's log.
 */
export const collections = {
  colleges: 'colleges',
  championships: 'championships',
  competitions: 'competitions',
  competitors: 'competitors',
  experts: 'experts',
  /** The registry of printed documents and their verification codes (documents/verification.ts). */
  issuedDocuments: 'issuedDocuments',
  /** Each advancement applied: rules, the organiser's decisions with reasons, who was sent. */
  advancements: 'advancements',
} as const;

export const collectionIndexes: CollectionIndexes = {
  ...authCollections,
  ...examCollectionIndexes,
  [collections.colleges]: ['regionId'],
  [collections.championships]: ['level', 'season'],
  [collections.competitions]: ['championshipId'],
  [collections.competitors]: ['competitionId', 'iin'],
  [collections.experts]: ['competitionId', 'iin'],
  // By kind and subject: the same content issued again keeps its code.
  [collections.issuedDocuments]: ['kind', 'subjectKey'],
  [collections.advancements]: ['championshipId'],
};
