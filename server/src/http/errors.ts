import type { ErrorRequestHandler, Request } from 'express';
import { isLanguage, pickLanguage, type Language } from '@ashyq/shared';
import { recordFailure } from '../ops/request-log';
import { DomainError, t, type ErrorCode, type ErrorDetail } from '../domain/errors';

export {
  DomainError,
  issueDetails,
  parse,
  t,
  type ErrorCode,
  type ErrorDetail,
} from '../domain/errors';

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

/**
 * An error as the HTTP edge reports it: a domain error with its status. Thrown directly only by
 * the edge itself (a foreign origin, a refused command with its own status); domain errors are
 * translated when the response is written.
 */
export class ApiError extends DomainError {
  readonly status: number;
  constructor(
    code: ErrorCode,
    params: Record<string, string | number> = {},
    details: ErrorDetail[] | ((lang: Language) => ErrorDetail[]) = [],
    status?: number,
  ) {
    super(code, params, details);
    this.status = status ?? statusOf[code];
  }
}

/** A domain error as the HTTP edge answers it: its status from its code. */
export function httpError(error: DomainError): ApiError {
  return error instanceof ApiError ? error : new ApiError(error.code, error.params, error.details);
}

/** The caller's language: `?lang=`, then the `lang` cookie, then Accept-Language. */
export function languageOf(req: Request): Language {
  const query = typeof req.query?.lang === 'string' ? req.query.lang : undefined;
  if (isLanguage(query)) return query;
  const cookie = /(?:^|;\s*)lang=(kk|ru|en)\b/.exec(req.headers.cookie ?? '')?.[1];
  if (isLanguage(cookie)) return cookie;
  return pickLanguage(req.headers['accept-language']);
}

function isClientError(err: unknown): boolean {
  if (err === null || typeof err !== 'object') return false;
  const { status, expose } = err as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const lang = languageOf(req);
  let error: ApiError;
  if (err instanceof DomainError) {
    error = httpError(err);
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
