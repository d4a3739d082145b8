import { describe, expect, it } from 'vitest';
import { NotJsonError } from '../events/canonical-json';
import { isJsonValue, toDocument, toJson } from './json';

describe('plain JSON checks', () => {
  it('accepts what survives JSON text, leaving out undefined fields as the store does', () => {
    const record = { id: 'r1', rows: 3, group: null, kind: undefined, by: { name: 'Айгерім' } };
    expect(toDocument(record)).toEqual({ id: 'r1', rows: 3, group: null, by: { name: 'Айгерім' } });
    expect(toJson([1, 'a', true, null, { nested: [2] }])).toEqual([
      1,
      'a',
      true,
      null,
      { nested: [2] },
    ]);
  });

  it('refuses what JSON would silently change', () => {
    for (const bad of [new Date(), new Map(), Number.NaN, Infinity, [undefined], () => 1]) {
      expect(isJsonValue(bad)).toBe(false);
      expect(() => toJson({ value: bad })).toThrow(NotJsonError);
    }
    expect(() => toDocument({ id: 'x', when: new Date() })).toThrow(NotJsonError);
  });
});
