import { Router } from 'express';
import { z } from 'zod';
import { idSchema, regions } from '@ashyq/shared';
import type { Services } from '../../services';
import { parse } from '../errors';

const competitionParams = z.object({ id: idSchema });

/** What anyone may read without signing in. Never personal data. */
export function publicRoutes(services: Services): Router {
  const router = Router();

  router.get('/api/public/regions', (_req, res) => {
    res.json({ regions });
  });

  /** Recomputes every hash of the competition's log: anyone can check that nothing was altered. */
  router.get('/api/public/competitions/:id/log/verify', async (req, res) => {
    const { id } = parse(competitionParams, req.params, 'params');
    const verdict = await services.log.verify(id);
    res.json(verdict);
  });

  return router;
}
