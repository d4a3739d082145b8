import { reasonRefinement, type ReasonFailure } from '../identifiers/localized-issue';

/**
 * Characters no name needs, refused wherever a name comes in (people, colleges, championships,
 * skills, accounts): the NUL character, which C libraries and some databases take for the end of
 * the text; the invisible controls that reorder bidirectional text (embeddings, overrides and
 * isolates, U+202A-U+202E and U+2066-U+2069), with which a name shows on a board or a protocol
 * in another order than it is stored and compared; and a lone half of a UTF-16 surrogate pair,
 * which is no character at all and breaks UTF-8 output (PDF, XLSX, CSV). The marks that only
 * hint a direction (U+200E, U+200F, U+061C) are allowed: they reorder nothing else.
 */
// With the `u` flag a paired surrogate is one code point, so the range matches lone halves only.
// eslint-disable-next-line no-control-regex -- NUL is one of the characters looked for
const unsafeCharacter = /[\u0000\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

export type UnsafeTextReason = 'nul' | 'bidi' | 'surrogate';

export interface UnsafeTextFailure extends ReasonFailure {
  reason: UnsafeTextReason;
  /** 1-based, counted in characters as a person counts them. */
  position: number;
  /** The character as U+XXXX. */
  character: string;
}

export function checkNameText(value: string): { ok: true } | UnsafeTextFailure {
  const match = unsafeCharacter.exec(value);
  if (!match) return { ok: true };
  const codePoint = match[0].codePointAt(0)!;
  const reason: UnsafeTextReason =
    codePoint === 0 ? 'nul' : codePoint >= 0xd800 && codePoint <= 0xdfff ? 'surrogate' : 'bidi';
  return {
    ok: false,
    reason,
    position: [...value.slice(0, match.index)].length + 1,
    character: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
  };
}

/**
 * A zod refinement refusing those characters with a message in the caller's language:
 * `z.string().trim().min(1).max(100).superRefine(refuseUnsafeText)`.
 */
export const refuseUnsafeText = reasonRefinement(checkNameText, 'errors', 'text');

// eslint-disable-next-line no-control-regex -- NUL is one of the characters removed
const removable = /[\u0000\u202A-\u202E\u2066-\u2069]/gu;
const loneSurrogate = /[\uD800-\uDFFF]/gu;

/**
 * A stored document as it may be shown: records written before these characters were refused
 * are read with them removed (a broken surrogate becomes U+FFFD), so they still load and no
 * longer reorder what is shown after them. An unchanged value is returned as it is.
 */
export function withoutUnsafeText<T>(value: T): T {
  if (typeof value === 'string') {
    if (!unsafeCharacter.test(value)) return value;
    return value.replace(removable, '').replace(loneSurrogate, '\uFFFD') as T;
  }
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const cleaned = entries.map(([key, field]) => [key, withoutUnsafeText(field)] as const);
  if (cleaned.every(([, field], i) => field === entries[i]![1])) return value;
  const fields = cleaned.map(([, field]) => field);
  return (Array.isArray(value) ? fields : Object.fromEntries(cleaned)) as T;
}
