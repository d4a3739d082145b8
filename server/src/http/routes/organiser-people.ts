import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  competitorSchema,
  expertRoleSchema,
  expertSchema,
  iinSchema,
  idSchema,
  namespaces,
  personNameSchema,
  reasonTextSchema,
  regionIdSchema,
  translate,
  type College,
  type Competition,
  type Competitor,
  type Expert,
  type ImportedCompetitor,
  type ImportedExpert,
  nameTextSchema,
  type PeopleImportReply,
  type CompetitorsReply,
  type ExpertsReply,
} from '@ashyq/shared';
import type { CompetitionRegistry } from '../../competitions/registry';
import type { ReferenceRepository } from '../../domain/reference';
import { importPeopleFile } from '../../uploads';
import { ApiError, issueDetails, languageOf, parse, type ErrorDetail } from '../errors';
import {
  importIssueDetails,
  organiserOf,
  rawUpload,
  refusal,
  requireTableFile,
  uploadedBytes,
  registerInLog,
  requireFreeIin,
  requireRegistrable,
  type Where,
} from './registration-support';

/** Competitors and experts of a competition: one at a time as JSON, or a whole list as a file. */

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

type Kind = 'competitors' | 'experts';
type Person = Competitor | Expert;

export function peopleRoutes(
  reference: ReferenceRepository,
  inCompetition: RequestHandler,
  registry: CompetitionRegistry,
): Router {
  const router = Router();
  const base = '/api/organiser/competitions/:competitionId';

  /**
   * Checks every person against the competition before any is stored, competitors against its
   * log too (registration closes with the first lock): all or nothing. Should the log still
   * refuse them (a lock in between), the records stored for the request are taken back, so a
   * refused request leaves no IIN behind and never answers success.
   */
  async function register(
    kind: Kind,
    competition: Competition,
    people: Person[],
    actorId: string,
    where: Where,
  ): Promise<void> {
    const registered = await reference.list(kind, { competitionId: competition.id });
    const iins = new Set(registered.map((person) => person.iin));
    for (const person of people) {
      if (iins.has(person.iin)) throw refusal('conflict', 'iin', 'iinRegistered');
      iins.add(person.iin);
    }
    const competitors = kind === 'competitors' ? (people as Competitor[]) : [];
    await requireRegistrable(registry, competition, competitors, where);
    const stored: Person[] = [];
    try {
      for (const person of people) {
        await reference.create(kind, person as never);
        stored.push(person);
      }
      await registerInLog(registry, competition, actorId, competitors, where);
    } catch (error) {
      for (const person of stored) await reference.delete(kind, person.id);
      throw error;
    }
  }

  // Organisers in scope register people, so they see IINs (docs/domain.md, personal data).
  router.get(`${base}/competitors`, inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    const competitors = await reference.list('competitors', { competitionId });
    res.json({ competitors } satisfies CompetitorsReply);
  });
  router.get(`${base}/experts`, inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    res.json({
      experts: await reference.list('experts', { competitionId }),
    } satisfies ExpertsReply);
  });

  router.post(`${base}/competitors`, inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    const input = parse(competitorInput, req.body, 'body');
    const { record: competition } = await reference.require('competitions', competitionId);
    await requireCollege(reference, input.collegeId);
    const competitor: Competitor = { ...input, id: input.id ?? randomUUID(), competitionId };
    await requireFreeId(reference, 'competitors', competitor.id);
    await register('competitors', competition, [competitor], organiserOf(req).id, () => 'id');
    res.status(201).json({ competitor });
  });

  /**
   * Corrects a competitor's name or IIN, with a reason. A new name is also an event in the
   * competition's log, so boards and documents show it and the audit trail keeps the old one;
   * the IIN stays out of the log. Region, college and delegation are refused: they decide the
   * compatriot rules the marks were given under.
   */
  router.patch(`${base}/competitors/:competitorId`, inCompetition, async (req, res) => {
    const { competitionId, competitorId } = parse(competitorParams, req.params, 'params');
    const fixed = delegationFields.find((field) => Object.hasOwn(Object(req.body), field));
    if (fixed) throw refusal('conflict', fixed, 'delegationFixed');
    const { reason, ...changes } = parse(competitorPatch, req.body, 'body');
    const found = await reference.require('competitors', competitorId);
    if (found.record.competitionId !== competitionId) throw new ApiError('not_found');
    await requireFreeIin(reference, 'competitors', found.record, changes.iin);
    const competitor: Competitor = { ...found.record, ...changes };
    const { record: competition } = await reference.require('competitions', competitionId);
    if (competition.scheme && changes.name) {
      // The log first: a refused rename (unknown to the log) leaves the record as it was.
      const runtime = await registry.open(competitionId);
      await runtime.renameCompetitor(organiserOf(req).id, competitorId, changes.name, reason);
    }
    await reference.replace('competitors', competitor, found.version);
    res.json({ competitor });
  });

  router.post(`${base}/experts`, inCompetition, async (req, res) => {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    const input = parse(expertInput, req.body, 'body');
    const { record: competition } = await reference.require('competitions', competitionId);
    await requireCollege(reference, input.collegeId);
    const expert: Expert = { ...input, id: input.id ?? randomUUID(), competitionId };
    await requireFreeId(reference, 'experts', expert.id);
    await register('experts', competition, [expert], organiserOf(req).id, () => 'id');
    res.status(201).json({ expert });
  });

  /**
   * Reads an uploaded XLSX/CSV of people, all or nothing: every bad row is reported (400) and
   * nothing is stored; a clean file comes back with each person's college resolved.
   */
  async function readUpload<K extends 'competitor' | 'expert'>(req: Request, kind: K) {
    const { competitionId } = parse(competitionParams, req.params, 'params');
    const { record: competition } = await reference.require('competitions', competitionId);
    const data = uploadedBytes(req);
    requireTableFile(data);
    const existing = await reference.list(`${kind}s`, { competitionId });
    const colleges = new CollegeLookup(await reference.list('colleges'));
    // Unknown colleges are found in the same pass as the rows' other problems: one upload
    // reports everything wrong with the file (docs/organisers.md).
    const result = await importPeopleFile(kind, data, {
      existingIins: existing.map((person) => person.iin),
      knownCollege: (written) => colleges.knows(written),
    });
    if (!result.ok) throwImportErrors(result.errors);
    return { competition, result, people: colleges.resolve(result.people) };
  }

  router.post(`${base}/competitors/import`, inCompetition, rawUpload, async (req, res) => {
    const { competition, result, people } = await readUpload(req, 'competitor');
    const competitors = people.map(
      (person: ImportedCompetitor & { collegeId?: string }): Competitor => ({
        ...importedRecord(competition, person),
        guest: person.guest,
      }),
    );
    requireStorable('competitors', competitors, result.people);
    await register(
      'competitors',
      competition,
      competitors,
      organiserOf(req).id,
      rowOf(competitors, result.people),
    );
    res.status(201).json({
      imported: competitors.length,
      competitors,
      warnings: importIssueDetails(result.warnings, languageOf(req)),
    } satisfies PeopleImportReply);
  });

  router.post(`${base}/experts/import`, inCompetition, rawUpload, async (req, res) => {
    const { competition, result, people } = await readUpload(req, 'expert');
    const experts = people.map((person: ImportedExpert & { collegeId?: string }): Expert => ({
      ...importedRecord(competition, person),
      ...(person.certificate && { certificate: person.certificate }),
      ...(person.employer && { employer: person.employer }),
      role: person.role,
    }));
    requireStorable('experts', experts, result.people);
    await register(
      'experts',
      competition,
      experts,
      organiserOf(req).id,
      rowOf(experts, result.people),
    );
    res.status(201).json({
      imported: experts.length,
      experts,
      warnings: importIssueDetails(result.warnings, languageOf(req)),
    } satisfies PeopleImportReply);
  });

  return router;
}

