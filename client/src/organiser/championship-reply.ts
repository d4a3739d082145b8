import type { Championship, Competition } from '@ashyq/shared';

/** A competition as the championship's page lists it: without its scheme, saying whether it has one. */
export type CompetitionSummary = Omit<Competition, 'scheme'> & { hasScheme: boolean };

/** What the organiser's API answers for one championship. */
export interface ChampionshipReply {
  championship: Championship;
  competitions: CompetitionSummary[];
}
