import {
  formatMarks,
  regionName,
  getRegion,
  isLanguage,
  type Language,
  type PersonName,
} from '@ashyq/shared';

export function personName(name: PersonName | null, fallback: string): string {
  return name ? `${name.last} ${name.first}` : fallback;
}

export function regionLabel(regionId: string | null, lang: string): string {
  const region = regionId ? getRegion(regionId) : undefined;
  return region ? regionName(region.id, lang as Language) : '';
}

/**
 * Marks with two decimals in the reader's language, as every board and document writes them
 * (the shared `formatMarks`: decimal comma in Kazakh and Russian).
 */
export function marks(value: number, lang: string, digits = 2): string {
  return formatMarks(value, isLanguage(lang) ? lang : 'ru', digits);
}
