import {
  getRegion,
  regionName,
  type Competition,
  type Language,
  type Medal,
  type PersonName,
  type RegionId,
} from '@ashyq/shared';
import type { CompetitionRegistry } from '../competitions/registry';

/** One competitor's result as the exports and reports print it. */
export interface ResultRow {
  competitionId: string;
  skillNumber: string;
  skillName: string;
  competitorId: string;
  position: number | null;
  regionId: string;
  regionName: string;
  collegeId: string | null;
  name: PersonName | null;
  medal: Medal | null;
  medallion: boolean;
  /** Rounded raw total (not scaled). */
  total: number;
  percent: number;
  /** Standardised score; null where the competition's profile does not scale. */
  scaled: number | null;
  guest: boolean;
  status: 'active' | 'absent' | 'withdrawn';
}

export interface CompetitionResults {
  competition: Competition;
  /** The profile's scale: the export adds the scale column only where it is not `none`. */
  scale: 'none' | 'ws700' | 'legacy500';
  /** When the results were published; null while they are provisional (or being corrected). */
  publishedAt: string | null;
  /** The first publication, while the results stand published (null otherwise). */
  firstPublishedAt: string | null;
  /** The re-publication after a correction, when there was one (docs/results-lifecycle.md). */
  correctedAt: string | null;
  /** Whether any mark counts yet: before the first, every competitor ties on 0 at position 1. */
  started: boolean;
  rows: ResultRow[];
}

/**
 * The results of a competition from its running projection (the engine's own figures), in
 * ranking order. A competition without a scheme has no results and gives none.
 */
export async function competitionResults(
  registry: CompetitionRegistry,
  competition: Competition,
  lang: Language,
): Promise<CompetitionResults | null> {
  if (!competition.scheme) return null;
  const runtime = await registry.open(competition.id);
  const { scoring, people, results } = runtime.state;
  // Medals are only ever printed on final results.
  const final = results.published !== null;
  const skillName = competition.skill.name[lang] ?? competition.skill.name.ru;
  const rows = scoring.results().map((result): ResultRow => {
    const person = people.get(result.competitor);
    const regionId = person?.regionId ?? '';
    return {
      competitionId: competition.id,
      skillNumber: competition.skill.number,
      skillName,
      competitorId: result.competitor,
      position: result.position,
      regionId,
      regionName: getRegion(regionId) ? regionName(regionId as RegionId, lang) : regionId,
      collegeId: person?.collegeId ?? null,
      name: person?.name ?? null,
      medal: final ? result.medal : null,
      medallion: final && result.medallion,
      total: result.total,
      percent: result.percent,
      scaled: result.scaled,
      guest: result.guest,
      status: result.status,
    };
  });
  return {
    competition,
    scale: runtime.context.profile.scale,
    publishedAt: results.published?.at ?? null,
    firstPublishedAt: results.published ? results.firstPublishedAt : null,
    correctedAt: results.published && results.corrections.length > 0 ? results.published.at : null,
    started: scoring.progress().marked > 0,
    rows,
  };
}
