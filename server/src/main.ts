import { createServer } from 'node:http';
import { ConfigError, loadConfig } from './config';
import { createApp } from './http/app';
import { createServices } from './services';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const services = await createServices(config);
const server = createServer(createApp(services, { serveClient: true }));

server.listen(config.port, config.host, () => {
  console.log(`Ashyq is listening on http://${config.host ?? 'localhost'}:${config.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void services.close().finally(() => process.exit(0));
  });
}
