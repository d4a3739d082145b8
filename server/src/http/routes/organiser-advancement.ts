import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { idSchema } from '@ashyq/shared';
import {
  applyInputSchema,
  cloneInputSchema,
  proposalInputSchema,
  type AdvancementService,
} from '../../advancement/service';
import { scopeCovers } from '../../auth/access';
import { ApiError, languageOf, parse } from '../errors';
import { organiserOf } from './registration-support';

const championshipParams = z.object({ championshipId: idSchema });

/**
 * Championship tools: clone last year's championship, and advancement to the next level. The
 * rules and the writes are AdvancementService's; these routes parse, check scope and call.
 */
export function advancementRoutes(
  advancement: AdvancementService,
  inChampionship: RequestHandler,
): Router {
  const router = Router();
  const base = '/api/admin/championships/:championshipId';

  router.post(`${base}/clone`, inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    const input = parse(cloneInputSchema, req.body, 'body');
    requireScope(req, input.id);
    res.status(201).json(await advancement.clone(championshipId, input));
  });

  router.post(`${base}/advancement/proposal`, inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    const input = parse(proposalInputSchema, req.body, 'body');
    res.json(await advancement.propose(championshipId, input, languageOf(req)));
  });

  router.post(`${base}/advancement/apply`, inChampionship, async (req, res) => {
    const input = parse(applyInputSchema, req.body, 'body');
    const { championshipId } = parse(championshipParams, req.params, 'params');
    requireScope(req, input.targetChampionshipId);
    const applied = await advancement.apply(
      championshipId,
      input,
      organiserOf(req).id,
      languageOf(req),
    );
    res.status(201).json(applied);
  });

  router.get(`${base}/advancements`, inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    res.json({ advancements: await advancement.history(championshipId) });
  });

  return router;
}

function requireScope(req: Request, championshipId: string): void {
  if (!scopeCovers(organiserOf(req).scope, { championshipId })) throw new ApiError('forbidden');
}
