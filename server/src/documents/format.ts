import { almatyStamp, namespaces, translate, type Language, type Localized } from '@ashyq/shared';

/** `dd.mm.yyyy`, the form Kazakh and Russian paperwork uses, in local time (Asia/Almaty). */
export function formatDate(iso: string): string {
  return almatyStamp(iso).slice(0, 10);
}

/** `dd.mm.yyyy hh:mm` in local time (Asia/Almaty). */
export const formatDateTime = almatyStamp;

/**
 * A mark with exactly `digits` decimals (2 for totals, as docs/scoring.md rounds them), with the decimal
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
