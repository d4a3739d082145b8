import type { MarksAck } from '@ashyq/shared';
import type { MarkInput, MarkTransport } from './queue';
import { SyncHttpError } from './rest-transport';

/** What the transport needs of a Socket.IO client socket; a fake in unit tests. */
export interface AckSocket {
  readonly connected: boolean;
  timeout(ms: number): {
    emitWithAck(event: 'marks:record', payload: { marks: readonly MarkInput[] }): Promise<MarksAck>;
  };
}

/** The server answered the command with a refusal other than an ended session. */
export class SyncRefusedError extends Error {
  constructor(readonly code: string) {
    super(`mark sync refused: ${code}`);
  }
}

/** Whether a failed sync means the expert must sign in again (socket or REST alike). */
export function sessionEnded(error: unknown): boolean {
  return error instanceof SyncHttpError && error.status === 401;
}

/**
 * Marks over the `/expert` socket with its per-mark acknowledgement; REST while the socket is not
 * connected, and again when an acknowledgement does not come in time (the socket may have died
 * without noticing). Sending a batch both ways is safe: the server answers a mark id it already
 * holds with `duplicate`, so each mark is stored exactly once.
 */
export function socketTransport(
  socket: AckSocket,
  fallback: MarkTransport,
  ackTimeoutMs = 8000,
): MarkTransport {
  return {
    async send(marks) {
      if (!socket.connected) return fallback.send(marks);
      let reply: MarksAck;
      try {
        reply = await socket.timeout(ackTimeoutMs).emitWithAck('marks:record', { marks });
      } catch {
        return fallback.send(marks);
      }
      if (reply.ok) return reply.results;
      // The same error as a 401 over REST, so the app says "sign in again" whichever way it went.
      if (reply.error.code === 'unauthorized') throw new SyncHttpError(401);
      throw new SyncRefusedError(reply.error.code);
    },
  };
}
