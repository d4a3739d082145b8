/**
 * Versioned board updates: the change from one JSON snapshot to the next as a short list of
 * operations, so a spectator receives only what moved (a total, a position, a reordered list)
 * instead of the whole board. `applyJsonDiff(a, diffJson(a, b))` equals `b` for every pair of
 * JSON values; the property test checks it.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A path: object keys, and for keyed lists the element's key (see `keyOf`). */
export type JsonPath = string[];

export type JsonOp =
  | { op: 'set'; path: JsonPath; value: Json }
  | { op: 'del'; path: JsonPath }
  /** A keyed list's new order; elements that are new arrive by later `set`s. */
  | { op: 'order'; path: JsonPath; keys: string[] };

/** Fields that identify a list element: board rows, medal table rows, competitions. */
const keyFields = ['id', 'competitor', 'team'] as const;

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keyOf(element: Json): string | undefined {
  if (!isObject(element)) return undefined;
  for (const field of keyFields) {
    const key = element[field];
    if (typeof key === 'string') return `${field}:${key}`;
  }
  return undefined;
}

/** The list's element keys when every element has a distinct one; else undefined. */
function keysOf(list: Json[]): string[] | undefined {
  const keys: string[] = [];
  for (const element of list) {
    const key = keyOf(element);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return new Set(keys).size === keys.length ? keys : undefined;
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((element, i) => equal(element, b[i]));
  }
  const aKeys = Object.keys(a as object);
  const bObject = b as { [key: string]: Json };
  return (
    aKeys.length === Object.keys(bObject).length &&
    aKeys.every(
      (key) =>
        Object.hasOwn(bObject, key) && equal((a as { [key: string]: Json })[key], bObject[key]),
    )
  );
}

/** The operations that turn `before` into `after`; empty when they are equal. */
export function diffJson(before: Json, after: Json): JsonOp[] {
  const ops: JsonOp[] = [];
  diffInto(before, after, [], ops);
  return ops;
}

function diffInto(before: Json, after: Json, path: JsonPath, ops: JsonOp[]): void {
  if (equal(before, after)) return;
  if (isObject(before) && isObject(after)) {
    for (const key of Object.keys(before)) {
      if (!Object.hasOwn(after, key)) ops.push({ op: 'del', path: [...path, key] });
    }
    for (const [key, value] of Object.entries(after)) {
      if (Object.hasOwn(before, key)) diffInto(before[key]!, value, [...path, key], ops);
      else ops.push({ op: 'set', path: [...path, key], value });
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const beforeKeys = keysOf(before);
    const afterKeys = keysOf(after);
    if (beforeKeys && afterKeys && after.length > 0) {
      const old = new Map(beforeKeys.map((key, i) => [key, before[i]!]));
      if (!equal(beforeKeys, afterKeys)) ops.push({ op: 'order', path, keys: afterKeys });
      afterKeys.forEach((key, i) => {
        const previous = old.get(key);
        if (previous === undefined) ops.push({ op: 'set', path: [...path, key], value: after[i]! });
        else diffInto(previous, after[i]!, [...path, key], ops);
      });
      return;
    }
  }
  ops.push({ op: 'set', path, value: after });
}

/** `before` with the operations applied; `before` itself is left as it was. */
export function applyJsonDiff(before: Json, ops: readonly JsonOp[]): Json {
  let root = structuredClone(before);
  for (const op of ops) {
    if (op.path.length === 0) {
      if (op.op === 'set') root = structuredClone(op.value);
      else if (op.op === 'order') root = reorder(root, op.keys);
      continue;
    }
    const parent = locate(root, op.path.slice(0, -1));
    const last = op.path[op.path.length - 1]!;
    if (op.op === 'order') {
      const list = child(parent, last);
      replaceChild(parent, last, reorder(list, op.keys));
    } else if (op.op === 'set') replaceChild(parent, last, structuredClone(op.value));
    else if (isObject(parent)) delete parent[last];
  }
  return root;
}

function reorder(list: Json, keys: string[]): Json[] {
  const byKey = new Map<string, Json>();
  if (Array.isArray(list)) for (const element of list) byKey.set(keyOf(element) ?? '', element);
  // A new element's place holds its key until the `set` that follows fills it.
  return keys.map((key) => byKey.get(key) ?? { [placeholder]: key });
}

const placeholder = '__key';

function indexIn(list: Json[], key: string): number {
  return list.findIndex(
    (element) => keyOf(element) === key || (isObject(element) && element[placeholder] === key),
  );
}

function child(parent: Json, segment: string): Json {
  if (Array.isArray(parent)) return parent[indexIn(parent, segment)] ?? null;
  if (isObject(parent)) return Object.hasOwn(parent, segment) ? parent[segment]! : null;
  throw new Error(`Cannot follow "${segment}" into a ${typeof parent}`);
}

function replaceChild(parent: Json, segment: string, value: Json): void {
  if (Array.isArray(parent)) {
    const at = indexIn(parent, segment);
    if (at < 0) throw new Error(`No list element ${segment}`);
    parent[at] = value;
  } else if (isObject(parent)) {
    // Defined, not assigned: a key such as "__proto__" is data here, never the prototype.
    Object.defineProperty(parent, segment, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else throw new Error(`Cannot set "${segment}" in a ${typeof parent}`);
}

function locate(root: Json, path: JsonPath): Json {
  let node = root;
  for (const segment of path) node = child(node, segment);
  return node;
}
