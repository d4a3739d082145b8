import jsonPatch from 'fast-json-patch';

/**
 * Board updates as JSON Patch (RFC 6902): the change from one JSON snapshot to the next as a
 * short list of operations, so a spectator receives only what moved (a total, a position, a row
 * that climbed) instead of the whole board, and any JSON Patch library can follow a board
 * (docs/realtime.md, *Board diffs*). `applyJsonDiff(a, diffJson(a, b))` equals `b` for every
 * pair of JSON values; the property test checks it.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The RFC 6902 operations a board diff uses; `path` and `from` are JSON Pointers (RFC 6901). */
export type JsonOp =
  | { op: 'add'; path: string; value: Json }
  | { op: 'remove'; path: string }
  | { op: 'replace'; path: string; value: Json }
  | { op: 'move'; from: string; path: string };

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

const pointer = (path: string, segment: string | number) =>
  `${path}/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`;

/**
 * The operations that turn `before` into `after`; empty when they are equal.
 *
 * Lists whose elements all carry a key (`id`, `competitor`, `team`) are matched by key first: a
 * row that left is removed, a new one added, one that changed place moved, so when a competitor
 * climbs from fifth to second the diff is one `move` and the figures that changed, not every
 * field of the rows in between. The library's `compare` then finds what changed inside.
 */
export function diffJson(before: Json, after: Json): JsonOp[] {
  const wholeDocument: JsonOp[] = [{ op: 'replace', path: '', value: after }];
  if (!sameContainer(before, after)) {
    return jsonPatch._areEquals(before, after) ? [] : wholeDocument;
  }
  const moves: JsonOp[] = [];
  alignKeyedLists(before, after, '', moves);
  const aligned =
    moves.length === 0
      ? before
      : jsonPatch.applyPatch(structuredClone(before), moves, false, true).newDocument;
  const ops = [...moves, ...(jsonPatch.compare(aligned as object, after as object) as JsonOp[])];
  // A path through `__proto__` (or constructor/prototype) is data on a board but refused by every
  // careful JSON Patch applier, fast-json-patch included: send the whole board instead.
  return ops.some((op) => touchesPrototype(op.path) || ('from' in op && touchesPrototype(op.from)))
    ? wholeDocument
    : ops;
}

function sameContainer(a: Json, b: Json): boolean {
  return (isObject(a) && isObject(b)) || (Array.isArray(a) && Array.isArray(b));
}

function touchesPrototype(path: string): boolean {
  return /\/__proto__(\/|$)|\/constructor\/prototype(\/|$)/.test(path);
}

/**
 * Pushes the remove/move/add operations that give every keyed list in `before` the elements of
 * the same list in `after`, in its order, at every depth. Operations apply in sequence: a list's
 * own operations come before those inside its elements, which use the elements' final places.
 */
function alignKeyedLists(before: Json, after: Json, path: string, ops: JsonOp[]): void {
  if (isObject(before) && isObject(after)) {
    for (const [key, value] of Object.entries(after)) {
      if (Object.hasOwn(before, key)) alignKeyedLists(before[key]!, value, pointer(path, key), ops);
    }
    return;
  }
  if (!Array.isArray(before) || !Array.isArray(after) || after.length === 0) return;
  const beforeKeys = keysOf(before);
  const afterKeys = keysOf(after);
  if (!beforeKeys || !afterKeys) return;
  const wanted = new Set(afterKeys);
  const current = [...beforeKeys];
  for (let i = current.length - 1; i >= 0; i--) {
    if (wanted.has(current[i]!)) continue;
    ops.push({ op: 'remove', path: pointer(path, i) });
    current.splice(i, 1);
  }
  afterKeys.forEach((key, i) => {
    const at = current.indexOf(key);
    if (at === i) return;
    if (at < 0) ops.push({ op: 'add', path: pointer(path, i), value: after[i]! });
    else {
      ops.push({ op: 'move', from: pointer(path, at), path: pointer(path, i) });
      current.splice(at, 1);
    }
    current.splice(i, 0, key);
  });
  const old = new Map(beforeKeys.map((key, i) => [key, before[i]!]));
  afterKeys.forEach((key, i) => {
    const previous = old.get(key);
    if (previous !== undefined) alignKeyedLists(previous, after[i]!, pointer(path, i), ops);
  });
}

/**
 * `before` with the operations applied; `before` itself is left as it was. Throws when an
 * operation does not fit the document (a path that is not there) or goes through `__proto__`:
 * a spectator then asks for a fresh snapshot (BoardReplica reports a gap).
 */
export function applyJsonDiff(before: Json, ops: readonly JsonOp[]): Json {
  return jsonPatch.applyPatch(structuredClone(before), structuredClone(ops as JsonOp[]), true, true)
    .newDocument;
}
