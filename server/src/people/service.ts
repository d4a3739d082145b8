import { randomUUID } from 'node:crypto';
import {
  competitorSchema,
  expertSchema,
  namespaces,
  translate,
  type College,
  type Competition,
  type Competitor,
  type Expert,
  type ImportedCompetitor,
  type ImportedExpert,
  type ImportIssue,
  type PersonName,
} from '@ashyq/shared';
import { registerInLog, requireRegistrable, type Where } from '../competitions/registration';
import type { CompetitionRegistry } from '../competitions/registry';
import { DomainError, issueDetails, type ErrorDetail } from '../domain/errors';
import type { ReferenceRepository } from '../domain/reference';
import { importIssueDetails, refusal } from '../domain/refusal';
import { importPeopleFile } from '../uploads';

/**
 * A competition's people: competitors and experts, added one at a time or from a file, and a
 * competitor's name or IIN corrected. The rules (docs/organisers.md): an IIN once per
 * competition, a college must be registered, competitors also go into the competition's log
 * (registration closes with the first lock), all or nothing.
 */

type Kind = 'competitors' | 'experts';
type Person = Competitor | Expert;

/** A competitor or expert as the organiser enters it; the id is made when not given. */
type NewPerson<P extends Person> = Omit<P, 'id' | 'competitionId'> & { id?: string };

export interface ImportedPeople<P extends Person> {
  people: P[];
  /** What the file did that is allowed but worth a look (a guest, a name's case, ...). */
  warnings: ImportIssue[];
}

