import canonicalize from 'canonicalize';

/** A value that survives JSON text unchanged: what events, documents and snapshots may hold. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonObject = { [key: string]: JsonValue };

export class NotJsonError extends TypeError {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`Not a JSON value at ${path || '(root)'}: ${detail}`);
    this.name = 'NotJsonError';
  }
}

/**
 * The one text of a JSON value that hashing relies on: the JSON Canonicalization Scheme (RFC 8785,
 * written by the `canonicalize` library), so anyone can recompute a hash with an off-the-shelf
 * JCS implementation (docs/event-log.md). Object keys sorted by UTF-16 code units, no whitespace,
 * numbers as JavaScript prints them.
 *
 * Before the library is called, anything JSON.stringify (and so JCS libraries, which call it)
 * would silently change is refused with its path: NaN, Infinity, undefined in an array, a Date
 * (toJSON), a Map, a class instance, a cycle. So what is hashed is exactly what is stored. An
 * object property whose value is undefined is left out, as JSON.stringify and JCS do.
 *
 * The one value JCS has no text for is a string with a lone UTF-16 surrogate (not Unicode). It
 * is written as JSON.stringify escapes it (`"\ud800"`), the text the log has always hashed, so
 * events that hold one keep verifying.
 */
export function canonicalJson(value: unknown): string {
  const text = writePlain(value, 0);
  if (text !== undefined) return text;
  // Not plain JSON, or nested past the fast pass: say where, or write it the careful way.
  assertPlainJson(value);
  try {
    return canonicalize(value)!;
  } catch (error) {
    if (holdsLoneSurrogate(value)) return escapedLoneSurrogates(value);
    throw error;
  }
}

/**
 * The fast pass: checks and writes in one walk what the library writes (it is held to the
 * library's text by a property test), for the small values every event holds. The library
 * checks each string for lone surrogates and tracks every object in a Set, about three
 * quarters of an append's canonicalisation (docs/benchmarks.md); here a string is
 * JSON.stringify's text, which is JCS's, with a lone surrogate escaped as the log always wrote
 * it. Returns undefined for anything that is not plain JSON or is nested deeper than
 * maxFastDepth (a possible cycle), which the careful path then explains or writes.
 */
function writePlain(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'object': {
      if (value === null) return 'null';
      if (depth >= maxFastDepth) return undefined;
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) {
          const item = value[i] === undefined ? undefined : writePlain(value[i], depth + 1);
          if (item === undefined) return undefined;
          text += i === 0 ? item : `,${item}`;
        }
        return `${text}]`;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return undefined;
      const record = value as Record<string, unknown>;
      const keys = sortedKeys(record);
      let text = '{';
      for (const key of keys) {
        const field = record[key];
        if (field === undefined) continue;
        const written = writePlain(field, depth + 1);
        if (written === undefined) return undefined;
        text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${written}`;
      }
      return `${text}}`;
    }
    default:
      return undefined;
  }
}

/**
 * An object's keys in the order JCS asks for: by UTF-16 code units, which is how `<` compares
 * strings. Sorted in place by insertion: an event's objects have a handful of keys, and
 * Array.prototype.sort allocated a work array for each of them, a twentieth of everything a
 * marking server allocated (docs/benchmarks.md).
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** Canonical texts of the objects and arrays parseCanonical read from them. */
const textOfParsed = new WeakMap<object, string>();

/**
 * JSON.parse of a canonical text that remembers the text for the value it returns, so writing
 * that value again (canonicalJsonOf) costs a lookup instead of a second canonicalisation. The
 * value must be left as it is (events are never changed once chained).
 */
export function parseCanonical(text: string): JsonValue {
  const value = JSON.parse(text) as JsonValue;
  if (typeof value === 'object' && value !== null) textOfParsed.set(value, text);
  return value;
}

/** canonicalJson, or the text a value was read from by parseCanonical. */
export function canonicalJsonOf(value: JsonValue): string {
  if (typeof value === 'object' && value !== null) {
    const known = textOfParsed.get(value);
    if (known !== undefined) return known;
  }
  return canonicalJson(value);
}

/** Throws a NotJsonError naming the path of the first part of `value` that is not plain JSON. */
export function assertPlainJson(value: unknown): asserts value is JsonValue {
  if (!plainJson(value, 0)) explain(value, '', new Set());
}

/** Whether `value` survives JSON text unchanged (plain objects and arrays, finite numbers). */
export function isPlainJson(value: unknown): value is JsonValue {
  try {
    assertPlainJson(value);
    return true;
  } catch (error) {
    if (error instanceof NotJsonError) return false;
    throw error;
  }
}

/** Nesting the fast check takes for a possible cycle; the careful pass then decides. */
const maxFastDepth = 100;

/** True when `value` is plain JSON; false sends it to `explain`, which says where and why. */
function plainJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth >= maxFastDepth) return false;
      if (Array.isArray(value)) {
        for (const item of value)
          if (item === undefined || !plainJson(item, depth + 1)) return false;
        return true;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const field of Object.values(value)) {
        if (field !== undefined && !plainJson(field, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * The careful pass: throws a NotJsonError naming the path of what is not JSON, or returns when
 * a value the fast check gave up on (deep nesting) is fine after all.
 */
function explain(value: unknown, path: string, ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError(path, `${value} is not a finite number`);
      return;
    case 'object': {
      if (value === null) return;
      if (ancestors.has(value)) throw new NotJsonError(path, 'the value contains itself');
      ancestors.add(value);
      if (Array.isArray(value)) {
        value.forEach((item: unknown, i) => explain(item, `${path}[${i}]`, ancestors));
      } else {
        const prototype = Object.getPrototypeOf(value);
        if (prototype !== Object.prototype && prototype !== null) {
          throw new NotJsonError(
            path,
            `a ${value.constructor?.name ?? 'class instance'} is not plain JSON`,
          );
        }
        for (const [key, field] of Object.entries(value)) {
          if (field !== undefined) explain(field, path ? `${path}.${key}` : key, ancestors);
        }
      }
      ancestors.delete(value);
      return;
    }
    default:
      throw new NotJsonError(path, `a ${typeof value} is not JSON`);
  }
}

/** In unicode mode a paired surrogate is one code point: only a lone one is in category Cs. */
const loneSurrogate = /\p{Cs}/u;

function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return loneSurrogate.test(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  return Object.entries(value).some(
    ([key, field]) => loneSurrogate.test(key) || holdsLoneSurrogate(field),
  );
}

/**
 * Canonical text for a value JCS refuses because a string in it holds a lone surrogate: the
 * same rules, with JSON.stringify's `\udXXX` escape for the surrogate.
 */
function escapedLoneSurrogates(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(escapedLoneSurrogates).join(',')}]`;
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${escapedLoneSurrogates(record[key])}`);
  return `{${fields.join(',')}}`;
}
