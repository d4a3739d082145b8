/** Text the server may send in one language or in all three. */
export type LocalizedText = string | { kk?: string; ru?: string; en?: string };

/**
 * Text in the interface's language, falling back to Russian (every reference name has it), then
 * to any language given; empty when there is none.
 */
export function localized(text: LocalizedText | null | undefined, lang: string): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  const own = lang === 'kk' || lang === 'ru' || lang === 'en' ? text[lang] : undefined;
  return own ?? text.ru ?? text.kk ?? text.en ?? '';
}
