import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  it('sends only what moved: one total and a new order', () => {
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
    expect(diffJson(before, after)).toEqual([
      { op: 'order', path: ['rows'], keys: ['competitor:b', 'competitor:a'] },
      { op: 'set', path: ['rows', 'competitor:b', 'total'], value: 60 },
      { op: 'set', path: ['rows', 'competitor:b', 'position'], value: 1 },
      { op: 'set', path: ['rows', 'competitor:a', 'position'], value: 2 },
    ]);
    expect(diffJson(after, after)).toEqual([]);
  });

  it('leaves the snapshot it was given unchanged', () => {
    const before = { rows: [{ competitor: 'a', total: 1 }] };
    applyJsonDiff(before, [{ op: 'set', path: ['rows', 'competitor:a', 'total'], value: 2 }]);
    expect(before.rows[0]!.total).toBe(1);
  });
});