const storedSchemas = { competitors: competitorSchema, experts: expertSchema };

/**
 * The file's own limits are looser than a record's in places (a 300-character full name, a
 * 100-character last name), so each imported person is checked as it will be stored, by row.
 */
function requireStorable(
  kind: Kind,
  people: readonly Person[],
  imported: readonly { row: number }[],
): void {
  const failures = people.flatMap((person, index) => {
    const result = storedSchemas[kind].safeParse(person);
    return result.success ? [] : [{ row: imported[index]!.row, issues: result.error.issues }];
  });
  if (failures.length === 0) return;
  throw new ApiError('validation_failed', {}, (lang) =>
    failures.flatMap(({ row, issues }) =>
      issueDetails(issues, lang).map((detail) => ({
        ...detail,
        path: `${translate(namespaces.people[lang], 'where.row', { row })}: ${detail.path}`,
      })),
    ),
  );
}

/** Where a person of an imported file is: "Строка 6". */
function rowOf(people: readonly Person[], imported: readonly { row: number }[]): Where {
  const rows = new Map(people.map((person, index) => [person.id, imported[index]!.row]));
  return (id, lang) => translate(namespaces.people[lang], 'where.row', { row: rows.get(id) ?? 0 });
}

function throwImportErrors(errors: Parameters<typeof importIssueDetails>[0]): never {
  throw new ApiError('validation_failed', {}, (lang) => importIssueDetails(errors, lang));
}

