import { Router, type Request } from 'express';
import { z } from 'zod';
import { idSchema, languages, subCriterionIdSchema } from '@ashyq/shared';
import { requireCompetitionRole, param } from '../../auth/middleware';
import { CompetitionUnavailableError } from '../../competitions/registry';
import {
  marksSummaryKind,
  marksSummarySummary,
  marksSummaryTitle,
  renderMarksSummary,
} from '../../documents/marks-summary';
import {
  currentMarksSummaryContent,
  marksSummaryContent,
  marksSummaryView,
  UnknownSubCriterionError,
} from '../../documents/marks-summary-data';
import { documentUrl, formatCode } from '../../documents/verification';
import type { Services } from '../../services';
import { actorId, runtimeOf, scopeOfCompetition } from '../competition-access';
import { ApiError, languageOf, parse } from '../errors';

const base = '/api/chief/competitions/:id';
const subCriterionParams = z.object({ id: idSchema, subCriterionId: subCriterionIdSchema });
const documentQuery = z.object({ lang: z.enum(languages).optional() });
/** An issued sheet's subject; sheets issued before content versions were recorded are version 1. */
const marksSummarySubject = z.object({
  competitionId: z.string(),
  subCriterionId: z.string(),
  content: z.union([z.literal(1), z.literal(2)]).default(1),
});

/**
 * The chief expert's printed documents (the same roles as the other chief routes). Each kind
 * registers here how the verification page rebuilds its content from the records.
 */
export function chiefDocumentRoutes(
  services: Pick<Services, 'competitions' | 'config' | 'documents' | 'store'>,
): Router {
  const router = Router();
  const scope = (competitionId: string) => scopeOfCompetition(services, competitionId);
  const leads = requireCompetitionRole(['chief', 'deputy-chief'], param('id'), scope);

  services.documents.registerKind(marksSummaryKind, async (subject) => {
    const { competitionId, subCriterionId, content } = marksSummarySubject.parse(subject);
    try {
      const running = await services.competitions.open(competitionId);
      const summary = await marksSummaryView(running, services.store, subCriterionId);
      return marksSummaryContent(summary, content);
    } catch (error) {
      if (error instanceof CompetitionUnavailableError) return undefined;
      if (error instanceof UnknownSubCriterionError) return undefined;
      throw error;
    }
  });

  const view = async (req: Request) => {
    const { id, subCriterionId } = parse(subCriterionParams, req.params, 'params');
    const running = await runtimeOf(services, id);
    try {
      return await marksSummaryView(running, services.store, subCriterionId);
    } catch (error) {
      if (error instanceof UnknownSubCriterionError) throw new ApiError('not_found');
      throw error;
    }
  };

  /**
   * The marks summary of one sub-criterion. Once it is locked, the sheet is issued: it gets a
   * verification code and QR code. Before, it prints as a DRAFT without a code, so the chief can
   * check the figures with the team, but no one can take a provisional sheet for the final one.
   */
  router.get(`${base}/sub-criteria/:subCriterionId/summary.pdf`, leads, async (req, res) => {
    const { lang } = parse(documentQuery, req.query, 'query');
    const language = lang ?? languageOf(req);
    const summaryView = await view(req);
    let verification: { code: string; url: string } | undefined;
    if (summaryView.lock) {
      const issued = await services.documents.issue({
        kind: marksSummaryKind,
        subject: {
          competitionId: summaryView.competitionId,
          subCriterionId: summaryView.subCriterion.id,
          content: currentMarksSummaryContent,
        },
        content: marksSummaryContent(summaryView),
        summary: marksSummarySummary(summaryView, language),
        title: marksSummaryTitle(language, summaryView.subCriterion.id),
        language,
        issuedBy: actorId(req),
      });
      verification = {
        code: formatCode(issued.code),
        url: documentUrl(services.config.publicUrl, issued.code),
      };
    }
    const pdf = renderMarksSummary({ view: summaryView, language, verification });
    const file = `marks-summary-${summaryView.competitionId}-${summaryView.subCriterion.id}-${language}.pdf`;
    res.type('application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${file}"`);
    if (verification) res.setHeader('X-Verification-Code', verification.code);
    res.send(await pdf.toBuffer());
  });

  return router;
}
