import type { Language } from './messages';

/**
 * The locales a number is written in per product language. Kazakh falls back to Russian
 * (the same decimal comma) where a runtime has no Kazakh locale data, never to English.
 */
const locales: Record<Language, string[]> = {
  kk: ['kk-KZ', 'ru-KZ'],
  ru: ['ru-KZ', 'ru'],
  en: ['en'],
};

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A mark or total as every board and document writes it in `language`: exactly `digits`
 * decimals (2 for totals, see docs/scoring.md), the decimal comma in Kazakh and Russian, the
 * point in English, no digit grouping (marks stay below a thousand; documents and boards then
 * print the very same text). The value must already be rounded the engine's way (half-up).
 */
export function formatMarks(value: number, language: Language, digits = 2): string {
  const key = `${language}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[language], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    formats.set(key, format);
  }
  // Intl writes a negative zero as "-0,00", which no reader should see.
  return format.format(Object.is(value, -0) ? 0 : value);
}
