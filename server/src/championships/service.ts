import {
  applyPatch,
  championshipStatus,
  getProfile,
  type Championship,
  type ChampionshipStatus,
  type Competition,
} from '@ashyq/shared';

type Publication = Championship['publication'];
import { scopeCovers } from '../auth/access';
import type { Scope } from '../auth/model';
import { refreshRunning } from '../competitions/registration';
import type { CompetitionRegistry } from '../competitions/registry';
import type { ReferenceRepository } from '../domain/reference';
import { refusal } from '../domain/refusal';
import { examChampionshipIds } from '../exam/marking';
import type { Store } from '../store/port';

/** A championship as created: everything but its creation time and (optional) publication. */
export type ChampionshipInput = Omit<Championship, 'createdAt' | 'publication'> & {
  publication?: Publication;
};
export type ChampionshipChanges = Partial<Omit<ChampionshipInput, 'id' | 'venue'>> & {
  venue?: string | null;
};
export interface CompetitionInput {
  id: string;
  skill: Competition['skill'];
  profileId?: string;
  publication?: Publication;
}
export type CompetitionChanges = Partial<Omit<CompetitionInput, 'id' | 'publication'>> & {
  publication?: Publication | null;
};

/**
 * Championships and their competitions as the organiser keeps them (docs/organisers.md): the
 * rules of creating and changing them, and where each championship stands. Scope checks are the
 * caller's; running competitions take every change at once.
 */
export class ChampionshipService {
  constructor(
    private readonly reference: ReferenceRepository,
    private readonly registry: CompetitionRegistry,
    private readonly store: Store,
  ) {}

  /**
   * The championships in the scope (demo exam championships are the exam office's), each with
   * its status from its competitions' progress and publication.
   */
  async list(scope: Scope): Promise<(Championship & { status: ChampionshipStatus })[]> {
    const exams = await examChampionshipIds(this.store);
    const all = (await this.reference.list('championships')).filter(({ id }) => !exams.has(id));
    const inScope = all.filter((championship) =>
      scopeCovers(scope, { championshipId: championship.id }),
    );
    const championships = [];
    for (const championship of inScope) {
      const competitions = await this.reference.list('competitions', {
        championshipId: championship.id,
      });
      const status = championshipStatus(
        competitions.map(({ id }) => {
          // Only a competition with a scheme runs; one without has nothing marked yet.
          const state = this.registry.get(id)?.state;
          return {
            marked: state?.scoring.progress().marked ?? 0,
            published: (state?.results.published ?? null) !== null,
          };
        }),
      );
      championships.push({ ...championship, status });
    }
    return championships;
  }

  async create({ publication, ...input }: ChampionshipInput): Promise<Championship> {
    checkChampionship(input);
    if (await this.reference.get('championships', input.id))
      throw refusal('conflict', 'id', 'idTaken');
    return this.reference.create('championships', {
      ...input,
      // checkChampionship refused an unknown profile.
      publication: publication ?? { policy: getProfile(input.profileId)!.publicationDefault },
      createdAt: now(),
    });
  }

  /** Changes a championship; its running competitions follow (names, publication policy). */
  async update(championshipId: string, changes: ChampionshipChanges): Promise<Championship> {
    const { record, version } = await this.reference.require('championships', championshipId);
    const championship = applyPatch(record, changes);
    checkChampionship(championship);
    await this.reference.replace('championships', championship, version);
    const competitions = await this.reference.list('competitions', { championshipId });
    await refreshRunning(
      this.registry,
      competitions.map((competition) => competition.id),
    );
    return championship;
  }

  async addCompetition(championshipId: string, input: CompetitionInput): Promise<Competition> {
    const { record: championship } = await this.reference.require('championships', championshipId);
    const profileId = input.profileId ?? championship.profileId;
    checkProfile(profileId);
    if (await this.reference.get('competitions', input.id))
      throw refusal('conflict', 'id', 'idTaken');
    const competition: Competition = {
      id: input.id,
      championshipId,
      skill: input.skill,
      profileId,
      ...(input.publication && { publication: input.publication }),
      schemeVersion: 0,
      createdAt: now(),
    };
    return this.reference.create('competitions', competition);
  }

  /** The competition, and whether its log holds a mark (its scheme and profile are frozen then). */
  async competition(competitionId: string): Promise<{ competition: Competition; marked: boolean }> {
    const { record } = await this.reference.require('competitions', competitionId);
    return { competition: record, marked: await this.registry.hasMarks(competitionId) };
  }

  async updateCompetition(
    competitionId: string,
    changes: CompetitionChanges,
  ): Promise<Competition> {
    if (changes.profileId !== undefined) checkProfile(changes.profileId);
    const { record, version } = await this.reference.require('competitions', competitionId);
    // Results are recomputed from the log under the pinned profile (docs/scoring.md): new rules
    // under marks already given would change them.
    if (
      changes.profileId !== undefined &&
      changes.profileId !== record.profileId &&
      (await this.registry.hasMarks(competitionId))
    )
      throw refusal('conflict', 'profileId', 'profilePinned');
    const competition = applyPatch(record, changes);
    await this.reference.replace('competitions', competition, version);
    await refreshRunning(this.registry, [competitionId]);
    return competition;
  }
}

const now = () => new Date().toISOString();

function checkProfile(profileId: string): void {
  if (!getProfile(profileId))
    throw refusal('validation_failed', 'profileId', 'unknownProfile', { profileId });
}

function checkChampionship(
  championship: Pick<Championship, 'profileId' | 'startsOn' | 'endsOn'>,
): void {
  checkProfile(championship.profileId);
  if (championship.endsOn < championship.startsOn)
    throw refusal('validation_failed', 'endsOn', 'datesReversed');
}
