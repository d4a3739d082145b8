import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { actorName } from './logger';

/** Set by the error handler: what the request was refused with, and a server error to log. */
export interface RequestFailure {
  code: string;
  error?: unknown;
}

const failures = new WeakMap<Response, RequestFailure>();

export function recordFailure(res: Response, failure: RequestFailure): void {
  failures.set(res, failure);
}

/**
 * One JSON line per request once it is answered (or abandoned): method, path, status, outcome
 * (`ok`, or the error code the caller got), duration, the competition or championship it was
 * about and who made it. Never a query string, a body or a header: those carry IINs and PINs.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      const failure = failures.get(res);
      const status = res.statusCode;
      const outcome = !res.writableFinished
        ? 'aborted'
        : (failure?.code ?? (status < 400 ? 'ok' : `http_${status}`));
      const line = {
        kind: 'request',
        method: req.method,
        path: loggedPath(req),
        status,
        outcome,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...subjectOf(req),
        actor: actorName(req.actor),
      };
      if (status >= 500) logger.error({ ...line, err: failure?.error }, 'request failed');
      else logger.info(line, 'request');
    });
    next();
  };
}

/**
 * The path without its query, with any run of 12 digits (the shape of an IIN) masked, and without
 * the token of a QR sign-in link (`/login/<token>`, a page of the web app): it signs a tablet in.
 */
function loggedPath(req: Request): string {
  const path = req.originalUrl.split('?')[0] ?? '';
  return path
    .replace(/^\/login\/[^/]*/, '/login/[not logged]')
    .replace(/\d{12,}/g, (digits) => '#'.repeat(digits.length))
    .slice(0, 300);
}

const competitionInPath = /^\/api\/(?:[a-z]+\/)*(?:competitions|sessions)\/([^/?]+)/;
const championshipInPath = /^\/api\/(?:[a-z]+\/)*championships\/([^/?]+)/;

/**
 * What the request was about: the competition of its path (an exam session is marked as the
 * competition of the same id) or the signed-in expert's own, else the championship of its path.
 */
function subjectOf(req: Request): { competition?: string; championship?: string } {
  const path = req.originalUrl;
  const competition =
    decoded(competitionInPath.exec(path)?.[1]) ??
    (req.actor?.kind === 'expert' ? req.actor.credential.competitionId : undefined);
  if (competition !== undefined) return { competition };
  const championship = decoded(championshipInPath.exec(path)?.[1]);
  return championship === undefined ? {} : { championship };
}

function decoded(segment: string | undefined): string | undefined {
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment).slice(0, 100);
  } catch {
    return undefined;
  }
}
