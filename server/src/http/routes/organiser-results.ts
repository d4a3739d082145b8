import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  bestOfDelegation,
  fullName,
  getProfile,
  getRegion,
  idSchema,
  namespaces,
  roundHalfUp,
  translate,
  type BestOfDelegationReply,
  type Language,
} from '@ashyq/shared';
import type { CompetitionRegistry } from '../../competitions/registry';
import {
  renderResultsSheet,
  resultsSheetContent,
  resultsSheetKind,
  resultsSheetSummary,
  resultsSheetTitle,
  resultsSheetView,
} from '../../documents/competition-results-sheet';
import { documentUrl, formatCode, type DocumentRegistry } from '../../documents/verification';
import type { ReferenceRepository } from '../../domain/reference';
import { competitionResults, type CompetitionResults, type ResultRow } from '../../results/rows';
import { medalTable, reportWorkbook, resultsWorkbook } from '../../results/xlsx';
import { languageOf, parse } from '../errors';
import { organiserOf, refusal } from './registration-support';

const championshipParams = z.object({ championshipId: idSchema });
const competitionParams = z.object({ competitionId: idSchema });
const teamQuery = z.object({ team: z.enum(['region', 'college']).default('region') });
/** Result sheets print in the languages of paperwork: Kazakh and Russian. */
const sheetQuery = z.object({ lang: z.enum(['kk', 'ru']).default('ru') });
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Results exports for organisers: the CIS results workbook per competition and for the whole
 * championship (with its medal tables), and the best-of-delegation report (on screen and as a
 * workbook). Figures come from
 * the engine's projection, the same the boards and the chief expert see.
 */
export function resultsRoutes(
  reference: ReferenceRepository,
  registry: CompetitionRegistry,
  documents: { registry: DocumentRegistry; publicUrl: string },
  guards: { inChampionship: RequestHandler; inCompetition: RequestHandler },
): Router {
  const router = Router();

  /** The result sheet's data from the records as they stand; null when there are no results. */
  async function sheetView(competitionId: string, lang: Language) {
    const found = await reference.get('competitions', competitionId);
    if (!found) return null;
    const results = await competitionResults(registry, found.record, lang);
    if (!results) return null;
    const { record: championship } = await reference.require(
      'championships',
      found.record.championshipId,
    );
    const colleges = new Map((await reference.list('colleges')).map((c) => [c.id, c]));
    const experts = await reference.list('experts', { competitionId });
    const chief = experts.find((expert) => expert.role === 'chief');
    return resultsSheetView(results, {
      championship: championship.name,
      chief: chief ? fullName(chief.name) : null,
      collegeName: (id) => {
        const college = id ? colleges.get(id) : undefined;
        return college ? college.name[lang === 'en' ? 'ru' : lang] : '';
      },
    });
  }

  documents.registry.registerKind(resultsSheetKind, async (subject) => {
    const { competitionId, language } = subject as { competitionId: string; language: 'kk' | 'ru' };
    const view = await sheetView(competitionId, language);
    return view ? resultsSheetContent(view) : undefined;
  });

  router.get(
    '/api/organiser/competitions/:competitionId/results.pdf',
    guards.inCompetition,
    async (req, res) => {
      const { competitionId } = parse(competitionParams, req.params, 'params');
      const { lang } = parse(sheetQuery, req.query, 'query');
      const view = await sheetView(competitionId, lang);
      if (!view) throw refusal('not_found', 'scheme', 'noScheme');
      let verification: { code: string; url: string } | undefined;
      if (view.publishedAt) {
        // Published results are final: the sheet is issued and can be checked by its code.
        const issued = await documents.registry.issue({
          kind: resultsSheetKind,
          subject: { competitionId, language: lang },
          content: resultsSheetContent(view),
          summary: resultsSheetSummary(view, lang),
          title: resultsSheetTitle(lang, view),
          language: lang,
          issuedBy: organiserOf(req).id,
        });
        verification = {
          code: formatCode(issued.code),
          url: documentUrl(documents.publicUrl, issued.code),
        };
      }
      const pdf = renderResultsSheet(view, lang, verification);
      res.type('application/pdf');
      res.setHeader(
        'Content-Disposition',
        `inline; filename="${competitionId}-results-${lang}.pdf"`,
      );
      if (verification) res.setHeader('X-Verification-Code', verification.code);
      res.send(await pdf.toBuffer());
    },
  );

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
    '/api/organiser/competitions/:competitionId/results.xlsx',
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
    '/api/organiser/championships/:championshipId/results.xlsx',
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

  /** Each delegation's best, as the screen and the workbook show it. */
  async function delegationsOf(championshipId: string, team: 'region' | 'college', lang: Language) {
    const { results } = await championshipResults(championshipId, lang);
    // A competition not started yet ranks everyone first on 0: it has no best to name, and would
    // list each delegation once more with a 0.00 row.
    const rows = results
      .filter((result) => result.started)
      .flatMap((r) => r.rows.map((row) => ({ ...row, ...teamKeyOf(row, team) })));
    return bestOfDelegation(rows.filter((row) => row.team !== '')).map((entry) => ({
      team: entry.team,
      best: entry.best.map(reportRow),
    }));
  }

  router.get(
    '/api/organiser/championships/:championshipId/best-of-delegation',
    guards.inChampionship,
    async (req, res) => {
      const { championshipId } = parse(championshipParams, req.params, 'params');
      const { team } = parse(teamQuery, req.query, 'query');
      res.json({
        team,
        delegations: await delegationsOf(championshipId, team, languageOf(req)),
      } satisfies BestOfDelegationReply);
    },
  );

  /** The same report as a workbook: a row per best competitor, equal ones each on their own row. */
  router.get(
    '/api/organiser/championships/:championshipId/best-of-delegation.xlsx',
    guards.inChampionship,
    async (req, res) => {
      const { championshipId } = parse(championshipParams, req.params, 'params');
      const { team } = parse(teamQuery, req.query, 'query');
      const lang = languageOf(req);
      const delegations = await delegationsOf(championshipId, team, lang);
      const colleges = new Map((await reference.list('colleges')).map((c) => [c.id, c]));
      const teamName = (id: string) =>
        team === 'region'
          ? (getRegion(id)?.name[lang] ?? id)
          : (colleges.get(id)?.name[lang] ?? colleges.get(id)?.name.ru ?? id);
      const t = (key: string) => translate(namespaces.organiser[lang], key);
      const header = [
        'exports.team',
        'exports.best',
        'field.skillNumber',
        'run.competition',
        'exports.position',
        'exports.total',
        'exports.percent',
      ].map(t);
      const rows = delegations.flatMap(({ team: id, best }) =>
        best.map((row) => [
          teamName(id),
          row.name ? fullName(row.name) : row.competitorId,
          row.skillNumber,
          row.skillName,
          row.position ?? '',
          row.total,
          roundHalfUp(row.percent, 2),
        ]),
      );
      res
        .type(xlsxType)
        .attachment(`${championshipId}-best-of-delegation-${team}.xlsx`)
        .send(await reportWorkbook(t('exports.bestOf'), header, rows));
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
