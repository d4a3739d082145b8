import { Router } from 'express';
import { z } from 'zod';
import {
  championshipInputSchema,
  championshipPatchSchema,
  collegeInputSchema,
  competitionInputSchema,
  competitionPatchSchema,
  type ChampionshipDetailReply,
  type ChampionshipReply,
  type ChampionshipsReply,
  type SchemeImportReply,
  type CollegeReply,
  type CollegesReply,
  type CompetitionDetailReply,
  type CompetitionReply,
  idSchema,
  nameTextSchema,
  type Competition,
  type Language,
} from '@ashyq/shared';
import { scopeCovers } from '../../auth/access';
import { param, requireChampionshipScope, requireOrganiser } from '../../auth/middleware';
import { importWorkbook } from '../../cis/import';
import { exportWorkbook } from '../../cis/export';
import { WorkbookError } from '../../cis/problems';
import { AdvancementService } from '../../advancement/service';
import { ChampionshipService } from '../../championships/service';
import { ReferenceRepository } from '../../domain/reference';
import type { Services } from '../../services';
import { ApiError, languageOf, parse } from '../errors';
import { advancementRoutes } from './organiser-advancement';
import { peopleRoutes } from './organiser-people';
import { PeopleService } from '../../people/service';
import { ResultsService } from '../../results/service';
import { judgesReportRoutes } from './organiser-judges';
import { resultsRoutes } from './organiser-results';
import { schemeEditRoutes } from './organiser-scheme';
import { staffRoutes } from './organiser-staff';
import {
  championshipOfCompetition,
  organiserOf,
  rawUpload,
  refusal,
  registerInLog,
  requireTableFile,
  uploadedBytes,
} from './registration-support';

/**
 * The organiser API: championships, competitions with their marking schemes, colleges and
 * people. Every route checks the organiser's scope; every input is validated before anything
 * is written, so a refused request changes nothing.
 */

const championshipParams = z.object({ championshipId: idSchema });
const competitionParams = z.object({ competitionId: idSchema });
const schemeQuery = z.object({
  strict: z.enum(['true', 'false']).default('false'),
  /** Check and report only: the organiser reads the report before accepting the workbook. */
  dryRun: z.enum(['true', 'false']).default('false'),
  /** The skill, named by the organiser where the workbook has no title (or a wrong one). */
  skillNumber: z
    .string()
    .trim()
    .regex(/^\d{1,3}[A-Za-z]?$/)
    .optional(),
  skillName: nameTextSchema(200).optional(),
});

