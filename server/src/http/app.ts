import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const clientDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../client/dist');

export interface AppOptions {
  /** Serve the built client (client/dist) and fall back to index.html for client routes. */
  serveClient?: boolean;
}

export function createApp(options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  if (options.serveClient && existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDist, 'index.html'));
    });
  }
  return app;
}
