import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ChiefServerEvents } from '@ashyq/shared';
import { mergeEvents } from './view';
import type { DiscrepancyAlert, Overview, StoredEvent } from './types';

export type Connection = 'connecting' | 'live' | 'offline' | 'signed-out' | 'refused';

/** Alerts kept on screen: the newest few; the full list of open ones is in the overview. */
const keptAlerts = 20;

export interface ChiefLive {
  connection: Connection;
  overview: Overview | null;
  /** The whole log so far, in seq order. */
  events: StoredEvent[];
  alerts: DiscrepancyAlert[];
  dismissAlert: (alert: DiscrepancyAlert) => void;
}

/**
 * The competition as the /chief namespace streams it. The first connection asks for the whole
 * log (`lastSeq: 0`); every reconnection passes the last seq held, so the server sends exactly
 * what was missed before the live pushes resume.
 */
export function useChiefLive(competitionId: string, lang: string): ChiefLive {
  const [connection, setConnection] = useState<Connection>('connecting');
  const [overview, setOverview] = useState<Overview | null>(null);
  const [events, setEvents] = useState<StoredEvent[]>([]);
  const [alerts, setAlerts] = useState<DiscrepancyAlert[]>([]);
  const lastSeq = useRef(0);
  const language = useRef(lang);
  language.current = lang;

  useEffect(() => {
    lastSeq.current = 0;
    setEvents([]);
    setOverview(null);
    setAlerts([]);
    const socket: Socket<ChiefServerEvents> = io('/chief', {
      // A function, so each reconnection reads the seq and language current at that moment.
      auth: (give) => give({ competitionId, lastSeq: lastSeq.current, lang: language.current }),
      transports: ['websocket', 'polling'],
    });
    socket.on('connect', () => setConnection('live'));
    socket.on('disconnect', () => setConnection('offline'));
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') setConnection('signed-out');
      else if (['forbidden', 'not_found', 'bad_origin'].includes(error.message))
        setConnection('refused');
      else setConnection('offline');
    });
    socket.on('events', (page) => {
      lastSeq.current = Math.max(lastSeq.current, page.events.at(-1)?.seq ?? 0);
      setEvents((held) => mergeEvents(held, page.events));
    });
    socket.on('overview', (next) => setOverview(next));
    socket.on('discrepancy', (alert) => {
      setAlerts((held) => [{ ...alert, receivedAt: Date.now() }, ...held].slice(0, keptAlerts));
    });
    return () => {
      socket.disconnect();
    };
  }, [competitionId]);

  const dismissAlert = (alert: DiscrepancyAlert) =>
    setAlerts((held) => held.filter((candidate) => candidate !== alert));
  return { connection, overview, events, alerts, dismissAlert };
}
