import { createServer } from 'node:http';
import { loadConfigOrExit } from './config';
import { createApp } from './http/app';
import { attachRealtime } from './realtime';
import { createOps } from './ops';
import { createServices } from './services';
import { isEmptyStore, loadDemo } from '../../seeds/load-demo';

const config = loadConfigOrExit();

const ops = createOps({ level: config.logLevel });
const services = await createServices(config, ops);
// A first start shows a championship to explore rather than an empty screen (README, demo sign-ins).
// ASHYQ_DEMO=0 keeps the store empty: a real deployment, or a test that starts from nothing.
if (process.env.ASHYQ_DEMO !== '0' && (await isEmptyStore(services.store))) {
  await loadDemo(services);
  await services.competitions.loadAll();
  await services.exams.loadAll();
  ops.logger.info('Loaded the demo championship into the empty store');
}
const server = createServer(createApp(services, { serveClient: true }));
const realtime = attachRealtime(server, services);
await realtime.ready;

server.listen(config.port, config.host, () => {
  ops.logger.info(
    { metrics: config.metricsToken ? 'bearer token' : 'off' },
    `Ashyq is listening on http://${config.host ?? 'localhost'}:${config.port}`,
  );
});

/**
 * How long a stop waits for requests in flight before it cuts the connections that remain. A
 * browser may hold a connection open indefinitely (a service worker's fetch, a retrying queue), and a
 * restart that waits on it never ends; what was acknowledged is already in the log.
 */
const shutdownGraceMs = 3_000;

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
