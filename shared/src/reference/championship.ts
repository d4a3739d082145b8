import { championshipSchema } from '../domain/entities';
import { namespaces } from '../i18n/index';
import type { Language } from '../i18n/messages';

/**
 * Championship levels (college -> regional -> national -> international) and tracks (WSK,
 * Abilympics, Deafskills, AgroSkills, teachers' contest). The enums are declared once, on the
 * championship entity; this module lists them and names them in kk/ru/en.
 */
export const championshipTrackSchema = championshipSchema.shape.track;
export const championshipLevels = championshipSchema.shape.level.options;
export const championshipTracks = championshipTrackSchema.options;
export type ChampionshipTrack = (typeof championshipTracks)[number];

export function championshipLevelName(
  level: (typeof championshipLevels)[number],
  lang: Language,
): string {
  return namespaces.reference[lang].level[level];
}

export function championshipTrackName(track: ChampionshipTrack, lang: Language): string {
  return namespaces.reference[lang].track[track];
}

/** Where a championship stands, as the organiser's list shows it. */
export type ChampionshipStatus = 'draft' | 'underWay' | 'published';

/**
 * From its competitions: being set up until the first mark is given, under way while marking,
 * published once every competition has published its results.
 */
export function championshipStatus(
  competitions: readonly { marked: number; published: boolean }[],
): ChampionshipStatus {
  if (competitions.length > 0 && competitions.every((c) => c.published)) return 'published';
  if (competitions.some((c) => c.marked > 0 || c.published)) return 'underWay';
  return 'draft';
}
