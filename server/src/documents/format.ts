import {
  almatyStamp,
  formatMarks,
  namespaces,
  translate,
  type Language,
  type Localized,
} from '@ashyq/shared';

/** `dd.mm.yyyy`, the form Kazakh and Russian paperwork uses, in local time (Asia/Almaty). */
export function formatDate(iso: string): string {
  return almatyStamp(iso).slice(0, 10);
}

/** `dd.mm.yyyy hh:mm` in local time (Asia/Almaty). */
export const formatDateTime = almatyStamp;

/**
 * A mark with exactly `digits` decimals, written as the boards write it in the same language
 * (the shared `formatMarks`: decimal comma in Kazakh and Russian).
 */
export function formatMark(value: number, language: Language, digits = 2): string {
  return formatMarks(value, language, digits);
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
