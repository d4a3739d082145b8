import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { DomainError } from '../domain/errors';
import type { AccountService } from './accounts';
import { isExpertOf, isOrganiserWith, scopeCovers, type ScopeTarget } from './access';
import { fromForeignOrigin } from './origin';
import { sessionLifetimeMs, type Actor, type Session } from './model';
import type { ExpertRole, OrganiserRole } from './roles';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Who is signed in, set by sessionMiddleware; undefined for anonymous requests. */
      actor?: Actor;
    }
  }
}

export const sessionCookie = 'ashyq_session';

const cookieOptions = (req: Request) =>
  ({ httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' }) as const;

/**
 * The session secret from the cookie header of a request, Express or not (a Socket.IO
 * handshake passes `socket.request`). The secret is base64url, so it needs no decoding.
 */
export function readSessionSecret(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === sessionCookie) return value.join('=');
  }
  return undefined;
}

/** The cookie lives as long as the session, and is sent again whenever the session slides on. */
export function setSessionCookie(
  req: Request,
  res: Response,
  secret: string,
  session: Session,
): void {
  res.cookie(sessionCookie, secret, {
    ...cookieOptions(req),
    maxAge: sessionLifetimeMs[session.subject.kind],
  });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookie, cookieOptions(req));
}

/** Each request's session, once looked up (the auth router and the app may both mount the middleware). */
const sessions = new WeakMap<Request, Session | undefined>();

/** The session behind `req.actor`, for routes that show or end it. */
export function currentSession(req: Request): Session | undefined {
  return sessions.get(req);
}

/** Puts the signed-in actor on `req.actor`; a stale cookie is cleared, a used session slides on. */
export function sessionMiddleware(accounts: AccountService): RequestHandler {
  return async (req, res, next) => {
    if (sessions.has(req)) return next();
    sessions.set(req, undefined);
    const secret = readSessionSecret(req);
    if (secret === undefined) return next();
    const loaded = await accounts.loadSession(secret);
    if (!loaded) {
      clearSessionCookie(req, res);
    } else {
      req.actor = loaded.actor;
      sessions.set(req, loaded.session);
      if (loaded.renewed) setSessionCookie(req, res, secret, loaded.session);
    }
    next();
  };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that a browser sent from another origin (CSRF): another
 * site, or Ashyq's own host over another scheme. Requests with neither Origin nor Referer come
 * from non-browser clients (tablet sync, CLI) and pass. Socket.IO handshakes follow the same rule.
 */
export const originCheck: RequestHandler = (req, _res, next) => {
  if (!unsafeMethods.has(req.method)) return next();
  if (fromForeignOrigin(req)) throw new DomainError('bad_origin');
  next();
};

/** Reads a value a guard needs from the request, possibly looking it up. */
export type RequestValue<T> = (req: Request) => T | undefined | Promise<T | undefined>;

/** A path parameter, for guards: `requireCompetitionRole(roles, param('competitionId'))`. */
export const param =
  (name: string): RequestValue<string> =>
  (req) => {
    const value = req.params[name];
    return typeof value === 'string' ? value : undefined;
  };

/** 401 without a session, 403 when `allowed` says no. */
function guard(
  allowed: (actor: Actor, req: Request) => boolean | Promise<boolean>,
): RequestHandler {
  return async (req, _res, next) => {
    if (!req.actor) throw new DomainError('unauthorized');
    if (!(await allowed(req.actor, req))) throw new DomainError('forbidden');
    next();
  };
}

export const requireSignedIn = (): RequestHandler => guard(() => true);

export const requireOrganiser = (roles: readonly OrganiserRole[] = ['organiser']): RequestHandler =>
  guard((actor) => isOrganiserWith(actor, roles));

/**
 * An organiser whose scope covers the championship. The getter may give the championship id
 * alone or with the college that holds it, which college-scoped accounts need.
 */
export const requireChampionshipScope = (
  getChampionship: RequestValue<string | ScopeTarget>,
  roles: readonly OrganiserRole[] = ['organiser'],
): RequestHandler =>
  guard(async (actor, req) => {
    if (!isOrganiserWith(actor, roles)) return false;
    const target = asTarget(await getChampionship(req));
    return target !== undefined && scopeCovers(actor.user.scope, target);
  });

/** An organiser or exam officer of the college (demo exams), or an account covering everything. */
export const requireCollegeScope = (
  getCollegeId: RequestValue<string>,
  roles: readonly OrganiserRole[] = ['organiser', 'exam-officer'],
): RequestHandler =>
  guard(async (actor, req) => {
    if (!isOrganiserWith(actor, roles)) return false;
    const collegeId = await getCollegeId(req);
    return collegeId !== undefined && scopeCovers(actor.user.scope, { collegeId });
  });

/**
 * An expert signed in to the competition with one of `roles`, or an organiser whose scope
 * covers it: without `resolveChampionshipOf` only organisers covering every championship.
 */
export const requireCompetitionRole = (
  roles: readonly ExpertRole[],
  getCompetitionId: RequestValue<string>,
  resolveChampionshipOf?: (competitionId: string) => Promise<string | ScopeTarget | undefined>,
): RequestHandler =>
  guard(async (actor, req) => {
    const competitionId = await getCompetitionId(req);
    if (competitionId === undefined) return false;
    return hasCompetitionRole(actor, roles, competitionId, resolveChampionshipOf);
  });

/** The check behind requireCompetitionRole, for callers outside Express (Socket.IO handshakes). */
export async function hasCompetitionRole(
  actor: Actor,
  roles: readonly ExpertRole[],
  competitionId: string,
  resolveChampionshipOf?: (competitionId: string) => Promise<string | ScopeTarget | undefined>,
): Promise<boolean> {
  if (actor.kind === 'expert') return isExpertOf(actor, competitionId, roles);
  if (!isOrganiserWith(actor, ['organiser'])) return false;
  const target = asTarget(await resolveChampionshipOf?.(competitionId)) ?? {};
  return scopeCovers(actor.user.scope, { ...target, competitionId });
}

function asTarget(value: string | ScopeTarget | undefined): ScopeTarget | undefined {
  return typeof value === 'string' ? { championshipId: value } : value;
}
