import { regions, type RegionId } from '../reference/regions';

/**
 * Finds a region by what people actually type in a list: any official name in kk, ru or en, the
 * name without "область / облысы / region", "г. Алматы" or "Алматы қаласы" for the cities, the
 * usual abbreviations of the three Kazakhstan oblasts (ВКО, СКО, ЗКО and their Kazakh forms),
 * and Astana's 2019-2022 name, which older lists still carry.
 */
const EXTRA_NAMES: Record<string, RegionId> = {
  вко: 'east-kazakhstan',
  шқо: 'east-kazakhstan',
  ско: 'north-kazakhstan',
  сқо: 'north-kazakhstan',
  зко: 'west-kazakhstan',
  бқо: 'west-kazakhstan',
  'нур султан': 'astana',
  'нұр сұлтан': 'astana',
  'nur sultan': 'astana',
};

const OBLAST_WORDS = new Set(['область', 'обл', 'облысы', 'region', 'oblast']);
const CITY_WORDS = new Set(['г', 'город', 'қаласы', 'каласы', 'қ', 'city']);

function normalizeRegionText(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function withoutWords(normalized: string, words: ReadonlySet<string>): string {
  return normalized
    .split(' ')
    .filter((word) => !words.has(word))
    .join(' ');
}

const exactNames = new Map<string, RegionId>();
const oblastStems = new Map<string, RegionId>();
const cityStems = new Map<string, RegionId>();

for (const region of regions) {
  const names = [region.id.replaceAll('-', ' '), ...Object.values(region.name)].map(
    normalizeRegionText,
  );
  for (const name of names) {
    exactNames.set(name, region.id);
    const stems = region.kind === 'city' ? cityStems : oblastStems;
    stems.set(withoutWords(name, region.kind === 'city' ? CITY_WORDS : OBLAST_WORDS), region.id);
  }
}
for (const [name, id] of Object.entries(EXTRA_NAMES)) exactNames.set(normalizeRegionText(name), id);

/**
 * The region id for a name as typed, or undefined. A bare "Алматы" is the city; the oblast is
 * "Алматы облысы", "Алматинская область" or "Almaty Region".
 */
export function matchRegion(text: string): RegionId | undefined {
  const normalized = normalizeRegionText(text);
  if (normalized === '') return undefined;
  const exact = exactNames.get(normalized);
  if (exact) return exact;
  const cityStem = withoutWords(normalized, CITY_WORDS);
  if (cityStem !== normalized && cityStems.has(cityStem)) return cityStems.get(cityStem);
  return oblastStems.get(withoutWords(normalized, OBLAST_WORDS));
}
