import { describe, expect, it } from 'vitest';
import { languages } from '../i18n/messages';
import { regions } from '../reference/regions';
import { matchRegion } from './region-match';

describe('matchRegion', () => {
  it('finds every region by its id and by its official name in each language, in any case', () => {
    for (const region of regions) {
      expect(matchRegion(region.id)).toBe(region.id);
      for (const lang of languages) {
        expect(matchRegion(region.name[lang]), `${region.name[lang]}`).toBe(region.id);
        expect(matchRegion(region.name[lang].toUpperCase())).toBe(region.id);
      }
    }
  });

  it('accepts the short forms people type', () => {
    const typed: [string, string][] = [
      ['Павлодарская обл.', 'pavlodar'],
      ['Павлодар', 'pavlodar'],
      ['Туркестанская', 'turkistan'],
      ['Ұлытау', 'ulytau'],
      ['Almaty', 'almaty-city'],
      ['Алматы қаласы', 'almaty-city'],
      ['город Шымкент', 'shymkent'],
      ['Almaty oblast', 'almaty-region'],
      ['Алматинская область', 'almaty-region'],
      ['СҚО', 'north-kazakhstan'],
      ['ЗКО', 'west-kazakhstan'],
      ['Нұр-Сұлтан', 'astana'],
      ['  восточно-казахстанская   область ', 'east-kazakhstan'],
    ];
    for (const [text, id] of typed) expect(matchRegion(text), text).toBe(id);
  });

  it('does not guess', () => {
    for (const text of ['', 'Москва', 'Алматы район', 'область', 'Kazakhstan']) {
      expect(matchRegion(text), text).toBeUndefined();
    }
  });
});
