import express, { type Request, type RequestHandler } from 'express';
import { ApiError } from './errors';

/**
 * The request's way in: its path and its body. A request that cannot be read (a malformed
 * %-escape, a charset or Content-Encoding the body is not in) is the caller's mistake and is
 * refused with a 400 naming what is wrong, in the caller's language, before any route runs.
 */

/** What body-parser attaches to the errors it raises (http-errors). */
interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
  charset?: string;
  encoding?: string;
  limit?: number;
}

function contentEncoding(req: Request): string {
  return (req.get('content-encoding') ?? 'identity').trim().toLowerCase() || 'identity';
}

/** The API's error for what a body parser refused; anything else passes on unchanged. */
function bodyError(req: Request, error: unknown): unknown {
  if (error === null || typeof error !== 'object') return error;
  const failure = error as BodyParserError;
  switch (failure.type) {
    case 'entity.parse.failed':
      return new ApiError('bad_json');
    case 'entity.too.large':
      return new ApiError('payload_too_large', {
        limit: `${Math.round((failure.limit ?? 0) / 1024)} KiB`,
      });
    case 'charset.unsupported':
      return new ApiError('bad_charset', { charset: failure.charset ?? '' });
    case 'encoding.unsupported':
      return new ApiError('bad_encoding', { encoding: failure.encoding ?? contentEncoding(req) });
  }
  // A body that does not inflate as its Content-Encoding says (zlib's errors, as a 400).
  const clientError = failure.status !== undefined && failure.status >= 400 && failure.status < 500;
  if (clientError && contentEncoding(req) !== 'identity') {
    return new ApiError('bad_encoding', { encoding: contentEncoding(req) });
  }
  if (clientError) return new ApiError('bad_request');
  return error;
}

/** A body parser whose refusals are the API's errors. */
function readBody(parser: RequestHandler): RequestHandler {
  return (req, res, next) => {
    void parser(req, res, (error?: unknown) => {
      if (error === undefined || error === 'route' || error === 'router') return next(error);
      next(bodyError(req, error));
    });
  };
}

/** JSON bodies (UTF-8; body-parser also reads UTF-16 and UTF-32 by their charset). */
export const jsonBody = (limit: string): RequestHandler => readBody(express.json({ limit }));

/** An uploaded file as bytes, whatever Content-Type the client sent; a larger one is a 413. */
export const rawBody = (limit: number): RequestHandler =>
  readBody(express.raw({ type: () => true, limit }));

/**
 * Refuses a path whose %-escapes do not decode (`%`, `%ZZ`, a cut UTF-8 sequence): the router
 * would fail to decode a parameter from it, and no resource has such a name.
 */
export const wellFormedPath: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch {
    throw new ApiError('bad_path');
  }
  next();
};
