import type { ErrorRequestHandler, Request } from 'express';
import type { z } from 'zod';
import {
  isLanguage,
  localizeIssue,
  namespaces,
  pickLanguage,
  translate,
  type Language,
} from '@ashyq/shared';
import { recordFailure } from '../ops/request-log';

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

const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_json: 400,
  bad_path: 400,
  bad_charset: 400,
  bad_encoding: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  bad_origin: 403,
  invalid_pin: 403,
  not_found: 404,
  conflict: 409,
  not_final: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

/** One located problem: `path` is a field path (`criteria.0.name`) or a place (`row 4, column IIN`). */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

/**
 * An error the API reports to its caller. The message is resolved in the caller's language
 * when the response is written, so services throw it without knowing the language.
 */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details: ErrorDetail[] | ((lang: Language) => ErrorDetail[]) = [],
    status?: number,
  ) {
    super(code);
    this.status = status ?? statusOf[code];
  }
}

/** The caller's language: `?lang=`, then the `lang` cookie, then Accept-Language. */
export function languageOf(req: Request): Language {
  const query = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
  if (isLanguage(query)) return query;
  const cookie = /(?:^|;\s*)lang=(kk|ru|en)\b/.exec(req.headers.cookie ?? '')?.[1];
  if (isLanguage(cookie)) return cookie;
  return pickLanguage(req.headers['accept-language']);
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
 * or throws a 400 naming every bad field in the caller's language.
 */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  throw new ApiError('validation_failed', {}, (lang) =>
    issueDetails(issues, lang, where === 'body' ? '' : where),
  );
}

function isClientError(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false;
  const { status, expose } = err as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const lang = languageOf(req);
  let error: ApiError;
  if (err instanceof ApiError) {
    error = err;
  } else if (isClientError(err)) {
    // A request a library refused as the caller's mistake (http-errors with a 4xx status) that
    // no reader of ours named: still the caller's mistake, never a server error.
    error = new ApiError('bad_request');
  } else {
    // Written once, with the request's own log line (ops/request-log.ts).
    error = new ApiError('internal');
  }
  recordFailure(res, { code: error.code, ...(error.code === 'internal' ? { error: err } : {}) });
  const details = typeof error.details === 'function' ? error.details(lang) : error.details;
  // A conflict with reasons is a rule of the domain (an IIN already registered, a frozen
  // scheme), not someone else's concurrent change: its headline says so, the details say why.
  const key = error.code === 'conflict' && details.length > 0 ? 'refused' : error.code;
  // A refused sign-in or access names its reason (a wrong PIN, a revoked link) in the message
  // a client shows, not only in the details: "Sign in first" would blame the wrong thing.
  const reasons = details.map((detail) => detail.message).filter((message) => message !== '');
  const message =
    (error.code === 'unauthorized' || error.code === 'forbidden') && reasons.length > 0
      ? reasons.join('; ')
      : t(lang, `code.${key}`, error.params);
  res.status(error.status).json({ error: { code: error.code, message, details } });
};
