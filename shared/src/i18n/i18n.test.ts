import { describe, expect, it } from 'vitest';
import { namespaces, languages, translate, pickLanguage, type Dictionary } from './index';

function keysOf(dict: Dictionary, prefix = ''): string[] {
  return Object.entries(dict).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

describe('dictionaries', () => {
  for (const [name, ns] of Object.entries(namespaces)) {
    it(`${name}: every key exists in kk, ru and en with the same placeholders`, () => {
      const reference = keysOf(ns.en).sort();
      for (const lang of languages) {
        expect(keysOf(ns[lang]).sort(), `${name} in ${lang}`).toEqual(reference);
        for (const key of reference) {
          const text = translate(ns[lang], key);
          expect(text.trim(), `${name}.${key} in ${lang} is empty`).not.toBe('');
          expect(placeholders(text), `${name}.${key} placeholders in ${lang}`).toEqual(
            placeholders(translate(ns.en, key)),
          );
        }
      }
    });
  }
});

describe('printed documents', () => {
  it('hold a number sign to what it numbers: "№" never ends a printed line alone', () => {
    const printed = [
      ['documents', ''],
      ['exam', 'document.'],
    ] as const;
    for (const [name, prefix] of printed) {
      for (const lang of languages) {
        for (const key of keysOf(namespaces[name][lang]).filter((k) => k.startsWith(prefix))) {
          const text = translate(namespaces[name][lang], key);
          expect(text, `${name}.${key} in ${lang}`).not.toMatch(/№ |No\. \{\{/);
        }
      }
    }
  });
});

describe('translate', () => {
  it('fills placeholders and returns the key for unknown keys', () => {
    const dict = { a: { b: 'Hello {{name}}' } };
    expect(translate(dict, 'a.b', { name: 'Aru' })).toBe('Hello Aru');
    expect(translate(dict, 'a.c')).toBe('a.c');
  });

  it('names a coded value in words with $t(), as i18next nests keys', () => {
    const dict = {
      why: 'Cannot serve as “$t(exam:role.{{role}})”',
      role: { chief: 'Chief expert' },
    };
    expect(translate(dict, 'why', { role: 'chief' })).toBe('Cannot serve as “Chief expert”');
    expect(translate(namespaces.exam.ru, 'invalid.one_per_role', { role: 'chair', count: 2 })).toBe(
      'В комиссии должна быть ровно одна роль «Председатель комиссии», сейчас 2',
    );
  });

  it('picks the first supported language of an Accept-Language header', () => {
    expect(pickLanguage('kk-KZ,ru;q=0.8')).toBe('kk');
    expect(pickLanguage('de, en;q=0.5')).toBe('en');
    expect(pickLanguage(undefined)).toBe('ru');
  });
});
