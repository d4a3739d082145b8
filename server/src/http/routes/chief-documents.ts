import { Router } from 'express';
import { z } from 'zod';
import { idSchema, languages, subCriterionIdSchema } from '@ashyq/shared';
import { requireCompetitionRole, param } from '../../auth/middleware';
import { MarksSummaryService } from '../../documents/marks-summary-service';
import type { Services } from '../../services';
import { actorId, scopeOfCompetition } from '../competition-access';
import { languageOf, parse } from '../errors';

const base = '/api/chief/competitions/:id';
const subCriterionParams = z.object({ id: idSchema, subCriterionId: subCriterionIdSchema });
const documentQuery = z.object({ lang: z.enum(languages).optional() });

/** The chief expert's printed documents (the same roles as the other chief routes). */
export function chiefDocumentRoutes(
  services: Pick<Services, 'competitions' | 'config' | 'documents' | 'store'>,
): Router {
  const router = Router();
  const scope = (competitionId: string) => scopeOfCompetition(services, competitionId);
  const leads = requireCompetitionRole(['chief', 'deputy-chief'], param('id'), scope);
  const summaries = new MarksSummaryService(services.competitions, services.store, {
    registry: services.documents,
    publicUrl: services.config.publicUrl,
  });

  /** A sub-criterion's marks summary: a draft until it is locked, then issued with a code. */
  router.get(`${base}/sub-criteria/:subCriterionId/summary.pdf`, leads, async (req, res) => {
    const { id, subCriterionId } = parse(subCriterionParams, req.params, 'params');
    const { lang } = parse(documentQuery, req.query, 'query');
    const sheet = await summaries.sheet(id, subCriterionId, lang ?? languageOf(req), actorId(req));
    res.type('application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${sheet.file}"`);
    if (sheet.verificationCode) res.setHeader('X-Verification-Code', sheet.verificationCode);
    res.send(sheet.pdf);
  });

  return router;
}
