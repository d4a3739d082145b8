import { idSchema, isLanguage, pickLanguage } from '@ashyq/shared';
import type { Namespace, Socket } from 'socket.io';
import type { BoardClientEvents, BoardServerEvents } from '@ashyq/shared';
import { z } from 'zod';
import { DomainError } from '../domain/errors';
import type { Ops } from '../ops';
import { payloadOf, withAck } from '../realtime/acks';
import type { AuthenticatedSocket } from '../realtime/handshake';
import type { BoardHub } from './hub';

/** The rooms of /board: one per competition board, one per championship overview. */
export const competitionBoardRoom = (competitionId: string) => `competition:${competitionId}`;
export const championshipBoardRoom = (championshipId: string) => `championship:${championshipId}`;

/** A board joining a room; `epoch` and `version` say what it holds already (after a reconnect). */
const joinPayload = z
  .strictObject({
    competitionId: idSchema.optional(),
    championshipId: idSchema.optional(),
    epoch: z.string().max(32).optional(),
    version: z.number().int().min(0).optional(),
  })
  .refine((join) => (join.competitionId === undefined) !== (join.championshipId === undefined), {
    message: 'competitionId or championshipId, one of them',
  });

const leavePayload = z.strictObject({ room: z.string().max(100) });

/** A spectator may follow a few rooms at once (a big screen rotating through competitions). */
const maxRoomsPerSocket = 50;

/**
 * /board: public, no sign-in, read-only. `join` answers with a snapshot (or the diffs a
 * reconnecting board missed) and adds the socket to the room; `diff` pushes follow.
 */
export function boardNamespace(
  namespace: Namespace<BoardClientEvents, BoardServerEvents>,
  hub: BoardHub,
  ops: Ops,
): void {
  namespace.use((socket: Socket, next) => {
    const lang = socket.handshake.auth?.lang;
    // Only the language is kept: /board has no identity, and withAck answers in it.
    socket.data = {
      lang: isLanguage(lang) ? lang : pickLanguage(socket.handshake.headers['accept-language']),
    };
    next();
  });

  namespace.on('connection', (socket: Socket) => {
    const asCommand = socket as AuthenticatedSocket;
    socket.on(
      'join',
      withAck(asCommand, 'join', ops, async (payload) => {
        const join = payloadOf(joinPayload, payload);
        const room = join.competitionId
          ? competitionBoardRoom(join.competitionId)
          : championshipBoardRoom(join.championshipId!);
        if (!socket.rooms.has(room) && socket.rooms.size > maxRoomsPerSocket) {
          throw new DomainError('validation_failed');
        }
        const answer = await hub.join(room, join.epoch, join.version);
        if (!answer) throw new DomainError('not_found');
        // In the tick the answer was computed: every later diff reaches this socket.
        void socket.join(room);
        return { room, ...answer };
      }),
    );
    socket.on(
      'leave',
      withAck(asCommand, 'leave', ops, async (payload) => {
        const { room } = payloadOf(leavePayload, payload);
        void socket.leave(room);
        return {};
      }),
    );
  });
}
