import { describe, expect, it } from 'vitest';
import { localizeIssue } from '../identifiers/localized-issue';
import { personNameSchema } from './entities';
import { checkNameText, withoutUnsafeText } from './text';

describe('name text', () => {
  it('accepts names in Kazakh, Russian and Latin letters, with apostrophes, hyphens and emoji', () => {
    for (const name of ['Әбілқасымова-Ли', 'Іңкәр', 'O’Connor', 'Siobhán', 'Çağrı', 'Ханна 🌷']) {
      expect(checkNameText(name), name).toEqual({ ok: true });
    }
    // Marks that only hint a direction reorder nothing after them.
    expect(checkNameText('\u200FНұрғали\u200E')).toEqual({ ok: true });
  });

  it('finds NUL, every bidirectional embedding, override and isolate, and lone surrogates', () => {
    expect(checkNameText('Ali\u0000')).toMatchObject({ reason: 'nul', position: 4 });
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      const character = `U+${code.toString(16).toUpperCase()}`;
      expect(checkNameText(`Али${String.fromCharCode(code)}`), character).toEqual({
        ok: false,
        reason: 'bidi',
        position: 4,
        character,
      });
    }
    expect(checkNameText('A\uD800b')).toMatchObject({ reason: 'surrogate', character: 'U+D800' });
    expect(checkNameText('A\uDFFF')).toMatchObject({ reason: 'surrogate', position: 2 });
    // Positions count characters as a person does: the emoji before is one.
    expect(checkNameText('🌷\u202E')).toMatchObject({ reason: 'bidi', position: 2 });
  });

  it('refuses them in a person’s name with the message in each language', () => {
    const result = personNameSchema.safeParse({ last: 'Серік\u202Eұлы', first: 'Әлихан' });
    expect(result.success).toBe(false);
    const [issue] = result.error!.issues;
    expect(issue!.path).toEqual(['last']);
    expect(localizeIssue(issue!, 'kk')).toContain('U+202E');
    expect(localizeIssue(issue!, 'ru')).toBe(
      'Не должно содержать невидимый символ направления текста U+202E (символ 6): из-за него текст показывается не в том порядке, в каком набран',
    );
  });

  it('cleans a stored record of them, returning an unchanged one as it is', () => {
    const stored = { name: { last: 'Ж\u202Eақ', first: 'Б\uD800' }, tags: ['a\u0000', 1, null] };
    expect(withoutUnsafeText(stored)).toEqual({
      name: { last: 'Жақ', first: 'Б\uFFFD' },
      tags: ['a', 1, null],
    });
    const clean = { name: { last: 'Жақсылықов' }, tags: ['a'] };
    expect(withoutUnsafeText(clean)).toBe(clean);
  });
});
