import type { z } from 'zod';
import { localizeIssue, namespaces, translate, type Language } from '@ashyq/shared';

export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'invalid_pin'
  | 'conflict'
  | 'not_final'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'bad_origin'
  | 'bad_json'
  | 'bad_path'
  | 'bad_charset'
  | 'bad_encoding'
  | 'bad_request'
  | 'internal';

/** One located problem: `path` is a field path (`criteria.0.name`) or a place (`row 4, column IIN`). */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

/**
 * The errors a domain service throws when it refuses: a code, the parameters of its message and
 * the located problems. The message is resolved in the caller's language by the edge that reports
 * it (the HTTP error handler, a socket acknowledgement), so services throw without knowing the
 * language or the transport.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] | ((lang: Language) => ErrorDetail[]) = [],
  ) {
    super(code);
  }
}

export function t(lang: Language, key: string, params?: Record<string, string | number>): string {
  return translate(namespaces.errors[lang], key, params);
}

type Issue = z.core.$ZodIssue;

function issueMessage(issue: Issue, lang: Language): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t(lang, 'issue.required');
      return t(lang, 'issue.invalid_type', { expected: t(lang, `type.${issue.expected}`) });
    case 'too_small':
    case 'too_big': {
      const origin = ['string', 'number', 'array'].includes(issue.origin) ? issue.origin : 'number';
      const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      return t(lang, `issue.${issue.code}_${origin}`, { minimum: bound, maximum: bound });
    }
    case 'invalid_format':
      return t(lang, 'issue.invalid_format', { format: issue.format });
    case 'invalid_value':
      return t(lang, 'issue.invalid_value', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return t(lang, 'issue.unrecognized_keys', { keys: issue.keys.join(', ') });
    case 'not_multiple_of':
      return t(lang, 'issue.not_multiple_of', { divisor: String(issue.divisor) });
    case 'custom':
      return localizeIssue(issue, lang) ?? (issue.message || t(lang, 'issue.invalid'));
    default:
      return t(lang, 'issue.invalid');
  }
}

export function issueDetails(issues: readonly Issue[], lang: Language, prefix = ''): ErrorDetail[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issueMessage(issue, lang),
  }));
}

/**
 * Validates one part of a request (body, query, params) and returns the parsed value,
 * or throws a validation error naming every bad field in the caller's language.
 */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  throw new DomainError('validation_failed', {}, (lang) =>
    issueDetails(issues, lang, where === 'body' ? '' : where),
  );
}
