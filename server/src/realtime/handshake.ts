import type { ExtendedError, Socket } from 'socket.io';
import { z } from 'zod';
import { idSchema, isLanguage, pickLanguage, type Language } from '@ashyq/shared';
import { hasCompetitionRole, readSessionSecret } from '../auth/middleware';
import type { Actor } from '../auth/model';
import { fromForeignOrigin } from '../auth/origin';
import { runtimeOf, scopeOfCompetition } from '../competitions/access';
import { DomainError } from '../domain/errors';
import type { Services } from '../services';

/** Why a connection was refused: the client sees it as the connect_error's message. */
export type HandshakeRefusal =
  'bad_origin' | 'unauthorized' | 'forbidden' | 'not_found' | 'validation_failed' | 'internal';

/** What a client may pass as `auth` when it connects. */
const handshakeAuth = z.object({
  competitionId: idSchema.optional(),
  /** The last event seq the client holds: the server sends every later one first. */
  lastSeq: z.number().int().min(0).optional(),
  lang: z.string().optional(),
});

/** What the handshake established, kept on `socket.data` for the socket's life. */
export interface SocketIdentity {
  actor: Actor;
  competitionId: string;
  lastSeq: number | undefined;
  lang: Language;
}

export type AuthenticatedSocket = Socket & { data: SocketIdentity };

export const competitionRoom = (competitionId: string) => `competition:${competitionId}`;

function refusal(code: HandshakeRefusal): ExtendedError {
  return Object.assign(new Error(code), { data: { code } });
}

/** The actor behind the socket's session cookie, read again so a revoked session stops counting. */
export async function currentActor(
  services: Pick<Services, 'accounts'>,
  socket: Socket,
): Promise<Actor | undefined> {
  const secret = readSessionSecret(socket.request);
  if (secret === undefined) return undefined;
  return (await services.accounts.loadSession(secret))?.actor;
}

type Authorise = (
  actor: Actor,
  requested: string | undefined,
) => Promise<{ competitionId: string } | HandshakeRefusal>;

/**
 * A namespace middleware: the session cookie of the handshake (the same session as HTTP) and
 * `authorise` decide whether the socket connects and to which competition. A page of another
 * origin is refused first, by the rule of HTTP's CSRF check: the browser would send the signed-in
 * person's cookie along, and the socket would mark and read in their name.
 */
export function authenticate(
  services: Pick<Services, 'accounts' | 'competitions' | 'ops'>,
  authorise: Authorise,
) {
  return async (socket: Socket, next: (error?: ExtendedError) => void) => {
    try {
      if (fromForeignOrigin(socket.request)) return next(refusal('bad_origin'));
      const auth = handshakeAuth.safeParse(socket.handshake.auth ?? {});
      if (!auth.success) return next(refusal('validation_failed'));
      const actor = await currentActor(services, socket);
      if (!actor) return next(refusal('unauthorized'));
      const decision = await authorise(actor, auth.data.competitionId);
      if (typeof decision === 'string') return next(refusal(decision));
      await runtimeOf(services, decision.competitionId);
      const { lang } = auth.data;
      const identity: SocketIdentity = {
        actor,
        competitionId: decision.competitionId,
        lastSeq: auth.data.lastSeq,
        lang: isLanguage(lang) ? lang : pickLanguage(socket.handshake.headers['accept-language']),
      };
      socket.data = identity;
      next();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found')
        return next(refusal('not_found'));
      services.ops.logger.error(
        { err: error, namespace: socket.nsp.name },
        'A realtime handshake failed',
      );
      next(refusal('internal'));
    }
  };
}

/** /expert: an expert's own competition, whatever its role. */
export const authoriseExpert: Authorise = async (actor, requested) => {
  if (actor.kind !== 'expert') return 'forbidden';
  const { competitionId } = actor.credential;
  if (requested !== undefined && requested !== competitionId) return 'forbidden';
  return { competitionId };
};

/** /chief: the chief expert or deputy of the competition, or an organiser whose scope covers it. */
export function authoriseChief(services: Pick<Services, 'store'>): Authorise {
  return async (actor, requested) => {
    if (requested === undefined) return 'validation_failed';
    const scope = (id: string) => scopeOfCompetition(services, id);
    const allowed = await hasCompetitionRole(actor, ['chief', 'deputy-chief'], requested, scope);
    return allowed ? { competitionId: requested } : 'forbidden';
  };
}
