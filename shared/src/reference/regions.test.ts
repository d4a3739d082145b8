import { describe, expect, it } from 'vitest';
import { languages, namespaces, translate } from '../i18n/index';
import { getRegion, regionIdSchema, regionIds, regionName, regions } from './regions';

describe('regions', () => {
  it('lists the 20 regions: 17 oblasts and the three cities', () => {
    expect(regions).toHaveLength(20);
    expect(regions.filter((region) => region.kind === 'oblast')).toHaveLength(17);
    expect(regions.filter((region) => region.kind === 'city').map((region) => region.id)).toEqual([
      'astana',
      'almaty-city',
      'shymkent',
    ]);
  });

  it('includes the oblasts created in 2022', () => {
    expect(regionName('abai', 'kk')).toBe('Абай облысы');
    expect(regionName('jetisu', 'kk')).toBe('Жетісу облысы');
    expect(regionName('ulytau', 'ru')).toBe('область Ұлытау');
  });

  it('tells Almaty the city from Almaty Region', () => {
    expect(regionName('almaty-city', 'kk')).toBe('Алматы');
    expect(regionName('almaty-region', 'kk')).toBe('Алматы облысы');
    expect(regionName('almaty-region', 'ru')).toBe('Алматинская область');
    expect(new Set(languages.flatMap((lang) => regions.map((r) => r.name[lang]))).size).toBe(
      // Cities are spelled alike in kk and ru; every other name is unique.
      20 * 3 - 3,
    );
  });

  it('spells Kazakh names with Kazakh letters and the oblys suffix', () => {
    for (const region of regions) {
      if (region.kind === 'oblast') expect(region.name.kk).toMatch(/ облысы$/);
      expect(region.name.kk).not.toMatch(/[A-Za-z]/);
    }
    expect(regionName('aktobe', 'kk')).toBe('Ақтөбе облысы');
    expect(regionName('north-kazakhstan', 'kk')).toBe('Солтүстік Қазақстан облысы');
    expect(regionName('mangystau', 'kk')).toBe('Маңғыстау облысы');
  });

  it('validates ids and finds regions by id', () => {
    expect(regionIdSchema.safeParse('astana').success).toBe(true);
    expect(regionIdSchema.safeParse('almaty').success).toBe(false);
    expect(getRegion('shymkent')?.name.en).toBe('Shymkent');
    expect(getRegion('nur-sultan')).toBeUndefined();
  });

  it('names every region in the reference namespace', () => {
    for (const lang of languages) {
      for (const id of regionIds) {
        expect(translate(namespaces.reference[lang], `region.${id}`)).toBe(regionName(id, lang));
      }
    }
  });

  it('keeps ids in a stable, URL-safe form', () => {
    for (const id of regionIds) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
