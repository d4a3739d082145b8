import { calibrationOpenSchema, calibrationRecordSchema, idSchema } from '@ashyq/shared';
import { Router } from 'express';
import { z } from 'zod';
import { requireCompetitionRole, requireSignedIn, param } from '../../auth/middleware';
import {
  calibrationView,
  closeCalibration,
  openCalibration,
  recordCalibration,
} from '../../competitions/calibration';
import type { Services } from '../../services';
import { actorId, runtimeOf, scopeOfCompetition } from '../competition-access';
import { ApiError, parse } from '../errors';

const params = z.object({ id: idSchema });

/**
 * The calibration round (docs/judge-analytics.md). The chief opens and closes it; the chief, the
 * deputy and organisers in scope read it whole; an expert scores it and reads only its own scores
 * until the round is closed. Nothing here is public.
 */
export function calibrationRoutes(services: Pick<Services, 'competitions' | 'store'>): Router {
  const router = Router();
  const scope = (competitionId: string) => scopeOfCompetition(services, competitionId);
  const leads = requireCompetitionRole(['chief', 'deputy-chief'], param('id'), scope);
  const chief = requireCompetitionRole(['chief'], param('id'), scope);

  router.get('/api/chief/competitions/:id/calibration', leads, async (req, res) => {
    const { id } = parse(params, req.params, 'params');
    const running = await runtimeOf(services, id);
    res.json({ calibration: await calibrationView(running, { staff: true }) });
  });

  router.post('/api/chief/competitions/:id/calibration', chief, async (req, res) => {
    const { id } = parse(params, req.params, 'params');
    const { sample, aspects } = parse(calibrationOpenSchema, req.body, 'body');
    const running = await runtimeOf(services, id);
    await openCalibration(running, actorId(req), sample, aspects);
    res.json({ calibration: await calibrationView(running, { staff: true }) });
  });

  router.post('/api/chief/competitions/:id/calibration/close', chief, async (req, res) => {
    const { id } = parse(params, req.params, 'params');
    const running = await runtimeOf(services, id);
    await closeCalibration(running, actorId(req));
    res.json({ calibration: await calibrationView(running, { staff: true }) });
  });

  router.get('/api/expert/calibration', requireSignedIn(), async (req, res) => {
    if (req.actor?.kind !== 'expert') throw new ApiError('forbidden');
    const { competitionId, expertId } = req.actor.credential;
    const running = await runtimeOf(services, competitionId);
    res.json({ calibration: await calibrationView(running, { expert: expertId }) });
  });

  router.post('/api/expert/calibration', requireSignedIn(), async (req, res) => {
    if (req.actor?.kind !== 'expert') throw new ApiError('forbidden');
    const { competitionId, expertId } = req.actor.credential;
    const { aspect, value } = parse(calibrationRecordSchema, req.body, 'body');
    const running = await runtimeOf(services, competitionId);
    await recordCalibration(running, expertId, aspect, value);
    res.json({ calibration: await calibrationView(running, { expert: expertId }) });
  });

  return router;
}
