import type { z } from 'zod';
import { ScoringError, type CommandAck, type Language } from '@ashyq/shared';
import { DomainError, issueDetails } from '../domain/errors';
import { actorName, type Logger, type Ops } from '../ops';
import type { AuthenticatedSocket } from './handshake';

type AckCallback<T> = (reply: CommandAck<T>) => void;

/** A payload its schema refused; becomes a `validation_failed` acknowledgement. */
class CommandInvalid extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('validation_failed');
  }
}

/** A refusal by the rules or by validation, in the shape of an acknowledgement. */
function failure(error: unknown, lang: Language): CommandAck<never> & { ok: false } {
  if (error instanceof CommandInvalid) {
    return {
      ok: false,
      error: { code: 'validation_failed', details: issueDetails(error.issues, lang) },
    };
  }
  if (error instanceof ScoringError) {
    return { ok: false, error: { code: error.reason, params: error.params } };
  }
  if (error instanceof DomainError) return { ok: false, error: { code: error.code } };
  return { ok: false, error: { code: 'internal' } };
}

/** The payload as the schema reads it, or a validation failure for the acknowledgement. */
export function payloadOf<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (!result.success) throw new CommandInvalid(result.error.issues);
  return result.data;
}

/** How many of a batch's items were accepted, duplicates or refused, for the command's log line. */
function itemCounts(value: unknown): Record<string, number> | undefined {
  const results = (value as { results?: unknown } | undefined)?.results;
  if (!Array.isArray(results)) return undefined;
  const counts: Record<string, number> = {};
  for (const item of results as { status?: unknown }[]) {
    const status = typeof item?.status === 'string' ? item.status : 'other';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

/**
 * A command handler for `socket.on`: the acknowledgement callback is the last argument, and
 * whatever the handler throws becomes an acknowledged failure instead of an unhandled rejection.
 * A command sent without a callback is ignored: there is nobody to tell the result. A session
 * that has ended gets its answer, then the socket is closed. Each answered command is one log
 * line (competition, actor, outcome, and for a batch its counts) and one count in /metrics.
 */
export function withAck<T>(
  socket: AuthenticatedSocket,
  command: string,
  ops: Ops,
  run: (payload: unknown) => Promise<T>,
) {
  const namespace = socket.nsp.name;
  const fields = {
    kind: 'command',
    namespace,
    command,
    competition: socket.data.competitionId,
    actor: actorName(socket.data.actor),
  };
  // The fields every line of this socket's command repeats (the handshake fixed them for the
  // socket's life), serialised once into a child logger on its first answer instead of per line.
  let commandLog: Logger | undefined;
  return async (...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') return;
    const reply = ack as AckCallback<T>;
    const started = performance.now();
    let outcome = 'ok';
    let items: Record<string, number> | undefined;
    let failed: unknown;
    try {
      const value = await run(args.length > 1 ? args[0] : undefined);
      items = itemCounts(value);
      reply({ ok: true, ...value });
    } catch (error) {
      const refused = failure(error, socket.data.lang);
      outcome = refused.error.code;
      if (outcome === 'internal') failed = error;
      reply(refused);
      if (refused.error.code === 'unauthorized') socket.disconnect(true);
    }
    ops.metrics.commandAnswered(namespace, command, outcome);
    const line = {
      outcome,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(items ? { items } : {}),
    };
    if (failed) ops.logger.error({ ...fields, ...line, err: failed }, 'command failed');
    else (commandLog ??= ops.commandLog.child(fields)).info(line, 'command');
  };
}
