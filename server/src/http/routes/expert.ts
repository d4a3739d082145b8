import type { CorrectionReply, ExpertView, MarkBatchReply, SignOffReply } from '@ashyq/shared';
import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  markBatchSchema,
  markIdSchema,
  markInputSchema,
  reasonTextSchema,
  subCriterionIdSchema,
} from '@ashyq/shared';
import { requireSignedIn } from '../../auth/middleware';
import { expertView } from '../../competitions/expert-view';
import type { Services } from '../../services';
import { command, runtimeOf } from '../competition-access';
import { ApiError, parse } from '../errors';
import { clientAddress } from './auth';

const correctionBody = z.strictObject({
  markId: markIdSchema,
  mark: markInputSchema,
  reason: reasonTextSchema,
});
const signOffParams = z.object({ subCriterionId: subCriterionIdSchema });
/** The expert's own PIN: the sign-off is the expert's signature, not the tablet's. */
const signOffBody = z.strictObject({ pin: z.string().regex(/^\d{6}$/) });

/** The signed-in expert's credential; organisers and anonymous callers are refused. */
function expertOf(req: Request) {
  if (req.actor?.kind !== 'expert') throw new ApiError('forbidden');
  return req.actor.credential;
}

/** What an expert's tablet uses: its own view of the competition and the marks it sends. */
export function expertRoutes(
  services: Pick<Services, 'accounts' | 'competitions' | 'ops'>,
): Router {
  const router = Router();
  router.use('/api/expert', requireSignedIn());

  router.get('/api/expert/competition', async (req, res) => {
    const { competitionId, expertId, role } = expertOf(req);
    const runtime = await runtimeOf(services, competitionId);
    res.json((await command(() => expertView(runtime, expertId, role))) satisfies ExpertView);
  });

  /** Tablet sync: the expert comes from the session, never the body; a resent batch counts once. */
  router.post('/api/expert/marks', async (req, res) => {
    const started = performance.now();
    const { competitionId, expertId } = expertOf(req);
    const { marks } = parse(markBatchSchema, req.body, 'body');
    const runtime = await runtimeOf(services, competitionId);
    const results = await command(() => runtime.recordMarks(expertId, marks));
    services.ops.metrics.marksAcknowledged('http', results, (performance.now() - started) / 1000);
    res.json({ results } satisfies MarkBatchReply);
  });

  /** A correction supersedes the expert's earlier mark; both stay in the log with the reason. */
  router.post('/api/expert/corrections', async (req, res) => {
    const { competitionId, expertId } = expertOf(req);
    const { markId, mark, reason } = parse(correctionBody, req.body, 'body');
    const runtime = await runtimeOf(services, competitionId);
    const result = await command(() => runtime.correctMark(expertId, markId, mark, reason));
    res.json({ result } satisfies CorrectionReply);
  });

  /** Signs a locked sub-criterion off with the expert's PIN; a repeat is acknowledged. */
  router.post('/api/expert/sign-off/:subCriterionId', async (req, res) => {
    const credential = expertOf(req);
    const { competitionId, expertId } = credential;
    const { subCriterionId } = parse(signOffParams, req.params, 'params');
    const { pin } = parse(signOffBody, req.body, 'body');
    await services.accounts.verifyCredentialPin(credential, pin, clientAddress(req));
    const runtime = await runtimeOf(services, competitionId);
    await command(() => runtime.signOff(expertId, subCriterionId));
    res.json({ ok: true, locks: runtime.state.scoring.lockState() } satisfies SignOffReply);
  });

  return router;
}
