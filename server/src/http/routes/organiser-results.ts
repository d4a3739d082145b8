import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { idSchema, type BestOfDelegationReply } from '@ashyq/shared';
import type { ResultsService } from '../../results/service';
import { languageOf, parse } from '../errors';
import { organiserOf } from './registration-support';

const championshipParams = z.object({ championshipId: idSchema });
const competitionParams = z.object({ competitionId: idSchema });
const teamQuery = z.object({ team: z.enum(['region', 'college']).default('region') });
/** Result sheets print in the languages of paperwork: Kazakh and Russian. */
const sheetQuery = z.object({ lang: z.enum(['kk', 'ru']).default('ru') });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Results exports for organisers: the result sheet and the CIS results workbook per competition,
 * the championship's workbook with its medal tables, and the best-of-delegation report (on screen
 * and as a workbook). The rules are ResultsService's (server/src/results/service.ts).
 */
export function resultsRoutes(
  results: ResultsService,
  guards: { inChampionship: RequestHandler; inCompetition: RequestHandler },
): Router {
  const router = Router();

  router.get(
    '/api/organiser/competitions/:competitionId/results.pdf',
    guards.inCompetition,
    async (req, res) => {
      const { competitionId } = parse(competitionParams, req.params, 'params');
      const { lang } = parse(sheetQuery, req.query, 'query');
      const sheet = await results.resultsSheet(competitionId, lang, organiserOf(req).id);
      res.type('application/pdf');
      res.setHeader(
        'Content-Disposition',
        `inline; filename="${competitionId}-results-${lang}.pdf"`,
      );
      if (sheet.verificationCode) res.setHeader('X-Verification-Code', sheet.verificationCode);
      res.send(sheet.pdf);
    },
  );

  router.get(
    '/api/organiser/competitions/:competitionId/results.xlsx',
    guards.inCompetition,
    async (req, res) => {
      const { competitionId } = parse(competitionParams, req.params, 'params');
      res
        .type(xlsxType)
        .attachment(`${competitionId}-results.xlsx`)
        .send(await results.competitionWorkbook(competitionId, languageOf(req)));
    },
  );

  router.get(
    '/api/organiser/championships/:championshipId/results.xlsx',
    guards.inChampionship,
    async (req, res) => {
      const { championshipId } = parse(championshipParams, req.params, 'params');
      res
        .type(xlsxType)
        .attachment(`${championshipId}-results.xlsx`)
        .send(await results.championshipWorkbook(championshipId, languageOf(req)));
    },
  );

  router.get(
    '/api/organiser/championships/:championshipId/best-of-delegation',
    guards.inChampionship,
    async (req, res) => {
      const { championshipId } = parse(championshipParams, req.params, 'params');
      const { team } = parse(teamQuery, req.query, 'query');
      res.json({
        team,
        delegations: await results.bestOfDelegation(championshipId, team, languageOf(req)),
      } satisfies BestOfDelegationReply);
    },
  );

  router.get(
    '/api/organiser/championships/:championshipId/best-of-delegation.xlsx',
    guards.inChampionship,
    async (req, res) => {
      const { championshipId } = parse(championshipParams, req.params, 'params');
      const { team } = parse(teamQuery, req.query, 'query');
      res
        .type(xlsxType)
        .attachment(`${championshipId}-best-of-delegation-${team}.xlsx`)
        .send(await results.bestOfDelegationWorkbook(championshipId, team, languageOf(req)));
    },
  );

  return router;
}
