/**
 * A PATCH body: a field that is present replaces the stored one, an absent field stays as it is,
 * and `null` removes an optional field (JSON has no `undefined`, so leaving a field out cannot
 * say "clear it"). The route's zod schema decides which fields may be null.
 */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

export function applyPatch<T extends object>(record: T, patch: Patch<T>): T {
  const patched: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete patched[key];
    else if (value !== undefined) patched[key] = value;
  }
  return patched as T;
}
