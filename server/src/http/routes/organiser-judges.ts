import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { idSchema, languages } from '@ashyq/shared';
import { championshipJudgesReport } from '../../competitions/championship-judges';
import type { CompetitionRegistry } from '../../competitions/registry';
import { judgesReportWorkbook, renderJudgesReport } from '../../documents/judges-report';
import type { ReferenceRepository } from '../../domain/reference';
import type { Store } from '../../store/port';
import { parse } from '../errors';

const params = z.object({ championshipId: idSchema });
const fileQuery = z.object({ lang: z.enum(languages).default('ru') });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * How every expert judged across a championship (docs/judge-analytics.md): for organisers whose
 * scope covers it, on screen and as XLSX and PDF in kk/ru/en. Never public; no IIN leaves.
 */
export function judgesReportRoutes(
  reference: ReferenceRepository,
  registry: CompetitionRegistry,
  store: Store,
  inChampionship: RequestHandler,
): Router {
  const router = Router();
  const base = '/api/organiser/championships/:championshipId/judges';

  router.get(base, inChampionship, async (req, res) => {
    const { championshipId } = parse(params, req.params, 'params');
    res.json(await championshipJudgesReport(reference, registry, store, championshipId));
  });

  router.get(`${base}.xlsx`, inChampionship, async (req, res) => {
    const { championshipId } = parse(params, req.params, 'params');
    const { lang } = parse(fileQuery, req.query, 'query');
    const report = await championshipJudgesReport(reference, registry, store, championshipId);
    res
      .type(xlsxType)
      .attachment(`${championshipId}-judges-${lang}.xlsx`)
      .send(await judgesReportWorkbook(report, lang));
  });

  router.get(`${base}.pdf`, inChampionship, async (req, res) => {
    const { championshipId } = parse(params, req.params, 'params');
    const { lang } = parse(fileQuery, req.query, 'query');
    const report = await championshipJudgesReport(reference, registry, store, championshipId);
    const pdf = renderJudgesReport(report, lang);
    res.type('application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${championshipId}-judges-${lang}.pdf"`);
    res.send(await pdf.toBuffer());
  });

  return router;
}
