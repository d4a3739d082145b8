import {
  assertPlainJson,
  isPlainJson,
  NotJsonError,
  type JsonObject,
  type JsonValue,
} from '../events/canonical-json';
import type { StoredDocument } from './port';

/**
 * The one checked way from a typed value to what the store keeps: TypeScript cannot see that an
 * interface with optional fields is plain JSON, so the value is checked at run time instead of
 * cast, by the same check the hash chain applies (server/src/events/canonical-json.ts). An object
 * field that is undefined is left out, as JSON.stringify and the store do.
 */

/** Whether `value` survives JSON text unchanged (plain objects and arrays, finite numbers). */
export const isJsonValue = isPlainJson;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && isJsonValue(value);
}

/** The value as JSON, or a NotJsonError naming where it is not: a caller's bug, never input. */
export function toJson(value: unknown): JsonValue {
  assertPlainJson(value);
  return value;
}

/** A record as a store document: a JSON object with a string id. */
export function toDocument<T extends { id: string }>(value: T): StoredDocument {
  if (!isJsonObject(value)) throw new NotJsonError('', 'a document must be a plain JSON object');
  return { ...value, id: value.id };
}
