import { namespaces, translate, type Language, type Localized } from '@ashyq/shared';

/**
 * How figures and times print on documents. Kazakhstan has kept one time zone (UTC+5, the zone
 * database's Asia/Almaty) since March 2024; the log keeps UTC, paper shows local time.
 */
const documentTimeZone = 'Asia/Almaty';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: documentTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of dateTimeParts.formatToParts(new Date(iso))) parts[part.type] = part.value;
  return parts;
}

/** `dd.mm.yyyy`, the form Kazakh and Russian paperwork uses. */
export function formatDate(iso: string): string {
  const { day, month, year } = partsOf(iso);
  return `${day}.${month}.${year}`;
}

/** `dd.mm.yyyy hh:mm` in local time. */
export function formatDateTime(iso: string): string {
  const { day, month, year, hour, minute } = partsOf(iso);
  return `${day}.${month}.${year} ${hour}:${minute}`;
}

/**
 * A mark with exactly `digits` decimals (2 for totals, as scoring.md rounds them), with the decimal
 * comma in Kazakh and Russian. The value must already be rounded the engine's way (half-up):
 * toFixed only pads it.
 */
export function formatMark(value: number, language: Language, digits = 2): string {
  const text = value.toFixed(digits);
  return language === 'en' ? text : text.replace('.', ',');
}

/** A string of the documents namespace (shared/src/i18n/documents.ts) in a document's language. */
export function documentText(
  language: Language,
  key: string,
  params?: Record<string, string | number>,
): string {
  return translate(namespaces.documents[language], key, params);
}

/** A reference text (college, skill, championship names) in a document's language; en falls back to ru. */
export function localizedText(text: Localized, language: Language): string {
  if (language === 'en') return text.en || text.ru;
  return text[language];
}
