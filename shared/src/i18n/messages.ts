/**
 * Dictionaries are grouped by namespace; each namespace keeps the three languages side by side
 * so that a missing key shows up in review, in the type checker and in i18n.test.ts.
 */
export const languages = ['kk', 'ru', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'ru';

/** A nested dictionary of strings; `{{name}}` marks an interpolated value (i18next syntax). */
export type Dictionary = { [key: string]: string | Dictionary };

export type Namespace<T extends Dictionary = Dictionary> = Record<Language, T>;

/**
 * Declares a namespace. English is the reference shape: kk and ru must have the same keys
 * (checked at compile time here and at run time by the completeness test).
 */
export function defineNamespace<T extends Dictionary>(ns: {
  en: T;
  ru: Shape<T>;
  kk: Shape<T>;
}): Namespace<T> {
  return ns as Namespace<T>;
}

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Picks the caller's language from an Accept-Language style list, falling back to the default. */
export function pickLanguage(header: string | undefined | null): Language {
  if (!header) return defaultLanguage;
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    if (isLanguage(tag)) return tag;
  }
  return defaultLanguage;
}

/**
 * Looks up `a.b.c` in a dictionary and fills `{{param}}` placeholders. Unknown keys return the key.
 * As in i18next, `$t(ns:key)` after filling is the text of that key of the same dictionary, so a
 * message can name a coded value in words: `«$t(exam:role.{{role}})»`.
 */
export function translate(
  dict: Dictionary,
  key: string,
  params: Record<string, string | number> = {},
): string {
  let node: string | Dictionary | undefined = dict;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`))
    .replace(/\$t\((?:\w+:)?([\w.-]+)\)/g, (_, nested: string) => translate(dict, nested));
}
