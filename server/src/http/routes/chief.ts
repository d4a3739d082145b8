import type {
  ConflictReply,
  EventPage,
  IssuedCredentialReply,
  LocksReply,
  Overview,
  Roster,
} from '@ashyq/shared';
import { once } from 'node:events';
import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  aspectCodeSchema,
  competitorStatusSchema,
  conflictInputSchema,
  idSchema,
  reasonTextSchema,
  subCriterionIdSchema,
} from '@ashyq/shared';
import { mayIssueCredential } from '../../auth/access';
import { requireCompetitionRole, param } from '../../auth/middleware';
import type { Subject } from '../../auth/model';
import { kindOf } from '../../competitions/audit-filter';
import { competitionRoster } from '../../competitions/roster';
import { eventTypes } from '../../competitions/runtime-state';
import { maxPanelSize } from '../../competitions/runtime-types';
import { eventText } from '../../ops/log-file';
import type { Services } from '../../services';
import { actorId, command, runtimeOf, scopeOfCompetition } from '../competition-access';
import { ApiError, parse } from '../errors';
import { ReferenceRepository } from '../../domain/reference';

const base = '/api/chief/competitions/:id';
/** Audit trail pages: a console screenful by default, a bounded response at most. */
const defaultEventPage = 500;
const maxEventPage = 2_000;
const competitionParams = z.object({ id: idSchema });
const subCriterionParams = competitionParams.extend({ subCriterionId: subCriterionIdSchema });
const competitorParams = competitionParams.extend({ competitorId: idSchema });
const expertParams = competitionParams.extend({ expertId: idSchema });

const panelBody = z.strictObject({ expertIds: z.array(idSchema).max(maxPanelSize) });
const statusBody = z.strictObject({
  status: competitorStatusSchema,
  reason: reasonTextSchema.optional(),
});
const resolveBody = z.strictObject({
  competitorId: idSchema,
  aspect: aspectCodeSchema,
  reason: reasonTextSchema,
});
const rescoreBody = z.strictObject({
  competitorId: idSchema,
  aspect: aspectCodeSchema,
  reason: reasonTextSchema.optional(),
});
const unlockBody = z.strictObject({ reason: reasonTextSchema });
/** The audit trail's filters, and its pages: the latest `limit` events before `before`. */
const eventsQuery = z.object({
  expert: idSchema.optional(),
  aspect: aspectCodeSchema.optional(),
  competitor: idSchema.optional(),
  type: z.enum(eventTypes).optional(),
  kind: z.enum([...new Set(eventTypes.map(kindOf))]).optional(),
  limit: z.coerce.number().int().min(1).max(maxEventPage).default(defaultEventPage),
  before: z.coerce.number().int().min(1).optional(),
});

function subjectOf(req: Request): Subject {
  const actor = req.actor!;
  return actor.kind === 'organiser'
    ? { kind: 'user', userId: actor.user.id }
    : { kind: 'credential', credentialId: actor.credential.id };
}

/**
 * What the chief expert (and deputy) runs a competition with; organisers whose scope covers
 * the competition may do the same. Unlocking and publishing are the chief's alone.
 */
