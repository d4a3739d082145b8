import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import {
  linkSignInSchema,
  passwordSignInSchema,
  pinSignInSchema,
  type SignedInReply,
} from '@ashyq/shared';
import type { AccountService } from '../../auth/accounts';
import {
  clearSessionCookie,
  currentSession,
  originCheck,
  readSessionSecret,
  requireSignedIn,
  sessionMiddleware,
  setSessionCookie,
} from '../../auth/middleware';
import type { Actor, Session, Subject } from '../../auth/model';
import { jsonBody } from '../body';
import { ApiError, DomainError, languageOf, parse } from '../errors';

/**
 * Sign-in, sign-out and "who am I" under /api/auth. Mount the router on the app; it checks
 * Origin and loads the session itself, so it is safe even before the app-wide middleware is.
 */
export function authRoutes(accounts: AccountService): Router {
  const router = Router();
  router.use('/api/auth', jsonBody('4kb'), originCheck, sessionMiddleware(accounts));

  /** Replaces any session the browser had with one for `actor`. */
  async function signIn(req: Request, res: Response, actor: Actor) {
    const previous = readSessionSecret(req);
    if (previous !== undefined) await accounts.endSession(previous);
    const subject: Subject =
      actor.kind === 'organiser'
        ? { kind: 'user', userId: actor.user.id }
        : { kind: 'credential', credentialId: actor.credential.id };
    const { secret, session } = await accounts.createSession(subject, languageOf(req));
    setSessionCookie(req, res, secret, session);
    res.json(describe(actor, session) satisfies SignedInReply);
  }

  router.post('/api/auth/login', async (req, res) => {
    const { email, password } = parse(passwordSignInSchema, req.body, 'body');
    const user = await accounts.signInWithPassword(email, password, clientAddress(req));
    await signIn(req, res, { kind: 'organiser', user });
  });

  router.post('/api/auth/pin', async (req, res) => {
    const { competitionId, pin } = parse(pinSignInSchema, req.body, 'body');
    const credential = await accounts.signInWithPin(competitionId, pin, clientAddress(req));
    await signIn(req, res, { kind: 'expert', credential });
  });

  router.post('/api/auth/link', async (req, res) => {
    const { token } = parse(linkSignInSchema, req.body, 'body');
    const credential = await accounts.signInWithLink(token, clientAddress(req));
    await signIn(req, res, { kind: 'expert', credential });
  });

  router.post('/api/auth/logout', async (req, res) => {
    const secret = readSessionSecret(req);
    if (secret !== undefined) await accounts.endSession(secret);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.get('/api/auth/me', requireSignedIn(), (req, res) => {
    const session = currentSession(req);
    if (!req.actor || !session) throw new ApiError('unauthorized');
    res.json(describe(req.actor, session) satisfies SignedInReply);
  });

  router.use('/api/auth', retryAfterHeader);
  return router;
}

/** Who is signed in, as the client may see it: no password hash, PIN or link digest. */
function describe(actor: Actor, session: Session) {
  const sessionView = { expiresAt: session.expiresAt, lang: session.lang };
  if (actor.kind === 'organiser') {
    const { id, email, name, roles, scope } = actor.user;
    return { kind: actor.kind, user: { id, email, name, roles, scope }, session: sessionView };
  }
  const { id, competitionId, expertId, role } = actor.credential;
  return {
    kind: actor.kind,
    credential: { id, competitionId, expertId, role },
    session: sessionView,
  };
}

export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Tells a rate-limited client when to retry, then lets the app's error handler answer. */
const retryAfterHeader: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof DomainError && error.code === 'rate_limited') {
    res.setHeader('Retry-After', String(error.params.seconds));
  }
  next(error);
};
