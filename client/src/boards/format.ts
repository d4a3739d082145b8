import { regionName, getRegion, type Language, type PersonName } from '@ashyq/shared';

export function personName(name: PersonName | null, fallback: string): string {
  return name ? `${name.last} ${name.first}` : fallback;
}

export function regionLabel(regionId: string | null, lang: string): string {
  const region = regionId ? getRegion(regionId) : undefined;
  return region ? regionName(region.id, lang as Language) : '';
}

/** Marks with two decimals, as totals are rounded. */
export const formatMarks = new Intl.NumberFormat('en', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
}).format;
