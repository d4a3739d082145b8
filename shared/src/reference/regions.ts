import { z } from 'zod';
import type { Language } from '../i18n/messages';

/**
 * The 20 regions of Kazakhstan after the 2022 reform: 17 oblasts (Abai, Jetisu and Ulytau new)
 * and the three cities of republican significance. Ids are stable keys for storage and URLs;
 * names are the official ones (Russian keeps the Kazakh form for the three new oblasts).
 */
const REGIONS = {
  abai: { kind: 'oblast', kk: 'Абай облысы', ru: 'область Абай', en: 'Abai Region' },
  akmola: { kind: 'oblast', kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' },
  aktobe: { kind: 'oblast', kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' },
  'almaty-region': {
    kind: 'oblast',
    kk: 'Алматы облысы',
    ru: 'Алматинская область',
    en: 'Almaty Region',
  },
  atyrau: { kind: 'oblast', kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' },
  'east-kazakhstan': {
    kind: 'oblast',
    kk: 'Шығыс Қазақстан облысы',
    ru: 'Восточно-Казахстанская область',
    en: 'East Kazakhstan Region',
  },
  jambyl: { kind: 'oblast', kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Jambyl Region' },
  jetisu: { kind: 'oblast', kk: 'Жетісу облысы', ru: 'область Жетісу', en: 'Jetisu Region' },
  karaganda: {
    kind: 'oblast',
    kk: 'Қарағанды облысы',
    ru: 'Карагандинская область',
    en: 'Karaganda Region',
  },
  kostanay: {
    kind: 'oblast',
    kk: 'Қостанай облысы',
    ru: 'Костанайская область',
    en: 'Kostanay Region',
  },
  kyzylorda: {
    kind: 'oblast',
    kk: 'Қызылорда облысы',
    ru: 'Кызылординская область',
    en: 'Kyzylorda Region',
  },
  mangystau: {
    kind: 'oblast',
    kk: 'Маңғыстау облысы',
    ru: 'Мангистауская область',
    en: 'Mangystau Region',
  },
  pavlodar: {
    kind: 'oblast',
    kk: 'Павлодар облысы',
    ru: 'Павлодарская область',
    en: 'Pavlodar Region',
  },
  'north-kazakhstan': {
    kind: 'oblast',
    kk: 'Солтүстік Қазақстан облысы',
    ru: 'Северо-Казахстанская область',
    en: 'North Kazakhstan Region',
  },
  turkistan: {
    kind: 'oblast',
    kk: 'Түркістан облысы',
    ru: 'Туркестанская область',
    en: 'Turkistan Region',
  },
  ulytau: { kind: 'oblast', kk: 'Ұлытау облысы', ru: 'область Ұлытау', en: 'Ulytau Region' },
  'west-kazakhstan': {
    kind: 'oblast',
    kk: 'Батыс Қазақстан облысы',
    ru: 'Западно-Казахстанская область',
    en: 'West Kazakhstan Region',
  },
  astana: { kind: 'city', kk: 'Астана', ru: 'Астана', en: 'Astana' },
  'almaty-city': { kind: 'city', kk: 'Алматы', ru: 'Алматы', en: 'Almaty' },
  shymkent: { kind: 'city', kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' },
} as const satisfies Record<string, { kind: 'oblast' | 'city' } & Record<Language, string>>;

export type RegionId = keyof typeof REGIONS;
export type RegionKind = 'oblast' | 'city';

export interface Region {
  id: RegionId;
  kind: RegionKind;
  name: Record<Language, string>;
}

export const regionIds = Object.keys(REGIONS) as [RegionId, ...RegionId[]];
export const regionIdSchema = z.enum(regionIds);

export const regions: readonly Region[] = Object.freeze(
  regionIds.map((id) => {
    const { kind, kk, ru, en } = REGIONS[id];
    return Object.freeze({ id, kind, name: Object.freeze({ kk, ru, en }) });
  }),
);

const regionById = new Map<string, Region>(regions.map((region) => [region.id, region]));

export function getRegion(id: string): Region | undefined {
  return regionById.get(id);
}

export function regionName(id: RegionId, lang: Language): string {
  return REGIONS[id][lang];
}

/** Region names in one language by id: the `region` section of the reference namespace. */
export function regionNamesIn(lang: Language): Record<RegionId, string> {
  return Object.fromEntries(regions.map((region) => [region.id, region.name[lang]])) as Record<
    RegionId,
    string
  >;
}
