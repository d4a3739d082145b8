import { NotJsonError, type JsonObject, type JsonValue } from '../events/canonical-json';
import type { StoredDocument } from './port';

/**
 * The one checked way from a typed value to what the store keeps: TypeScript cannot see that an
 * interface with optional fields is plain JSON, so the value is checked at run time instead of
 * cast. An object field that is undefined is left out, as JSON.stringify and the store do.
 */

/** Whether `value` survives JSON text unchanged (plain objects and arrays, finite numbers). */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth > 200) return false;
      if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      return Object.values(value).every(
        (field) => field === undefined || isJsonValue(field, depth + 1),
      );
    }
    default:
      return false;
  }
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && isJsonValue(value);
}

/** The value as JSON, or a NotJsonError: a caller's bug, never a user's input. */
export function toJson(value: unknown): JsonValue {
  if (!isJsonValue(value)) throw new NotJsonError('', 'not plain JSON');
  return value;
}

/** A record as a store document: a JSON object with a string id. */
export function toDocument<T extends { id: string }>(value: T): StoredDocument {
  if (!isJsonObject(value)) throw new NotJsonError('', 'a document must be a plain JSON object');
  return { ...value, id: value.id };
}
