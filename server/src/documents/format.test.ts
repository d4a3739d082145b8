import { describe, expect, it } from 'vitest';
import { documentText, formatDate, formatDateTime, formatMark, localizedText } from './format';

describe('document formats', () => {
  it('print times in Kazakhstan local time (UTC+5) as dd.mm.yyyy', () => {
    expect(formatDateTime('2026-03-11T11:13:09.000Z')).toBe('11.03.2026 16:13');
    expect(formatDate('2026-12-31T20:30:00.000Z')).toBe('01.01.2027');
  });

  it('print marks with two decimals, with the decimal comma in kk and ru', () => {
    expect(formatMark(9.5, 'kk')).toBe('9,50');
    expect(formatMark(0.33, 'ru')).toBe('0,33');
    expect(formatMark(10, 'en')).toBe('10.00');
  });

  it('take words from the documents namespace and names in the document language', () => {
    expect(documentText('kk', 'page', { page: 1, pages: 3 })).toBe('1 / 3 бет');
    const name = { kk: 'Дәнекерлеу', ru: 'Сварочные технологии' };
    expect(localizedText(name, 'kk')).toBe('Дәнекерлеу');
    expect(localizedText(name, 'en')).toBe('Сварочные технологии');
    expect(localizedText({ ...name, en: 'Welding' }, 'en')).toBe('Welding');
  });
});
