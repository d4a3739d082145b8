import type { Language } from './messages';

const formats = new Map<number, Intl.NumberFormat>();

/**
 * A mark or total as every board and document writes it in `language`: exactly `digits`
 * decimals (2 for totals, see docs/scoring.md), the decimal comma in Kazakh and Russian, the
 * point in English, no digit grouping (marks stay below a thousand; documents and boards then
 * print the very same text). The value must already be rounded the engine's way (half-up).
 * The digits come from Intl in a locale every runtime has; the comma is put in here, because
 * not every browser carries Kazakh number data (headless Chromium falls back to the point).
 */
export function formatMarks(value: number, language: Language, digits = 2): string {
  let format = formats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    formats.set(digits, format);
  }
  // Intl writes a negative zero as "-0.00", which no reader should see.
  const text = format.format(Object.is(value, -0) ? 0 : value);
  return language === 'en' ? text : text.replace('.', ',');
}

/**
 * A signed difference, as the judge analytics print a judge's lean: "+0,65", "−0,69", "±0,00"
 * (a true minus sign, so the column's figures line up and read as a sign, not a dash).
 */
export function signedMarks(value: number, language: Language, digits = 2): string {
  const magnitude = formatMarks(Math.abs(value), language, digits);
  if (/^[0.,]+$/.test(magnitude)) return `±${magnitude}`;
  return `${value > 0 ? '+' : '−'}${magnitude}`;
}
