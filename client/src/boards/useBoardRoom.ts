import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  BoardReplica,
  type BoardClientEvents,
  type BoardDiffMessage,
  type BoardServerEvents,
  type BoardSnapshotMessage,
} from '@ashyq/shared';

/** While the socket is down the page asks over HTTP this often (ETag: unchanged costs a 304). */
const pollIntervalMs = 10_000;

export type RoomKey = { competitionId: string } | { championshipId: string };

export interface RoomData<T> {
  data: T | undefined;
  /** Receiving pushes over /board. */
  live: boolean;
  /** The socket was lost: the page polls over HTTP until it is back. */
  lost: boolean;
  /** The room does not exist (404 over HTTP, not_found over the socket). */
  missing: boolean;
  /** When the figures shown last arrived (ms since the epoch). */
  updatedAt?: number;
}

type BoardSocket = Socket<BoardServerEvents, BoardClientEvents>;

let shared: BoardSocket | undefined;

/** One /board connection per page, shared by every room it follows. */
function boardSocket(): BoardSocket {
  shared ??= io('/board', { path: '/socket.io', transports: ['websocket', 'polling'] });
  return shared;
}

/**
 * A room of /board kept current: the snapshot on join, then diffs. After a reconnect or a gap
 * the hook joins again with the version it holds and gets only what it missed. While the
 * socket is down it reads the same payload over HTTP (`httpPath`) every 10 s.
 */
export function useBoardRoom<T>(key: RoomKey, httpPath: string): RoomData<T> {
  const [state, setState] = useState<RoomData<T>>({
    data: undefined,
    live: false,
    lost: false,
    missing: false,
  });
  const keyText = JSON.stringify(key);

  useEffect(() => {
    const room = JSON.parse(keyText) as RoomKey;
    const socket = boardSocket();
    const replica = new BoardReplica<T>();
    let roomName: string | undefined;
    let closed = false;
    let etag: string | null = null;
    let lost = false;
    /** Following the room over the socket: an HTTP answer still on its way is stale then. */
    let joined = false;
    /** `fresh`: new figures arrived (not only a change of the connection's state). */
    const show = (live: boolean, fresh = true) =>
      !closed &&
      setState((s) => ({
        data: replica.data,
        live,
        lost,
        missing: false,
        updatedAt: fresh ? Date.now() : s.updatedAt,
      }));

    const join = () => {
      const held =
        replica.epoch !== undefined ? { epoch: replica.epoch, version: replica.version } : {};
      socket.emit('join', { ...room, ...held }, (ack) => {
        if (closed) return;
        if (!ack.ok) {
          if (ack.error.code === 'not_found') setState((s) => ({ ...s, missing: true }));
          return;
        }
        roomName = ack.room;
        joined = true;
        lost = false;
        // The room's kind decides its payload, and the hook's caller names it as T.
        if (ack.kind === 'snapshot') replica.snapshot(ack.snapshot as BoardSnapshotMessage<T>);
        else for (const diff of ack.diffs) replica.diff(diff);
        show(true);
      });
    };
    const onDiff = (diff: BoardDiffMessage) => {
      if (diff.room !== roomName) return;
      const outcome = replica.diff(diff);
      if (outcome === 'gap') join();
      else if (outcome === 'applied') show(true);
    };
    const poll = async () => {
      if (socket.connected || closed) return;
      const res = await fetch(httpPath, { headers: etag ? { 'if-none-match': etag } : {} });
      if (res.status === 404) return setState((s) => ({ ...s, missing: true }));
      if (res.status !== 200 || closed || joined) return;
      etag = res.headers.get('etag');
      const data = (await res.json()) as T;
      if (closed || joined) return;
      // The HTTP payload has no version: the next join asks for a snapshot.
      replica.epoch = undefined;
      replica.version = undefined;
      replica.data = data;
      show(false);
    };
    const onDisconnect = () => {
      joined = false;
      lost = true;
      show(false, false);
      void poll().catch(() => undefined);
    };

    socket.on('connect', join);
    socket.on('diff', onDiff);
    socket.on('disconnect', onDisconnect);
    if (socket.connected) join();
    else void poll().catch(() => undefined);
    const timer = setInterval(() => void poll().catch(() => undefined), pollIntervalMs);
    return () => {
      closed = true;
      clearInterval(timer);
      socket.off('connect', join);
      socket.off('diff', onDiff);
      socket.off('disconnect', onDisconnect);
      if (roomName) socket.emit('leave', { room: roomName }, () => undefined);
    };
  }, [keyText, httpPath]);

  return state;
}
