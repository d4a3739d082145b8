import {
  championshipJudgeFigures,
  fullName,
  type ChampionshipJudgesReport,
  type CompetitionJudging,
  type ExpertRole,
} from '@ashyq/shared';
import type { ReferenceRepository } from '../domain/reference';
import type { Store } from '../store/port';
import { competitionCorrectionFigures, judgedCells } from './judge-analytics';
import type { CompetitionRegistry } from './registry';

/**
 * Every expert's judge figures across a championship (docs/judge-analytics.md). The same person
 * is an expert record per competition; records with the same IIN are one person. The IIN is read
 * here only to group them and never leaves: the person is keyed by its first record's id (competitions in skill order).
 */
export async function championshipJudgesReport(
  reference: ReferenceRepository,
  registry: CompetitionRegistry,
  store: Store,
  championshipId: string,
): Promise<ChampionshipJudgesReport> {
  const { record: championship } = await reference.require('championships', championshipId);
  const all = await reference.list('competitions', { championshipId });
  const competitions = all
    .filter((competition) => competition.scheme)
    .sort((a, b) => a.skill.number.localeCompare(b.skill.number, 'en', { numeric: true }));
  const keyOfIin = new Map<string, string>();
  const records = new Map<string, { name: string; role: ExpertRole }>();
  const judging: CompetitionJudging[] = [];
  for (const competition of competitions) {
    const experts = await reference.list('experts', { competitionId: competition.id });
    const personOfExpert = new Map<string, string>();
    for (const expert of [...experts].sort((a, b) => a.id.localeCompare(b.id))) {
      const own = expert.id;
      const iin = expert.iin.trim();
      let key = iin === '' ? own : keyOfIin.get(iin);
      if (!key) {
        key = own;
        keyOfIin.set(iin, key);
      }
      personOfExpert.set(expert.id, key);
      records.set(own, { name: fullName(expert.name), role: expert.role });
    }
    const runtime = await registry.open(competition.id);
    const people = runtime.state.people;
    judging.push({
      competitionId: competition.id,
      discrepancyThreshold: runtime.context.profile.discrepancyThreshold,
      cells: judgedCells(runtime),
      corrections: await competitionCorrectionFigures(runtime, store),
      // An id no expert record has (removed since it marked) stays a person of its own.
      personOf: (expert) => personOfExpert.get(expert) ?? expert,
      groupOf: (competitor) => people.get(competitor)?.regionId,
    });
  }
  return {
    championshipId,
    championshipName: championship.name,
    competitions: competitions.map((competition) => ({
      id: competition.id,
      skillNumber: competition.skill.number,
      skillName: competition.skill.name,
    })),
    experts: championshipJudgeFigures(judging).map(({ person, competitions: rows, ...totals }) => ({
      ...totals,
      key: person,
      name: records.get(person)?.name ?? person,
      competitions: rows.map((row) => ({
        ...row,
        role: records.get(row.expert)?.role ?? 'expert',
      })),
    })),
  };
}
