import type { MarkEntry } from '@ashyq/shared';
import type { Namespace } from 'socket.io';
import type { ChiefServerEvents } from '@ashyq/shared';
import type { CompetitionRuntime } from '../competitions/runtime';
import { runtimeOf } from '../competitions/access';
import type { Services } from '../services';
import type { StoredEvent } from '../store/port';
import { Throttle } from './throttle';
import {
  authenticate,
  authoriseChief,
  competitionRoom,
  type AuthenticatedSocket,
} from './handshake';

/** A catch-up is sent in messages of at most this many events. */
const catchUpPage = 500;
/** Overviews go out at most this often per competition: a burst of marks costs one. */
export const overviewIntervalMs = 250;

/**
 * /chief: the competition's log as it grows (`events`), the overview coalesced (`overview`) and
 * discrepancy alerts as marks open them (`discrepancy`). A client that passes `lastSeq` first
 * receives every later event, then `synced`, then live ones: nothing is missed or repeated.
 */
export function chiefNamespace(
  namespace: Namespace<Record<string, never>, ChiefServerEvents>,
  services: Pick<Services, 'accounts' | 'competitions' | 'log' | 'ops' | 'store'>,
) {
  namespace.use(authenticate(services, authoriseChief(services)));

  const overviews = new Throttle(overviewIntervalMs, (competitionId) => {
    const runtime = services.competitions.get(competitionId);
    if (runtime) namespace.to(competitionRoom(competitionId)).emit('overview', runtime.overview());
  });

  namespace.on('connection', (socket: AuthenticatedSocket) => {
    const { competitionId, lastSeq } = socket.data;
    void (async () => {
      const runtime = await runtimeOf(services, competitionId);
      let sentUpTo = lastSeq ?? runtime.head.seq;
      // Pushes leave in the same tick as the head moves: joining right after seeing the head
      // reached means every later event arrives live, every earlier one came from the log.
      while (sentUpTo < runtime.head.seq) {
        sentUpTo = await sendLogAfter(socket, runtime, sentUpTo, runtime.head.seq);
      }
      void socket.join(competitionRoom(competitionId));
      socket.emit('synced', { competitionId, seq: Math.min(sentUpTo, runtime.head.seq) });
      socket.emit('overview', runtime.overview());
    })().catch((error: unknown) => {
      services.ops.logger.error(
        { err: error, competition: competitionId },
        'A chief catch-up failed',
      );
      socket.disconnect(true);
    });
  });

  /** Reads the stored events in (after, upTo] and sends them in pages; returns upTo. */
  async function sendLogAfter(
    socket: AuthenticatedSocket,
    runtime: CompetitionRuntime,
    after: number,
    upTo: number,
  ): Promise<number> {
    let page: StoredEvent[] = [];
    const flush = () => {
      if (page.length === 0) return;
      socket.emit('events', { competitionId: runtime.id, fromSeq: page[0]!.seq, events: page });
      page = [];
    };
    for await (const event of services.log.read(runtime.id, after + 1)) {
      if (event.seq > upTo) break;
      page.push(event);
      if (page.length === catchUpPage) flush();
    }
    flush();
    return upTo;
  }

  const pushAppended = (runtime: CompetitionRuntime, events: readonly StoredEvent[]) => {
    // Nobody watching: the overview and the discrepancy scan are not worth computing.
    if (!namespace.adapter.rooms.get(competitionRoom(runtime.id))?.size) return;
    const room = namespace.to(competitionRoom(runtime.id));
    room.emit('events', { competitionId: runtime.id, fromSeq: events[0]!.seq, events });
    overviews.schedule(runtime.id);
    for (const alert of discrepanciesTouched(runtime, events)) {
      room.emit('discrepancy', { competitionId: runtime.id, ...alert });
    }
  };
  return { pushAppended, close: () => overviews.close() };
}

/** The open discrepancies on the aspects these events marked: opened, or re-scored still apart. */
function discrepanciesTouched(runtime: CompetitionRuntime, events: readonly StoredEvent[]) {
  const scoring = runtime.state.scoring;
  const marked = new Set<string>();
  for (const event of events) {
    const mark = (event.data as { mark?: MarkEntry }).mark;
    if (mark && scoring.aspectState(mark.competitor, mark.aspect)?.discrepancy === 'open') {
      marked.add(`${mark.competitor}|${mark.aspect}`);
    }
  }
  if (marked.size === 0) return [];
  return scoring
    .openDiscrepancies()
    .filter(({ competitor, aspect }) => marked.has(`${competitor}|${aspect}`));
}