async function requireCollege(reference: ReferenceRepository, collegeId: string | undefined) {
  if (collegeId !== undefined && !(await reference.get('colleges', collegeId)))
    throw refusal('validation_failed', 'collegeId', 'unknownCollege', { college: collegeId });
}

async function requireFreeId(reference: ReferenceRepository, kind: Kind, id: string) {
  if (await reference.get(kind, id)) throw refusal('conflict', 'id', 'idTaken');
}

/** Matches a college as written in a list (its id or any of its names) to a registered one. */
class CollegeLookup {
  private readonly byKey = new Map<string, string>();

  constructor(colleges: readonly College[]) {
    for (const college of colleges) {
      const names = [college.id, college.name.kk, college.name.ru, college.name.en];
      for (const name of names) if (name) this.byKey.set(keyOf(name), college.id);
    }
  }

  knows(written: string): boolean {
    return this.byKey.has(keyOf(written));
  }

  /** Adds `collegeId` to each person, or refuses the whole list naming every unknown college. */
  resolve<P extends { row: number; college?: string }>(
    people: readonly P[],
  ): (P & { collegeId?: string })[] {
    const unknown: { row: number; college: string }[] = [];
    const resolved = people.map((person) => {
      if (!person.college) return person;
      const collegeId = this.byKey.get(keyOf(person.college));
      if (collegeId === undefined) unknown.push({ row: person.row, college: person.college });
      return collegeId === undefined ? person : { ...person, collegeId };
    });
    if (unknown.length > 0) {
      throw new ApiError('validation_failed', {}, (lang) =>
        unknown.map(({ row, college }): ErrorDetail => ({
          path: translate(namespaces.people[lang], 'where.row', { row }),
          message: translate(namespaces.organiserRefusals[lang], 'refused.unknownCollege', {
            college,
          }),
          code: 'unknownCollege',
        })),
      );
    }
    return resolved;
  }
}

function keyOf(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('ru')
    .replace(/[«»"'.,]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a competitor's and an expert's record take alike from an imported row, with a new id. */
function importedRecord(
  competition: Competition,
  person: (ImportedCompetitor | ImportedExpert) & { collegeId?: string },
) {
  return {
    id: randomUUID(),
    competitionId: competition.id,
    name: person.name,
    iin: person.iin,
    ...(person.collegeId && { collegeId: person.collegeId }),
    regionId: person.regionId,
    ...(person.delegation && { delegation: person.delegation }),
  };
}
