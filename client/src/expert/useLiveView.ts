import { useCallback, useEffect, useMemo, useReducer, useState, type Dispatch } from 'react';
import { io, type Socket } from 'socket.io-client';
import i18next from 'i18next';
import { expertViewSchema, type ExpertClientEvents, type ExpertServerEvents } from '@ashyq/shared';
import {
  initialLiveView,
  liveViewReducer,
  ViewReader,
  type LiveView,
  type LiveViewAction,
  type TeamMarkPush,
} from './live-view';
import type { MarkQueue } from './queue';
import { restTransport } from './rest-transport';
import { socketTransport } from './socket-transport';
import { useMarkQueue } from './useMarkQueue';
import type { ExpertView, Lock, RescoreRequest, RevealedScores } from './view';

type ExpertSocket = Socket<ExpertServerEvents, ExpertClientEvents>;

/** Every `/expert` push names its competition; one for another competition is not ours. */
interface Push {
  competitionId?: string;
}

/** The view as the server has it now; nothing changes when it cannot be read (offline, signed out). */
async function fetchView(): Promise<ExpertView | null> {
  try {
    const res = await fetch('/api/expert/competition', {
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
    return res.ok ? expertViewSchema.parse(await res.json()) : null;
  } catch {
    return null;
  }
}

/**
 * The marking app's live state: the expert's view kept current by the `/expert` socket (revealed
 * scores, locks, re-score requests, and a refetch when the server says the view changed or the
 * socket connects again, which is how a tablet gets what it missed), and the mark queue, sent over
 * the same socket with REST as the fallback.
 */
export function useLiveView(
  initial: ExpertView,
  /** The sub-criterion on screen: the team's measurements there are pushed as they come. */
  watching: string | null,
): {
  live: LiveView;
  dispatch: Dispatch<LiveViewAction>;
  queue: MarkQueue | null;
} {
  const [live, dispatch] = useReducer(liveViewReducer, initial, (view) =>
    initialLiveView(view, Date.now()),
  );
  const { id: competitionId } = live.view.competition;
  const [socket] = useState((): ExpertSocket =>
    io('/expert', { autoConnect: false, auth: { competitionId, lang: i18next.language } }),
  );
  const transport = useMemo(() => socketTransport(socket, restTransport), [socket]);
  const queue = useMarkQueue(competitionId, live.view.expert.id, transport);

  const [reader] = useState(
    () => new ViewReader(fetchView, (view) => dispatch({ type: 'view', view, now: Date.now() })),
  );
  const refetch = useCallback(() => void reader.refetch(), [reader]);

  useEffect(() => {
    const ours = (push: Push) => push.competitionId === competitionId;
    const pushed = (action: LiveViewAction) => {
      reader.pushed();
      dispatch(action);
    };
    const onScores = (push: RevealedScores & Push) => {
      if (ours(push)) pushed({ type: 'scores', scores: push });
    };
    const onLock = (push: { lock: Lock } & Push) => {
      if (ours(push)) pushed({ type: 'lock', lock: push.lock });
    };
    const onRescore = (push: RescoreRequest & Push) => {
      if (!ours(push)) return;
      const { competitor, aspect, at, reason } = push;
      pushed({ type: 'rescore', request: { competitor, aspect, at, reason }, now: Date.now() });
    };
    const onTeamMarks = (push: { marks: TeamMarkPush[] } & Push) => {
      if (ours(push)) pushed({ type: 'teamMarks', marks: push.marks });
    };
    const onPanel = (push: { competitor: string; aspect: string; full: boolean } & Push) => {
      if (ours(push)) pushed({ type: 'panel', ...push });
    };
    const onViewChanged = (push: Push) => {
      if (ours(push)) refetch();
    };
    socket.on('connect', refetch);
    socket.on('scores', onScores);
    socket.on('lock', onLock);
    socket.on('rescore', onRescore);
    socket.on('team-marks', onTeamMarks);
    socket.on('panel', onPanel);
    socket.on('view:changed', onViewChanged);
    socket.connect();
    return () => {
      socket.off('connect', refetch);
      socket.off('scores', onScores);
      socket.off('lock', onLock);
      socket.off('rescore', onRescore);
      socket.off('team-marks', onTeamMarks);
      socket.off('panel', onPanel);
      socket.off('view:changed', onViewChanged);
      socket.disconnect();
    };
  }, [socket, competitionId, reader, refetch]);

  useEffect(() => {
    // Commands go with an acknowledgement or are ignored; a refused watch only costs the pushes.
    const watch = () => void socket.emit('team:watch', { subCriterion: watching }, () => {});
    // Pushes start now; what the team measured before comes with a fresh read of the view.
    watch();
    if (watching) refetch();
    socket.on('connect', watch);
    return () => {
      socket.off('connect', watch);
    };
  }, [socket, watching, refetch]);

  useEffect(() => {
    if (!queue) return;
    // Whatever waited for a connection goes as soon as the socket is back.
    const syncNow = () => void queue.sync();
    socket.on('connect', syncNow);
    // Marks that went over REST while the socket was down had no push to tell this tablet what
    // its scores revealed: the view is read again once they are saved.
    let pending = queue.pendingCount();
    const unsubscribe = queue.subscribe(() => {
      const now = queue.pendingCount();
      if (now < pending && !socket.connected) refetch();
      pending = now;
    });
    return () => {
      socket.off('connect', syncNow);
      unsubscribe();
    };
  }, [socket, queue, refetch]);

  return { live, dispatch, queue };
}
