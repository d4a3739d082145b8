import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';

/**
 * The Socket.IO Redis adapter (REDIS_URL): broadcasts and `serverSideEmit` reach every
 * instance, so a spectator may be connected to any of them. Resolves once both Redis
 * connections are up; the server starts listening only then.
 */
export async function useRedisAdapter(io: Server, url: string): Promise<() => Promise<void>> {
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  for (const client of [publisher, subscriber]) {
    // Without a listener a lost connection would crash the process; the client reconnects.
    client.on('error', (error: unknown) => console.error('Redis:', error));
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);
  io.adapter(createAdapter(publisher, subscriber));
  return async () => {
    await Promise.allSettled([publisher.quit(), subscriber.quit()]);
  };
}
