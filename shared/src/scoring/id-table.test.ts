import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ABSENT, hashId, IdTable } from './id-table';

describe('IdTable', () => {
  it('numbers ids in the order they were added and finds each one again', () => {
    const ids: string[] = [];
    const table = new IdTable((n) => ids[n]!, 4);
    expect(table.find('mk00000001')).toBe(ABSENT);
    expect(table.add('mk00000001')).toBe(0);
    ids.push('mk00000001');
    expect(table.add('mk00000002')).toBe(1);
    ids.push('mk00000002');
    expect(table.find('mk00000002')).toBe(1);
    expect(table.find('mk00000001')).toBe(0);
    expect(table.size).toBe(2);
  });

  it('agrees with a Map over any ids, through every growth of the table', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 400 }), (ids) => {
        const kept: string[] = [];
        const table = new IdTable((n) => kept[n]!, 1);
        const map = new Map<string, number>();
        for (const id of ids) {
          const found = table.find(id);
          expect(found).toBe(map.get(id) ?? ABSENT);
          if (found === ABSENT) {
            map.set(id, table.add(id));
            kept.push(id);
          }
        }
        for (const [id, n] of map) expect(table.find(id)).toBe(n);
        expect(table.size).toBe(map.size);
      }),
    );
  });

  it('tells apart ids whose hashes collide', () => {
    const ids = Array.from({ length: 5000 }, (_, n) => `m${n}`);
    const table = new IdTable((n) => ids[n]!, 1);
    for (const id of ids) table.add(id);
    const seen = new Set(ids.map(hashId));
    expect(seen.size).toBeGreaterThan(4900);
    ids.forEach((id, n) => expect(table.find(id)).toBe(n));
    expect(table.find('m5000')).toBe(ABSENT);
  });
});