export function chiefRoutes(
  services: Pick<Services, 'accounts' | 'competitions' | 'log' | 'store'>,
): Router {
  const router = Router();
  const scope = (competitionId: string) => scopeOfCompetition(services, competitionId);
  const leads = requireCompetitionRole(['chief', 'deputy-chief'], param('id'), scope);
  const chiefOnly = requireCompetitionRole(['chief'], param('id'), scope);
  router.use(base, leads);

  const runtime = (req: Request) => {
    const { id } = parse(competitionParams, { id: req.params.id }, 'params');
    return runtimeOf(services, id);
  };

  router.get(`${base}/overview`, async (req, res) => {
    res.json((await runtime(req)).overview() satisfies Overview);
  });

  router.get(`${base}/roster`, async (req, res) => {
    res.json(
      (await competitionRoster(
        await runtime(req),
        services.store,
        services.accounts,
      )) satisfies Roster,
    );
  });

  router.put(`${base}/panels/:subCriterionId`, async (req, res) => {
    const { subCriterionId } = parse(subCriterionParams, req.params, 'params');
    const { expertIds } = parse(panelBody, req.body, 'body');
    const running = await runtime(req);
    await command(() => running.setPanel(actorId(req), subCriterionId, expertIds));
    res.json({ subCriterion: subCriterionId, expertIds: running.state.panels.get(subCriterionId) });
  });

  router.post(`${base}/conflicts`, async (req, res) => {
    const { expertId, competitorId } = parse(conflictInputSchema, req.body, 'body');
    const running = await runtime(req);
    await command(() => running.declareConflict(actorId(req), expertId, competitorId));
    res.json({
      expert: expertId,
      competitors: [...(running.state.conflicts.get(expertId) ?? [])],
    } satisfies ConflictReply);
  });

  router.post(`${base}/competitors/:competitorId/status`, async (req, res) => {
    const { competitorId } = parse(competitorParams, req.params, 'params');
    const { status, reason } = parse(statusBody, req.body, 'body');
    const running = await runtime(req);
    await command(() => running.setCompetitorStatus(actorId(req), competitorId, status, reason));
    res.json({ competitor: competitorId, status });
  });

  router.post(`${base}/discrepancies/resolve`, async (req, res) => {
    const { competitorId, aspect, reason } = parse(resolveBody, req.body, 'body');
    const running = await runtime(req);
    await command(() => running.resolveDiscrepancy(actorId(req), competitorId, aspect, reason));
    res.json({ openDiscrepancies: running.state.scoring.openDiscrepancies() });
  });

  /** Asks the judges of an open discrepancy to score again; the deputy may too. */
  router.post(`${base}/rescore-requests`, async (req, res) => {
    const { competitorId, aspect, reason } = parse(rescoreBody, req.body, 'body');
    const running = await runtime(req);
    const request = await command(() =>
      running.requestRescore(actorId(req), competitorId, aspect, reason),
    );
    res.status(201).json({ request });
  });

  router.post(`${base}/sub-criteria/:subCriterionId/lock`, async (req, res) => {
    const { subCriterionId } = parse(subCriterionParams, req.params, 'params');
    const running = await runtime(req);
    await command(() => running.lock(actorId(req), subCriterionId));
    res.json({ locks: running.state.scoring.lockState() } satisfies LocksReply);
  });

  /** Only the chief expert unlocks (docs/scoring.md), and says why. */
  router.post(`${base}/sub-criteria/:subCriterionId/unlock`, chiefOnly, async (req, res) => {
    const { subCriterionId } = parse(subCriterionParams, req.params, 'params');
    const { reason } = parse(unlockBody, req.body, 'body');
    const running = await runtime(req);
    await command(() => running.unlock(actorId(req), subCriterionId, reason));
    res.json({ locks: running.state.scoring.lockState() } satisfies LocksReply);
  });

  router.post(`${base}/publish`, chiefOnly, async (req, res) => {
    const running = await runtime(req);
    await command(() => running.publish(actorId(req)));
    res.json({ published: running.state.results.published, stage: running.resultsStage });
  });

  router.get(`${base}/events`, async (req, res) => {
    const { limit, before, ...filter } = parse(eventsQuery, req.query, 'query');
    const running = await runtime(req);
    res.json((await running.eventPage(filter, { limit, before })) satisfies EventPage);
  });

  /**
   * The whole log as a file, one event per line (docs/event-log.md, *The log as a file*): what
   * `npm run cli -- log verify` checks without the server. Streamed page by page.
   */
  router.get(`${base}/log.jsonl`, async (req, res) => {
    const running = await runtime(req);
    res.set('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="${running.id}-log.jsonl"`);
    res.set('Cache-Control', 'no-store');
    try {
      for await (const page of services.log.store.readPages(running.id)) {
        const text = page.map((event) => `${eventText(event)}\n`).join('');
        if (!res.write(text)) await once(res, 'drain');
      }
    } catch (error) {
      // Once lines have left, an error response is no longer possible: abort the download, so
      // the client sees it fail rather than a file that merely ends early.
      if (!res.headersSent) throw error;
      res.destroy(error as Error);
      return;
    }
    res.end();
  });

  /** The expert whose credential is handled, once the caller may hand out that role. */
  const credentialHolder = async (req: Request) => {
    const { id, expertId } = parse(expertParams, req.params, 'params');
    const expert = await new ReferenceRepository(services.store).find('experts', expertId);
    if (!expert || expert.competitionId !== id) throw new ApiError('not_found');
    const target = { ...(await scope(id)), competitionId: id };
    if (!mayIssueCredential(req.actor, expert.role, target)) throw new ApiError('forbidden');
    return expert;
  };

  /** A new PIN and QR link token, shown once; any earlier credential of the expert is revoked. */
  router.post(`${base}/credentials/:expertId`, async (req, res) => {
    const expert = await credentialHolder(req);
    const issued = await services.accounts.issueCredential(
      expert.competitionId,
      expert.id,
      expert.role,
      subjectOf(req),
    );
    res.status(201).json(issued satisfies IssuedCredentialReply);
  });

  router.delete(`${base}/credentials/:expertId`, async (req, res) => {
    const expert = await credentialHolder(req);
    const revoked = await services.accounts.revokeCredentialsOf(expert.competitionId, expert.id);
    res.json({ revoked });
  });

  return router;
}
