import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { bestOfDelegation, getProfile, idSchema, type Language } from '@ashyq/shared';
import type { CompetitionRegistry } from '../../competitions/registry';
import type { ReferenceRepository } from '../../domain/reference';
import { competitionResults, type CompetitionResults, type ResultRow } from '../../results/rows';
import { medalTable, resultsWorkbook } from '../../results/xlsx';
import { languageOf, parse } from '../errors';
import { refusal } from './admin-support';

const championshipParams = z.object({ championshipId: idSchema });
const competitionParams = z.object({ competitionId: idSchema });
const teamQuery = z.object({ team: z.enum(['region', 'college']).default('region') });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Results exports for organisers: the CIS results workbook per competition and for the whole
 * championship (with its medal tables), and the best-of-delegation report. Figures come from
 * the engine's projection, the same the boards and the chief expert see.
 */
export function resultsRoutes(
  reference: ReferenceRepository,
  registry: CompetitionRegistry,
  guards: { inChampionship: RequestHandler; inCompetition: RequestHandler },
): Router {
  const router = Router();

  async function championshipResults(championshipId: string, lang: Language) {
    const { record: championship } = await reference.require('championships', championshipId);
    const competitions = await reference.list('competitions', { championshipId });
    const results: CompetitionResults[] = [];
    for (const competition of competitions) {
      const found = await competitionResults(registry, competition, lang);
      if (found) results.push(found);
    }
    return { championship, results };
  }

  router.get(
    '/api/admin/competitions/:competitionId/results.xlsx',
    guards.inCompetition,
    async (req, res) => {
      const { competitionId } = parse(competitionParams, req.params, 'params');
      const { record } = await reference.require('competitions', competitionId);
      const results = await competitionResults(registry, record, languageOf(req));
      if (!results) throw refusal('not_found', 'scheme', 'noScheme');
      res
        .type(xlsxType)
        .attachment(`${competitionId}-results.xlsx`)
        .send(await resultsWorkbook([results]));
    },
  );

  router.get(
    '/api/admin/championships/:championshipId/results.xlsx',
    guards.inChampionship,
    async (req, res) => {
      const { championshipId } = parse(championshipParams, req.params, 'params');
      const lang = languageOf(req);
      const { championship, results } = await championshipResults(championshipId, lang);
      const teams = getProfile(championship.profileId)?.teams ?? null;
      const colleges = new Map((await reference.list('colleges')).map((c) => [c.id, c]));
      const regionNames = new Map(
        results.flatMap((r) => r.rows).map((r) => [r.regionId, r.regionName]),
      );
      const tables = [
        {
          sheet: 'Medals by region',
          nameOf: (team: string) => regionNames.get(team) ?? team,
          rows: medalTable(results, teams, (row) => row.regionId),
        },
        {
          sheet: 'Medals by college',
          nameOf: (team: string) =>
            colleges.get(team)?.name[lang] ?? colleges.get(team)?.name.ru ?? team,
          rows: medalTable(results, teams, (row) => row.collegeId),
        },
      ].flatMap((table) => (table.rows ? [{ ...table, rows: table.rows }] : []));
      res
        .type(xlsxType)
        .attachment(`${championshipId}-results.xlsx`)
        .send(await resultsWorkbook(results, tables));
    },
  );

  router.get(
    '/api/admin/championships/:championshipId/best-of-delegation',
    guards.inChampionship,
    async (req, res) => {
      const { championshipId } = parse(championshipParams, req.params, 'params');
      const { team } = parse(teamQuery, req.query, 'query');
      const { results } = await championshipResults(championshipId, languageOf(req));
      const rows = results.flatMap((r) =>
        r.rows.map((row) => ({ ...row, ...teamKeyOf(row, team) })),
      );
      res.json({
        team,
        delegations: bestOfDelegation(rows.filter((row) => row.team !== '')).map((entry) => ({
          team: entry.team,
          best: entry.best.map(reportRow),
        })),
      });
    },
  );

  return router;
}

function teamKeyOf(row: ResultRow, team: 'region' | 'college') {
  return { team: (team === 'region' ? row.regionId : row.collegeId) ?? '' };
}

/** What the report shows of each competitor: no IIN is needed to name the best. */
function reportRow(row: ResultRow) {
  return {
    competitionId: row.competitionId,
    skillNumber: row.skillNumber,
    skillName: row.skillName,
    competitorId: row.competitorId,
    name: row.name,
    regionId: row.regionId,
    collegeId: row.collegeId,
    position: row.position,
    medal: row.medal,
    medallion: row.medallion,
    total: row.total,
    percent: row.percent,
  };
}
