import express, { type Express, type Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { originCheck, sessionMiddleware } from '../auth/middleware';
import { trustedProxies } from '../auth/origin';
import { metricsRoute } from '../ops';
import { requestLog } from '../ops/request-log';
import type { Services } from '../services';
import { jsonBody, wellFormedPath } from './body';
import { ApiError, errorHandler } from './errors';
import { httpsOnly, pagePolicy, securityHeaders } from './security-headers';
import { organiserRoutes } from './routes/organiser';
import { authRoutes } from './routes/auth';
import { boardRoutes } from './routes/boards';
import { chiefRoutes } from './routes/chief';
import { chiefDocumentRoutes } from './routes/chief-documents';
import { chiefJudgeRoutes } from './routes/chief-judges';
import { calibrationRoutes } from './routes/calibration';
import { examRoutes } from './routes/exam';
import { examSchemeRoutes } from './routes/exam-scheme';
import { chiefQrRoutes } from './routes/chief-qr';
import { expertRoutes } from './routes/expert';
import { publicRoutes } from './routes/public';
import { verifyRoutes } from './routes/verify';

const clientDist = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../client/dist',
);

export interface AppOptions {
  /** Serve the built client (client/dist) and fall back to index.html for client routes. */
  serveClient?: boolean;
}

/** The routers of each audience, in the order they are mounted. */
function audienceRoutes(services: Services): Router[] {
  return [
    authRoutes(services.accounts),
    publicRoutes(services),
    boardRoutes(services),
    verifyRoutes(services),
    organiserRoutes(services),
    expertRoutes(services),
    chiefRoutes(services),
    chiefDocumentRoutes(services),
    chiefJudgeRoutes(services),
    calibrationRoutes(services),
    examRoutes(services, services.exams),
    examSchemeRoutes(),
    chiefQrRoutes(services),
  ];
}

export function createApp(services: Services, options: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustedProxies);
  app.use(requestLog(services.ops.logger), securityHeaders, httpsOnly);

  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Prometheus scrapes this; closed unless METRICS_TOKEN is set (docs/operations.md).
  app.get('/metrics', metricsRoute(services.ops.metrics, services.config.metricsToken));

  app.use(
    '/api',
    wellFormedPath,
    jsonBody('1mb'),
    originCheck,
    sessionMiddleware(services.accounts),
  );
  for (const router of audienceRoutes(services)) app.use(router);
  app.use('/api', (_req, _res, next) => next(new ApiError('not_found')));

  if (options.serveClient && existsSync(clientDist)) {
    app.use(pagePolicy, express.static(clientDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDist, 'index.html'));
    });
  }
  app.use(errorHandler);
  return app;
}
