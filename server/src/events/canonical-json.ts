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
 * The one text of a JSON value that hashing relies on: object keys sorted by UTF-16 code units,
 * no whitespace, numbers as JavaScript prints them (the shortest text that reads back to the same
 * double, so a value written and read back gives the same text). Anything JSON.stringify would
 * silently change (NaN, Infinity, undefined in an array, a Date, a Map, a class instance, a cycle)
 * is refused, so what is hashed is exactly what is stored. An object property whose value is
 * undefined is left out, as JSON.stringify does, because optional fields are commonly undefined.
 */
export function canonicalJson(value: unknown): string {
  try {
    return fast(value, 0);
  } catch (error) {
    if (error !== notPlainJson) throw error;
  }
  // The careful pass: names the path of what is not JSON, or finds a deep value was fine.
  const parts: string[] = [];
  write(value, '', parts, new Set());
  return parts.join('');
}

/** Thrown by the fast pass, which keeps no path: the careful pass then says where and why. */
const notPlainJson = new Error('not plain JSON');
/** Nesting the fast pass takes for a possible cycle; the careful pass then decides. */
const maxFastDepth = 100;

/**
 * The same text as `write`, without tracking paths and ancestors: every event hash and every
 * snapshot goes through here, and building a path string per field was most of the cost.
 */
function fast(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw notPlainJson;
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (depth >= maxFastDepth) throw notPlainJson;
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          out += (i > 0 ? ',' : '') + fast(value[i], depth + 1);
        }
        return out + ']';
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw notPlainJson;
      const record = value as Record<string, unknown>;
      let out = '{';
      for (const key of Object.keys(record).sort()) {
        const field = record[key];
        if (field === undefined) continue;
        out += (out.length > 1 ? ',' : '') + JSON.stringify(key) + ':' + fast(field, depth + 1);
      }
      return out + '}';
    }
    default:
      throw notPlainJson;
  }
}

function write(value: unknown, path: string, out: string[], ancestors: Set<object>): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError(path, `${value} is not a finite number`);
      out.push(JSON.stringify(value));
      return;
    case 'object':
      if (value === null) {
        out.push('null');
        return;
      }
      if (ancestors.has(value)) throw new NotJsonError(path, 'the value contains itself');
      ancestors.add(value);
      if (Array.isArray(value)) writeArray(value, path, out, ancestors);
      else writeObject(value, path, out, ancestors);
      ancestors.delete(value);
      return;
    default:
      throw new NotJsonError(path, `a ${typeof value} is not JSON`);
  }
}

function writeArray(items: unknown[], path: string, out: string[], ancestors: Set<object>): void {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    write(items[i], `${path}[${i}]`, out, ancestors);
  }
  out.push(']');
}

function writeObject(value: object, path: string, out: string[], ancestors: Set<object>): void {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new NotJsonError(
      path,
      `a ${value.constructor?.name ?? 'class instance'} is not plain JSON`,
    );
  }
  const record = value as Record<string, unknown>;
  out.push('{');
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const field = record[key];
    if (field === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(field, path ? `${path}.${key}` : key, out, ancestors);
  }
  out.push('}');
}
