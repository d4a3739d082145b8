import type { Server } from 'socket.io';
import { z } from 'zod';
import type { Services } from '../services';
import { BoardHub, type RoomSource } from './hub';
import { boardNamespace, championshipBoardRoom, competitionBoardRoom } from './namespace';
import { toJson } from '../store/json';

/** How often watched rooms are checked for what no event announces (a freeze time, an edit). */
const sweepIntervalMs = 2_000;

/** What instances tell each other through the adapter (`serverSideEmit`). */
const appendedMessage = z.object({ competitionId: z.string(), seq: z.number().int() });
const changedMessage = z.object({ competitionId: z.string() });

/**
 * /board on this instance. Every append and every ceremony step marks the competition's board
 * and its championship's overview as changed; the hub recomputes them at most four times a
 * second while someone watches. With `scaledOut` (the Redis adapter) the instance also tells
 * the others of its appends and follows theirs: see docs/realtime.md, *Several instances*.
 */
export function attachBoards(
  io: Server,
  services: Pick<Services, 'boards' | 'competitions' | 'ops'>,
  options: { scaledOut: boolean },
) {
  const boards = services.boards;
  const namespace = io.of('/board');
  const source: RoomSource = async (room) => {
    const at = room.indexOf(':');
    const [kind, id] = [room.slice(0, at), room.slice(at + 1)];
    const data =
      kind === 'competition'
        ? await boards.data.competitionBoard(id)
        : await boards.data.championshipOverview(id);
    // Checked, not cast: a board is plain JSON by construction, and the check is one walk over
    // a few dozen rows, once per room per update (never per spectator).
    return data === undefined ? undefined : toJson(data);
  };
  const hub = new BoardHub(namespace, source, (seconds) =>
    services.ops.metrics.boardPushed(seconds),
  );
  boardNamespace(namespace, hub, services.ops);

  const competitionChanged = (competitionId: string) => {
    hub.changed(competitionBoardRoom(competitionId));
    const runtime = services.competitions.get(competitionId);
    if (runtime) hub.changed(championshipBoardRoom(runtime.context.competition.championshipId));
  };
  const unsubscribeAppends = services.competitions.onAppended((competitionId, events) => {
    competitionChanged(competitionId);
    if (options.scaledOut) {
      namespace.serverSideEmit('appended', { competitionId, seq: events[events.length - 1]!.seq });
    }
  });
  const unsubscribeChanges = boards.onChanged((competitionId) => {
    competitionChanged(competitionId);
    if (options.scaledOut) namespace.serverSideEmit('changed', { competitionId });
  });

  if (options.scaledOut) {
    namespace.on('appended', (message: unknown) => {
      const parsed = appendedMessage.safeParse(message);
      if (!parsed.success) return;
      const { competitionId, seq } = parsed.data;
      void services.competitions
        .open(competitionId)
        .then((runtime) => boards.follower.advance(runtime, seq))
        .then(() => competitionChanged(competitionId))
        .catch((error: unknown) =>
          services.ops.logger.error(
            { err: error, competition: competitionId },
            'Following another instance failed',
          ),
        );
    });
    namespace.on('changed', (message: unknown) => {
      const parsed = changedMessage.safeParse(message);
      if (parsed.success) competitionChanged(parsed.data.competitionId);
    });
  }

  const sweep = setInterval(() => {
    hub.forgetUnwatched();
    for (const room of hub.watchedRooms()) {
      // Another instance may have edited the policy: read the competition's documents again.
      if (options.scaledOut && room.startsWith('competition:')) {
        void services.competitions
          .refresh(room.slice('competition:'.length))
          .catch(() => undefined);
      }
      hub.recheck(room);
    }
  }, sweepIntervalMs);
  sweep.unref();

  return {
    hub,
    close() {
      clearInterval(sweep);
      unsubscribeAppends();
      unsubscribeChanges();
      hub.close();
    },
  };
}
