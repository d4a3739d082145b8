import type { Championship, Competition } from '../domain/entities';
import type { Region } from '../reference/regions';

/**
 * What anyone may read without signing in (`/api/public/*`). Never personal data. The log's
 * verification (`Verification`) is in ./chief, beside the console's reading of it.
 */

/** GET /api/public/regions. */
export interface RegionsReply {
  regions: readonly Region[];
}

/** A competition in the public list: how far marking has got (null while it is not running). */
export interface PublicCompetition {
  id: string;
  skill: Competition['skill'];
  progress: { marked: number; required: number } | null;
  published: boolean;
}

/** A championship in the public list, without its exam sessions' championships. */
export type PublicChampionship = Pick<
  Championship,
  'id' | 'name' | 'level' | 'track' | 'season' | 'hostRegionId' | 'startsOn' | 'endsOn'
> & { competitions: PublicCompetition[] };

/** GET /api/public/championships. */
export interface PublicChampionshipsReply {
  championships: PublicChampionship[];
}
