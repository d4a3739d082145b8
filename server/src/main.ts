import { createServer } from 'node:http';
import { createApp } from './http/app';

const port = Number(process.env.PORT ?? 3000);
const app = createApp({ serveClient: true });
const server = createServer(app);

server.listen(port, () => {
  console.log(`Ashyq is listening on http://localhost:${port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
