import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import jsonPatch, { type Operation } from 'fast-json-patch';
import { applyJsonDiff, diffJson, type Json } from './json-diff';

const row = fc.record({
  competitor: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6'),
  total: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
  position: fc.option(fc.integer({ min: 1, max: 6 })),
  criteria: fc.dictionary(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 0, max: 40 })),
});
const rows = fc.uniqueArray(row, { selector: (r) => r.competitor, maxLength: 6 });
const board = fc.record({
  version: fc.nat(),
  policy: fc.constantFrom('live', 'locked', 'embargo'),
  rows: fc.option(rows),
  progress: fc.record({ marked: fc.nat(), required: fc.nat() }),
}) as fc.Arbitrary<Json>;

/** As the value travels: JSON has no -0 and no undefined. */
const wire = (value: Json) => JSON.parse(JSON.stringify(value)) as Json;

describe('diffJson / applyJsonDiff', () => {
  it('snapshot + diff == next snapshot, for boards', () => {
    fc.assert(
      fc.property(board, board, (a, b) => {
        expect(wire(applyJsonDiff(a, diffJson(a, b)))).toEqual(wire(b));
      }),
    );
  });

  it('snapshot + diff == next snapshot, for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const before = wire(a as Json);
        const after = wire(b as Json);
        expect(wire(applyJsonDiff(before, diffJson(before, after)))).toEqual(after);
      }),
    );
  });

  it('treats keys named like Object.prototype members as data', () => {
    // The counterexample fast-check found: "valueOf" was taken as present in {} through the prototype.
    const cases: [Json, Json][] = [
      [{ valueOf: null }, {}],
      [{}, { valueOf: null, constructor: 1 }],
      [{ toString: 'a' }, { toString: 'b' }],
      [{}, wire(JSON.parse('{"__proto__": {"x": 1}}') as Json)],
      [wire(JSON.parse('{"__proto__": 1}') as Json), {}],
    ];
    for (const [before, after] of cases) {
      const result = applyJsonDiff(before, diffJson(before, after));
      expect(wire(result)).toEqual(after);
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    }
  });

  it('a chain of diffs replays a sequence of boards', () => {
    fc.assert(
      fc.property(fc.array(board, { minLength: 2, maxLength: 6 }), (boards) => {
        let held: Json = boards[0]!;
        for (let i = 1; i < boards.length; i++) {
          held = applyJsonDiff(held, diffJson(boards[i - 1]!, boards[i]!));
        }
        expect(wire(held)).toEqual(wire(boards[boards.length - 1]!));
      }),
    );
  });

  it('sends only what moved: one total and a new order, as RFC 6902 operations', () => {
    const before = {
      rows: [
        { competitor: 'a', total: 50, position: 1 },
        { competitor: 'b', total: 40, position: 2 },
      ],
    };
    const after = {
      rows: [
        { competitor: 'b', total: 60, position: 1 },
        { competitor: 'a', total: 50, position: 2 },
      ],
    };
    const ops = diffJson(before, after);
    expect(ops).toEqual([
      { op: 'move', from: '/rows/1', path: '/rows/0' },
      { op: 'replace', path: '/rows/1/position', value: 2 },
      { op: 'replace', path: '/rows/0/position', value: 1 },
      { op: 'replace', path: '/rows/0/total', value: 60 },
    ]);
    expect(diffJson(after, after)).toEqual([]);
  });

  it('moves a row that climbed, removes one that left and adds a new one by key', () => {
    const row = (competitor: string, total: number) => ({
      competitor,
      total,
      name: { kk: `${competitor} kk`, ru: `${competitor} ru`, en: competitor },
    });
    const before = { rows: [row('a', 9), row('b', 8), row('c', 7), row('d', 6), row('e', 5)] };
    const after = { rows: [row('a', 9), row('e', 8.5), row('b', 8), row('c', 7), row('f', 1)] };
    expect(diffJson(before, after)).toEqual([
      { op: 'remove', path: '/rows/3' },
      { op: 'move', from: '/rows/3', path: '/rows/1' },
      { op: 'add', path: '/rows/4', value: row('f', 1) },
      { op: 'replace', path: '/rows/1/total', value: 8.5 },
    ]);
  });

  it('is followed by a standard JSON Patch applier (the one third-party screens would use)', () => {
    fc.assert(
      fc.property(board, board, (a, b) => {
        const before = wire(a);
        const ops = JSON.parse(JSON.stringify(diffJson(before, wire(b)))) as Operation[];
        const followed = jsonPatch.applyPatch(structuredClone(before), ops, true).newDocument;
        expect(followed).toEqual(wire(b));
      }),
    );
  });

  it('lets no key named __proto__ reach the prototype, whether it diffs or applies', () => {
    const before = wire({ criteria: { A: 1 } });
    const after = wire(JSON.parse('{"criteria": {"A": 1, "__proto__": {"polluted": true}}}'));
    const ops = diffJson(before, after);
    // The path would go through __proto__: the whole board goes instead.
    expect(ops).toEqual([{ op: 'replace', path: '', value: after }]);
    const result = applyJsonDiff(before, ops) as { criteria: Json };
    expect(wire(result)).toEqual(after);
    expect(Object.getPrototypeOf(result.criteria)).toBe(Object.prototype);
    expect(Object.hasOwn(result.criteria as object, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();

    // A patch written by anyone else that goes through __proto__ is refused, nothing polluted.
    for (const path of ['/__proto__/polluted', '/criteria/__proto__/polluted']) {
      expect(() => applyJsonDiff(before, [{ op: 'add', path, value: true }])).toThrow(/__proto__/);
    }
    expect(() =>
      applyJsonDiff(before, [{ op: 'add', path: '/constructor/prototype/polluted', value: true }]),
    ).toThrow();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses operations that do not fit the document', () => {
    const before = { rows: [{ competitor: 'a', total: 1 }] };
    expect(() =>
      applyJsonDiff(before, [{ op: 'replace', path: '/rows/3/total', value: 2 }]),
    ).toThrow();
    expect(before.rows[0]!.total).toBe(1);
  });

  it('leaves the snapshot it was given unchanged', () => {
    const before = { rows: [{ competitor: 'a', total: 1 }] };
    applyJsonDiff(before, [{ op: 'replace', path: '/rows/0/total', value: 2 }]);
    expect(before.rows[0]!.total).toBe(1);
  });
});
