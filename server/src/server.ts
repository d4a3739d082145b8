import { createServer } from 'node:http';
import { loadConfigOrExit } from './config';
import { createApp } from './http/app';
import { attachRealtime } from './realtime';
import { createOps } from './ops';
import { createServices, type Services } from './services';

/**
 * Fills a store on its first start; answers whether it did. The composition root passes the
 * demo's loader (scripts/serve.ts), so the server itself knows nothing of the seeds.
 */
export type InitialData = (services: Services) => Promise<boolean>;

/** Builds the services, the HTTP app and the sockets, listens, and stops cleanly on a signal. */
export async function startServer(options: { initialData?: InitialData } = {}): Promise<void> {
  const config = loadConfigOrExit();
  const ops = createOps({ level: config.logLevel });
  const services = await createServices(config, ops);
  if (options.initialData && (await options.initialData(services))) {
    await services.competitions.loadAll();
    await services.exams.loadAll();
    ops.logger.info('Loaded the demo championship into the empty store');
  }
  const server = createServer(createApp(services, { serveClient: true }));
  const realtime = attachRealtime(server, services);
  await realtime.ready;
  services.log.startThreads();

  server.listen(config.port, config.host, () => {
    ops.logger.info(
      { metrics: config.metricsToken ? 'bearer token' : 'off' },
      `Ashyq is listening on http://${config.host ?? 'localhost'}:${config.port}`,
    );
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      setTimeout(() => server.closeAllConnections(), shutdownGraceMs).unref();
      // Closing Socket.IO closes the HTTP server too.
      void realtime
        .close()
        .then(() => services.close())
        .finally(() => process.exit(0));
    });
  }
}

/**
 * How long a stop waits for requests in flight before it cuts the connections that remain. A
 * browser may hold a connection open indefinitely (a service worker's fetch, a retrying queue), and a
 * restart that waits on it never ends; what was acknowledged is already in the log.
 */
const shutdownGraceMs = 3_000;
