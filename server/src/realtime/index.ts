import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Services } from '../services';
import { chiefNamespace } from './chief-namespace';
import { expertNamespace } from './expert-namespace';

export interface Realtime {
  io: Server;
  /** Stops the pushes, disconnects every socket and closes the HTTP server with them. */
  close(): Promise<void>;
}

/**
 * Socket.IO on the HTTP server (path /socket.io): /expert for tablets, /chief for the chief's
 * console. Every append to a competition's log is pushed to that competition's rooms.
 */
export function attachRealtime(httpServer: HttpServer, services: Services): Realtime {
  // Same origin only: the web app is served by this server, tablets use its address.
  const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
  const pushToExperts = expertNamespace(io.of('/expert'), services);
  const chief = chiefNamespace(io.of('/chief'), services);
  const unsubscribe = services.competitions.onAppended((competitionId, events) => {
    const runtime = services.competitions.get(competitionId);
    if (!runtime) return;
    chief.pushAppended(runtime, events);
    pushToExperts(runtime, events);
  });
  return {
    io,
    async close() {
      unsubscribe();
      chief.close();
      await io.close();
    },
  };
}