export function organiserRoutes(
  services: Pick<Services, 'accounts' | 'competitions' | 'config' | 'documents' | 'store'>,
): Router {
  const router = Router();
  const reference = new ReferenceRepository(services.store);
  const inChampionship = requireChampionshipScope(param('championshipId'));
  const inCompetition = requireChampionshipScope(
    championshipOfCompetition(reference, param('competitionId')),
  );
  const championships = new ChampionshipService(reference, services.competitions, services.store);
  const advancement = new AdvancementService(reference, services.competitions, services.store);

  router.get('/api/organiser/championships', requireOrganiser(), async (req, res) => {
    res.json({
      championships: await championships.list(organiserOf(req).scope),
    } satisfies ChampionshipsReply);
  });

  router.post('/api/organiser/championships', requireOrganiser(), async (req, res) => {
    const input = parse(championshipInputSchema, req.body, 'body');
    if (!scopeCovers(organiserOf(req).scope, { championshipId: input.id }))
      throw new ApiError('forbidden');
    res.status(201).json({
      championship: await championships.create(input),
    } satisfies ChampionshipReply);
  });

  router.get('/api/organiser/championships/:championshipId', inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    const { record } = await reference.require('championships', championshipId);
    const competitions = await reference.list('competitions', { championshipId });
    res.json({
      championship: record,
      competitions: competitions.map(withoutScheme),
    } satisfies ChampionshipDetailReply);
  });

  router.patch('/api/organiser/championships/:championshipId', inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    const changes = parse(championshipPatchSchema, req.body, 'body');
    res.json({
      championship: await championships.update(championshipId, changes),
    } satisfies ChampionshipReply);
  });

  router.post(
    '/api/organiser/championships/:championshipId/competitions',
    inChampionship,
    async (req, res) => {
      const { championshipId } = parse(championshipParams, req.params, 'params');
      const input = parse(competitionInputSchema, req.body, 'body');
      const competition = await championships.addCompetition(championshipId, input);
      res.status(201).json({ competition } satisfies CompetitionReply);
    },
  );

  router.get('/api/organiser/competitions/:competitionId', inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    // The console offers a change of the rules profile only while the API would accept it.
    res.json((await championships.competition(competitionId)) satisfies CompetitionDetailReply);
  });

  router.patch('/api/organiser/competitions/:competitionId', inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    const changes = parse(competitionPatchSchema, req.body, 'body');
    const competition = await championships.updateCompetition(competitionId, changes);
    res.json({ competition: withoutScheme(competition) } satisfies CompetitionReply);
  });

  router.put(
    '/api/organiser/competitions/:competitionId/scheme',
    inCompetition,
    rawUpload,
    async (req, res) => {
      const { competitionId } = parse(competitionParams, req.params, 'params');
      const { strict, dryRun, skillNumber, skillName } = parse(schemeQuery, req.query, 'query');
      const data = uploadedBytes(req);
      requireTableFile(data, 'xlsx');
      const lang = languageOf(req);
      const { record, version } = await reference.require('competitions', competitionId);
      if (await services.competitions.hasMarks(competitionId))
        throw refusal('conflict', 'scheme', 'schemeFrozen');
      let imported;
      try {
        imported = await importWorkbook(data, { strict: strict === 'true', language: lang });
      } catch (error) {
        if (!(error instanceof WorkbookError)) throw error;
        throw new ApiError('validation_failed', {}, (language) => [
          workbookDetail(error, language),
        ]);
      }
      const skill = { ...imported.scheme.skill };
      if (skillNumber !== undefined) skill.number = skillNumber;
      if (skillName !== undefined) skill.name = skillName;
      imported.scheme.skill = skill;
      imported.report.skill = { ...skill };
      const { report, reading, warnings } = imported;
      if (dryRun === 'true') {
        res.json({
          schemeVersion: record.schemeVersion,
          accepted: false,
          report,
          reading,
          warnings,
        } satisfies SchemeImportReply);
        return;
      }
      const competition: Competition = {
        ...record,
        scheme: imported.scheme,
        schemeVersion: record.schemeVersion + 1,
      };
      await reference.replace('competitions', competition, version);
      // A replaced scheme (only possible before the first mark) is replayed under the new one.
      await services.competitions.refresh(competitionId);
      if (!record.scheme) {
        const competitors = await reference.list('competitors', { competitionId });
        await registerInLog(services.competitions, competition, organiserOf(req).id, competitors);
      }
      res.json({
        schemeVersion: competition.schemeVersion,
        report,
        reading,
        warnings,
      } satisfies SchemeImportReply);
    },
  );

  router.get(
    '/api/organiser/competitions/:competitionId/scheme.xlsx',
    inCompetition,
    async (req, res) => {
      const { competitionId } = parse(competitionParams, req.params, 'params');
      const { record } = await reference.require('competitions', competitionId);
      if (!record.scheme) throw refusal('not_found', 'scheme', 'noScheme');
      const workbook = await exportWorkbook(record.scheme, languageOf(req));
      res
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`${competitionId}-scheme-v${record.schemeVersion}.xlsx`)
        .send(workbook);
    },
  );

  router.use(peopleRoutes(new PeopleService(reference, services.competitions), inCompetition));
  const results = new ResultsService(reference, services.competitions, {
    registry: services.documents,
    publicUrl: services.config.publicUrl,
  });
  router.use(resultsRoutes(results, { inChampionship, inCompetition }));
  router.use(judgesReportRoutes(reference, services.competitions, services.store, inChampionship));
  router.use(advancementRoutes(advancement, inChampionship));
  router.use(schemeEditRoutes(reference, services.competitions, inCompetition));
  router.use(staffRoutes(reference, services.competitions, services.accounts, inCompetition));

  router.get(
    '/api/organiser/colleges',
    requireOrganiser(['organiser', 'exam-officer']),
    async (_req, res) => {
      res.json({ colleges: await reference.list('colleges') } satisfies CollegesReply);
    },
  );

  router.post('/api/organiser/colleges', requireOrganiser(), async (req, res) => {
    // A college is shared by every championship: only an account covering them all adds one.
    if (organiserOf(req).scope.kind !== 'all') throw new ApiError('forbidden');
    const input = parse(collegeInputSchema, req.body, 'body');
    if (await reference.get('colleges', input.id)) throw refusal('conflict', 'id', 'idTaken');
    const college = await reference.create('colleges', input);
    res.status(201).json({ college } satisfies CollegeReply);
  });

  return router;
}

/** Lists carry the scheme's version, not the scheme: it can be hundreds of aspects. */
function withoutScheme({ scheme, ...competition }: Competition) {
  return { ...competition, hasScheme: scheme !== undefined };
}

/** Where the workbook went wrong, as `sheet!cell`, in the caller's language. */
function workbookDetail(error: WorkbookError, language: Language) {
  const located = error.in(language);
  const place = [located.sheet, located.cell].filter(Boolean).join('!');
  return { path: place || 'file', message: located.message, code: located.code };
}
