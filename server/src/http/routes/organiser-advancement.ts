import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  advancementApplyInputSchema,
  advancementProposalInputSchema,
  championshipCloneInputSchema,
  idSchema,
  type AdvancementApplyReply,
  type AdvancementHistoryReply,
  type AdvancementProposalReply,
  type ChampionshipCloneReply,
} from '@ashyq/shared';
import type { AdvancementService } from '../../advancement/service';
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
  const base = '/api/organiser/championships/:championshipId';

  router.post(`${base}/clone`, inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    const input = parse(championshipCloneInputSchema, req.body, 'body');
    requireScope(req, input.id);
    res
      .status(201)
      .json((await advancement.clone(championshipId, input)) satisfies ChampionshipCloneReply);
  });

  router.post(`${base}/advancement/proposal`, inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    const input = parse(advancementProposalInputSchema, req.body, 'body');
    const proposal = await advancement.propose(championshipId, input, languageOf(req));
    res.json(proposal satisfies AdvancementProposalReply);
  });

  router.post(`${base}/advancement/apply`, inChampionship, async (req, res) => {
    const input = parse(advancementApplyInputSchema, req.body, 'body');
    const { championshipId } = parse(championshipParams, req.params, 'params');
    requireScope(req, input.targetChampionshipId);
    const applied = await advancement.apply(
      championshipId,
      input,
      organiserOf(req).id,
      languageOf(req),
    );
    res.status(201).json(applied satisfies AdvancementApplyReply);
  });

  router.get(`${base}/advancements`, inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    res.json({
      advancements: await advancement.history(championshipId),
    } satisfies AdvancementHistoryReply);
  });

  return router;
}

function requireScope(req: Request, championshipId: string): void {
  if (!scopeCovers(organiserOf(req).scope, { championshipId })) throw new ApiError('forbidden');
}
