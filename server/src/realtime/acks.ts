import type { z } from 'zod';
import { ScoringError, type Language } from '@ashyq/shared';
import { ApiError, issueDetails, type ErrorDetail } from '../http/errors';
import type { AuthenticatedSocket } from './handshake';

/** Every command's acknowledgement: the result, or a reason code the client can act on. */
export type Ack<T> =
  | ({ ok: true } & T)
  | {
      ok: false;
      error: { code: string; params?: Record<string, unknown>; details?: ErrorDetail[] };
    };

type AckCallback<T> = (reply: Ack<T>) => void;

/** A payload its schema refused; becomes a `validation_failed` acknowledgement. */
class CommandInvalid extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('validation_failed');
  }
}

/** A refusal by the rules or by validation, in the shape of an acknowledgement. */
function failure(error: unknown, lang: Language): Ack<never> {
  if (error instanceof CommandInvalid) {
    return {
      ok: false,
      error: { code: 'validation_failed', details: issueDetails(error.issues, lang) },
    };
  }
  if (error instanceof ScoringError) {
    return { ok: false, error: { code: error.reason, params: error.params } };
  }
  if (error instanceof ApiError) return { ok: false, error: { code: error.code } };
  console.error('A realtime command failed', error);
  return { ok: false, error: { code: 'internal' } };
}

/** The payload as the schema reads it, or a validation failure for the acknowledgement. */
export function payloadOf<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (!result.success) throw new CommandInvalid(result.error.issues);
  return result.data;
}

/**
 * A command handler for `socket.on`: the acknowledgement callback is the last argument, and
 * whatever the handler throws becomes an acknowledged failure instead of an unhandled rejection.
 * A command sent without a callback is ignored: there is nobody to tell the result. A session
 * that has ended gets its answer, then the socket is closed.
 */
export function withAck<T>(socket: AuthenticatedSocket, run: (payload: unknown) => Promise<T>) {
  return async (...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') return;
    const reply = ack as AckCallback<T>;
    try {
      reply({ ok: true, ...(await run(args.length > 1 ? args[0] : undefined)) });
    } catch (error) {
      const refused = failure(error, socket.data.lang);
      reply(refused);
      if (!refused.ok && refused.error.code === 'unauthorized') socket.disconnect(true);
    }
  };
}
