import { fullName, valueKindOf, type ExpertRole, type MarkingScheme } from '@ashyq/shared';
import type { AccountService } from '../auth/accounts';
import type { Store } from '../store/port';
import type { CompetitionRuntime } from './runtime';
import { ReferenceRepository } from '../domain/reference';

/** Leads first, then the marking experts, each group by name: the order of a briefing list. */
const roleOrder: Record<ExpertRole, number> = {
  chief: 0,
  'deputy-chief': 1,
  expert: 2,
  independent: 3,
  trainee: 4,
};

/**
 * The scheme as the chief's console reads it: every aspect also says its value kind, its max
 * and, for a choice measurement, the option labels, so the console needs no scheme index of its own.
 */
function consoleScheme(scheme: MarkingScheme) {
  return {
    ...scheme,
    criteria: scheme.criteria.map((criterion) => ({
      ...criterion,
      subCriteria: criterion.subCriteria.map((sub) => ({
        ...sub,
        aspects: sub.aspects.map((aspect) => ({
          ...aspect,
          kind: valueKindOf(aspect),
          max: aspect.maxMark,
          choices:
            aspect.measurement?.kind === 'choice'
              ? aspect.measurement.options.map((option) => option.label)
              : null,
        })),
      })),
    })),
  };
}

/**
 * Who and what the chief expert works with: the scheme, the experts with the state of their
 * credential (never a PIN), the competitors as the log registered them and the colleges both
 * name. No IIN: the console shows names, regions and colleges, like the tablets.
 */
export async function competitionRoster(
  runtime: CompetitionRuntime,
  store: Store,
  accounts: AccountService,
) {
  const { competition } = runtime.context;
  const reference = new ReferenceRepository(store);
  const stored = await reference.list('experts', {
    competitionId: runtime.id,
  });
  const credentials = new Map(
    (await accounts.activeCredentialsOf(runtime.id)).map((c) => [c.expertId, c]),
  );
  const experts = stored
    .sort(
      (a, b) =>
        roleOrder[a.role] - roleOrder[b.role] ||
        fullName(a.name).localeCompare(fullName(b.name), 'ru'),
    )
    .map((expert) => ({
      id: expert.id,
      name: expert.name,
      role: expert.role,
      regionId: expert.regionId,
      collegeId: expert.collegeId ?? null,
      employer: expert.employer ?? null,
      credential: {
        active: credentials.has(expert.id),
        issuedAt: credentials.get(expert.id)?.issuedAt ?? null,
      },
    }));
  const rows = new Map(runtime.state.scoring.rankingRows().map((row) => [row.competitor, row]));
  const competitors = [...runtime.state.people].map(([id, person]) => ({
    id,
    name: person.name,
    collegeId: person.collegeId ?? null,
    regionId: person.regionId,
    status: rows.get(id)?.status ?? 'active',
    guest: rows.get(id)?.guest ?? false,
  }));
  const collegeIds = new Set(
    [...experts, ...competitors].flatMap((person) => person.collegeId ?? []),
  );
  const colleges = [];
  for (const id of [...collegeIds].sort()) {
    const college = await reference.find('colleges', id);
    if (college) colleges.push({ id, name: college.name });
  }
  return {
    competition: {
      id: competition.id,
      skill: competition.skill,
      profileId: competition.profileId,
      championshipId: competition.championshipId,
    },
    scheme: consoleScheme(competition.scheme as MarkingScheme),
    experts,
    competitors,
    colleges,
  };
}