export class PeopleService {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly registry: CompetitionRegistry,
  ) {}

  list<K extends Kind>(kind: K, competitionId: string) {
    return this.reference.list(kind, { competitionId });
  }

  async addCompetitor(
    competitionId: string,
    input: NewPerson<Competitor>,
    actorId: string,
  ): Promise<Competitor> {
    return this.addOne('competitors', competitionId, input, actorId);
  }

  async addExpert(competitionId: string, input: NewPerson<Expert>, actorId: string) {
    return this.addOne('experts', competitionId, input, actorId);
  }

  /**
   * Corrects a competitor's name or IIN. A new name is also an event in the competition's log,
   * so boards and documents show it and the audit trail keeps the old one; the IIN stays out of
   * the log. The log first: a refused rename leaves the record as it was.
   */
  async correctCompetitor(
    competitionId: string,
    competitorId: string,
    changes: { name?: PersonName; iin?: string },
    reason: string,
    actorId: string,
  ): Promise<Competitor> {
    const found = await this.reference.require('competitors', competitorId);
    if (found.record.competitionId !== competitionId) throw new DomainError('not_found');
    await requireFreeIin(this.reference, 'competitors', found.record, changes.iin);
    const competitor: Competitor = { ...found.record, ...changes };
    const { record: competition } = await this.reference.require('competitions', competitionId);
    if (competition.scheme && changes.name) {
      const runtime = await this.registry.open(competitionId);
      await runtime.renameCompetitor(actorId, competitorId, changes.name, reason);
    }
    await this.reference.replace('competitors', competitor, found.version);
    return competitor;
  }

  /**
   * A whole XLSX/CSV list, all or nothing: every bad row and every unknown college is reported
   * at once (one upload says everything wrong with the file) and nothing is stored.
   */
  async importCompetitors(competitionId: string, data: Uint8Array, actorId: string) {
    const { competition, result, people } = await this.readFile('competitor', competitionId, data);
    const competitors = people.map(
      (person: ImportedCompetitor & { collegeId?: string }): Competitor => ({
        ...importedRecord(competition, person),
        guest: person.guest,
      }),
    );
    await this.registerImported('competitors', competition, competitors, result.people, actorId);
    return { people: competitors, warnings: result.warnings } satisfies ImportedPeople<Competitor>;
  }

  async importExperts(competitionId: string, data: Uint8Array, actorId: string) {
    const { competition, result, people } = await this.readFile('expert', competitionId, data);
    const experts = people.map((person: ImportedExpert & { collegeId?: string }): Expert => ({
      ...importedRecord(competition, person),
      ...(person.certificate && { certificate: person.certificate }),
      ...(person.employer && { employer: person.employer }),
      role: person.role,
    }));
    await this.registerImported('experts', competition, experts, result.people, actorId);
    return { people: experts, warnings: result.warnings } satisfies ImportedPeople<Expert>;
  }

  private async addOne<P extends Person>(
    kind: Kind,
    competitionId: string,
    input: NewPerson<P>,
    actorId: string,
  ): Promise<P> {
    const { record: competition } = await this.reference.require('competitions', competitionId);
    if (input.collegeId !== undefined && !(await this.reference.get('colleges', input.collegeId)))
      throw refusal('validation_failed', 'collegeId', 'unknownCollege', {
        college: input.collegeId,
      });
    const person = { ...input, id: input.id ?? randomUUID(), competitionId } as P;
    if (await this.reference.get(kind, person.id)) throw refusal('conflict', 'id', 'idTaken');
    await this.register(kind, competition, [person], actorId, () => 'id');
    return person;
  }

  private async readFile<K extends 'competitor' | 'expert'>(
    kind: K,
    competitionId: string,
    data: Uint8Array,
  ) {
    const { record: competition } = await this.reference.require('competitions', competitionId);
    const existing = await this.reference.list(`${kind}s`, { competitionId });
    const colleges = new CollegeLookup(await this.reference.list('colleges'));
    // Unknown colleges are found in the same pass as the rows' other problems.
    const result = await importPeopleFile(kind, data, {
      existingIins: existing.map((person) => person.iin),
      knownCollege: (written) => colleges.knows(written),
    });
    if (!result.ok) {
      const errors = result.errors;
      throw new DomainError('validation_failed', {}, (lang) => importIssueDetails(errors, lang));
    }
    return { competition, result, people: colleges.resolve(result.people) };
  }

  private async registerImported(
    kind: Kind,
    competition: Competition,
    people: Person[],
    imported: readonly { row: number }[],
    actorId: string,
  ) {
    requireStorable(kind, people, imported);
    await this.register(kind, competition, people, actorId, rowOf(people, imported));
  }

  /**
   * Checks every person against the competition before any is stored, competitors against its
   * log too: all or nothing. Should the log still refuse them (a lock in between), the records
   * stored for the request are taken back, so a refused request leaves no IIN behind.
   */
  private async register(
    kind: Kind,
    competition: Competition,
    people: Person[],
    actorId: string,
    where: Where,
  ): Promise<void> {
    const registered = await this.reference.list(kind, { competitionId: competition.id });
    const iins = new Set(registered.map((person) => person.iin));
    for (const person of people) {
      if (iins.has(person.iin)) throw refusal('conflict', 'iin', 'iinRegistered');
      iins.add(person.iin);
    }
    const competitors = kind === 'competitors' ? (people as Competitor[]) : [];
    await requireRegistrable(this.registry, competition, competitors, where);
    const stored: Person[] = [];
    try {
      for (const person of people) {
        await this.reference.create(kind, person as never);
        stored.push(person);
      }
      await registerInLog(this.registry, competition, actorId, competitors, where);
    } catch (error) {
      for (const person of stored) await this.reference.delete(kind, person.id);
      throw error;
    }
  }
}

/** Refuses a changed IIN that another person of the same competition already has. */
export async function requireFreeIin(
  reference: ReferenceRepository,
  kind: Kind,
  person: { id: string; competitionId: string; iin: string },
  iin: string | undefined,
): Promise<void> {
  if (iin === undefined || iin === person.iin) return;
  const registered = await reference.list(kind, { competitionId: person.competitionId });
  if (registered.some((other) => other.iin === iin && other.id !== person.id))
    throw refusal('conflict', 'iin', 'iinRegistered');
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
  throw new DomainError('validation_failed', {}, (lang) =>
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
      throw new DomainError('validation_failed', {}, (lang) =>
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
