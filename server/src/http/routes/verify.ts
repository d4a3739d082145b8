import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services';
import { ApiError, parse } from '../errors';

// Loose on purpose: people type codes with dashes, spaces and lower case; the registry normalises.
const verifyParams = z.object({ code: z.string().min(1).max(40) });

/**
 * The public check of a printed document (where its QR code leads): the document's public
 * summary and whether the server's records still give the content it was printed from.
 */
export function verifyRoutes(services: Pick<Services, 'documents'>): Router {
  const router = Router();

  router.get('/api/public/verify/:code', async (req, res) => {
    const { code } = parse(verifyParams, req.params, 'params');
    const verification = await services.documents.verify(code);
    if (!verification) throw new ApiError('not_found');
    res.json(verification);
  });

  return router;
}
