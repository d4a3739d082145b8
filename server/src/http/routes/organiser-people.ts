import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  expertRoleSchema,
  iinSchema,
  idSchema,
  nameTextSchema,
  personNameSchema,
  reasonTextSchema,
  regionIdSchema,
  type CompetitorsReply,
  type ExpertsReply,
  type PeopleImportReply,
} from '@ashyq/shared';
import type { PeopleService } from '../../people/service';
import { languageOf, parse } from '../errors';
import {
  importIssueDetails,
  organiserOf,
  rawUpload,
  refusal,
  requireTableFile,
  uploadedBytes,
} from './registration-support';

/**
 * Competitors and experts of a competition: one at a time as JSON, or a whole list as a file.
 * The rules are PeopleService's (server/src/people/service.ts); these routes parse and call.
 */

const personFields = {
  id: idSchema.optional(),
  name: personNameSchema.strict(),
  iin: iinSchema,
  collegeId: idSchema.optional(),
  regionId: regionIdSchema,
  delegation: nameTextSchema(100).optional(),
};
const competitorInput = z.strictObject({ ...personFields, guest: z.boolean().default(false) });
const expertInput = z.strictObject({
  ...personFields,
  role: expertRoleSchema.default('expert'),
  certificate: nameTextSchema(100).optional(),
  employer: nameTextSchema(300).optional(),
});

const competitionParams = z.object({ competitionId: idSchema });
const competitorParams = z.object({ competitionId: idSchema, competitorId: idSchema });
/** What a correction of a registered competitor may change; the reason goes to the log. */
const competitorPatch = z.strictObject({
  name: personNameSchema.strict().optional(),
  iin: iinSchema.optional(),
  reason: reasonTextSchema,
});
/** Fields that decide who is a compatriot: fixed once the competitor is registered. */
const delegationFields = ['regionId', 'collegeId', 'delegation', 'guest'] as const;

export function peopleRoutes(people: PeopleService, inCompetition: RequestHandler): Router {
  const router = Router();
  const base = '/api/organiser/competitions/:competitionId';

  // Organisers in scope register people, so they see IINs (docs/domain.md, personal data).
  router.get(`${base}/competitors`, inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    res.json({
      competitors: await people.list('competitors', competitionId),
    } satisfies CompetitorsReply);
  });
  router.get(`${base}/experts`, inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    res.json({ experts: await people.list('experts', competitionId) } satisfies ExpertsReply);
  });

  router.post(`${base}/competitors`, inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    const input = parse(competitorInput, req.body, 'body');
    const competitor = await people.addCompetitor(competitionId, input, organiserOf(req).id);
    res.status(201).json({ competitor });
  });

  /**
   * Corrects a competitor's name or IIN, with a reason. Region, college and delegation are
   * refused by name: they decide the compatriot rules the marks were given under.
   */
  router.patch(`${base}/competitors/:competitorId`, inCompetition, async (req, res) => {
    const { competitionId, competitorId } = parse(competitorParams, req.params, 'params');
    const fixed = delegationFields.find((field) => Object.hasOwn(Object(req.body), field));
    if (fixed) throw refusal('conflict', fixed, 'delegationFixed');
    const { reason, ...changes } = parse(competitorPatch, req.body, 'body');
    const competitor = await people.correctCompetitor(
      competitionId,
      competitorId,
      changes,
      reason,
      organiserOf(req).id,
    );
    res.json({ competitor });
  });

  router.post(`${base}/experts`, inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    const input = parse(expertInput, req.body, 'body');
    const expert = await people.addExpert(competitionId, input, organiserOf(req).id);
    res.status(201).json({ expert });
  });

  /** An uploaded XLSX/CSV of people, all or nothing: every bad row is reported (400). */
  const readUpload = (req: Parameters<RequestHandler>[0]) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    const data = uploadedBytes(req);
    requireTableFile(data);
    return { competitionId, data, actorId: organiserOf(req).id };
  };

  router.post(`${base}/competitors/import`, inCompetition, rawUpload, async (req, res) => {
    const { competitionId, data, actorId } = readUpload(req);
    const imported = await people.importCompetitors(competitionId, data, actorId);
    res.status(201).json({
      imported: imported.people.length,
      competitors: imported.people,
      warnings: importIssueDetails(imported.warnings, languageOf(req)),
    } satisfies PeopleImportReply);
  });

  router.post(`${base}/experts/import`, inCompetition, rawUpload, async (req, res) => {
    const { competitionId, data, actorId } = readUpload(req);
    const imported = await people.importExperts(competitionId, data, actorId);
    res.status(201).json({
      imported: imported.people.length,
      experts: imported.people,
      warnings: importIssueDetails(imported.warnings, languageOf(req)),
    } satisfies PeopleImportReply);
  });

  return router;
}
