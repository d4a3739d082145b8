import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { canonicalJson, type JsonValue } from './canonical-json';

/**
 * The writer every hash was made with before the JCS library: keys sorted with the default
 * sort (UTF-16 code units), strings, numbers and keys as JSON.stringify writes them.
 */
function writerBeforeJcs(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(writerBeforeJcs).join(',')}]`;
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${writerBeforeJcs(record[key])}`);
  return `{${fields.join(',')}}`;
}

/** Any JSON value, with strings of any UTF-16 code units (lone surrogates too) and any doubles. */
const anyJson = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 });

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((key) => [key, reverseKeys(value[key]!)]),
  );
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, { d: null, c: 'қ' }], ä: {} })).toBe(
      '{"a":[true,{"c":"қ","d":null}],"b":1,"ä":{}}',
    );
  });

  it('writes numbers as the shortest text that reads back to the same number', () => {
    expect(canonicalJson([5.0, 0.1, -2.5, 1e21, 1e-7, -0, 9007199254740991])).toBe(
      '[5,0.1,-2.5,1e+21,1e-7,0,9007199254740991]',
    );
  });

  it('leaves out undefined properties, as JSON does', () => {
    expect(canonicalJson({ a: 1, reason: undefined })).toBe('{"a":1}');
  });

  it.each([
    ['NaN', { score: NaN }, 'score: NaN is not a finite number'],
    ['Infinity', [1, Infinity], '[1]: Infinity is not a finite number'],
    ['undefined in an array', { list: [undefined] }, 'list[0]: a undefined is not JSON'],
    ['a Date', { at: new Date(0) }, 'at: a Date is not plain JSON'],
    ['a Map', new Map(), '(root): a Map is not plain JSON'],
    ['a bigint', { n: 1n }, 'n: a bigint is not JSON'],
    ['a function', { f: () => 1 }, 'f: a function is not JSON'],
  ])('refuses %s and says where', (_name, value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it('refuses a value that contains itself, but not one that repeats a value', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow('self: the value contains itself');
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('writes a deeply nested value (past the fast pass) and still finds a cycle deep down', () => {
    let deep: JsonValue = { z: 1, a: [] };
    for (let depth = 0; depth < 300; depth++) deep = { b: [deep], a: depth };
    expect(JSON.parse(canonicalJson(deep))).toEqual(deep);
    const loop: Record<string, unknown> = {};
    let inner: Record<string, unknown> = loop;
    for (let depth = 0; depth < 150; depth++) inner = inner.next = {};
    inner.back = loop;
    expect(() => canonicalJson(loop)).toThrow('the value contains itself');
  });

  it('gives one text for a value whatever the order of its keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reverseKeys(value as JsonValue))).toBe(canonicalJson(value));
      }),
    );
  });

  it('is JSON that reads back to the same value and the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        // JSON.stringify also writes -0 as 0: both must read back to the same value.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('is RFC 8785 (JCS): the same text as the canonicalize library and as the writer before it', () => {
    fc.assert(
      fc.property(anyJson, fc.double({ noNaN: true, noDefaultInfinity: true }), (value, x) => {
        const withNumber = { value, x, list: [x, -x, x / 1e300, Math.round(x)] };
        const text = canonicalJson(withNumber);
        expect(text).toBe(writerBeforeJcs(withNumber));
        if (!/\p{Cs}/u.test(JSON.stringify(withNumber)))
          expect(text).toBe(canonicalize(withNumber));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a lone surrogate as JSON.stringify escapes it, where JCS has no text', () => {
    const value = { note: 'broken \ud800 end', '\udc00': 1, ok: '😀' };
    expect(() => canonicalize(value)).toThrow();
    expect(canonicalJson(value)).toBe('{"note":"broken \\ud800 end","ok":"😀","\\udc00":1}');
  });
});
