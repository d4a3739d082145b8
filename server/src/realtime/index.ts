import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { attachBoards } from '../boards/realtime';
import type { Services } from '../services';
import { chiefNamespace } from './chief-namespace';
import { expertNamespace } from './expert-namespace';
import { useRedisAdapter } from './redis';

export interface Realtime {
  io: Server;
  /** Resolves once the Redis adapter is connected (at once without REDIS_URL). */
  ready: Promise<void>;
  /** Stops the pushes, disconnects every socket and closes the HTTP server with them. */
  close(): Promise<void>;
}

/**
 * Socket.IO on the HTTP server (path /socket.io): /expert for tablets, /chief for the chief's
 * console, /board for public boards. Every append to a competition's log is pushed to that competition's rooms.
 */
export function attachRealtime(httpServer: HttpServer, services: Services): Realtime {
  // No CORS headers: the web app is served by this server. /expert and /chief also refuse a
  // handshake from a page of another origin (handshake.ts); /board is open to any.
  const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
  const { redisUrl } = services.config;
  const closeRedis = redisUrl ? useRedisAdapter(io, redisUrl) : undefined;
  const experts = expertNamespace(io.of('/expert'), services);
  const chief = chiefNamespace(io.of('/chief'), services);
  const boards = attachBoards(io, services, { scaledOut: closeRedis !== undefined });
  const stopCounting = services.ops.metrics.countSockets(() => ({
    tablets: io.of('/expert').sockets.size,
    spectators: io.of('/board').sockets.size,
    consoles: io.of('/chief').sockets.size,
  }));
  const unsubscribe = services.competitions.onAppended((competitionId, events) => {
    const runtime = services.competitions.get(competitionId);
    if (!runtime) return;
    chief.pushAppended(runtime, events);
    experts.pushAppended(runtime, events);
  });
  return {
    io,
    ready: closeRedis ? closeRedis.then(() => undefined) : Promise.resolve(),
    async close() {
      stopCounting();
      unsubscribe();
      chief.close();
      experts.close();
      boards.close();
      await io.close();
      if (closeRedis) await (await closeRedis)();
    },
  };
}
