import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  advancementDecisionSchema,
  type advancementApplyInputSchema,
  type advancementProposalInputSchema,
  type ChampionshipCloneInput,
  advancing,
  proposeAdvancement,
  quotaProblem,
  type AdvancementCandidate,
  type AdvancementDecision,
  type Championship,
  type Competition,
  type Competitor,
  type Language,
} from '@ashyq/shared';
import { collections } from '../collections';
import { registerInLog, requireRegistrable } from '../competitions/registration';
import type { CompetitionRegistry } from '../competitions/registry';
import { TypedCollection } from '../domain/collection';
import type { ReferenceRepository } from '../domain/reference';
import { refusal } from '../domain/refusal';
import { competitionResults } from '../results/rows';
import type { Store } from '../store/port';

export type ProposalInput = z.output<typeof advancementProposalInputSchema>;
export type ApplyInput = z.output<typeof advancementApplyInputSchema>;

/**
 * Championship tools (docs/organisers.md, "Advancement to the next level"): clone last year's championship as a starting point,
 * and advancement to the next level (propose by rules, adjust with reasons, create the next
 * level's lists). Scope checks are the caller's; every rule of the domain is here.
 */
export class AdvancementService {
  private readonly decisions: TypedCollection<AdvancementDecision>;

  constructor(
    private readonly reference: ReferenceRepository,
    private readonly registry: CompetitionRegistry,
    store: Store,
  ) {
    this.decisions = new TypedCollection(
      store,
      collections.advancements,
      advancementDecisionSchema,
    );
  }

  /** A copy of the championship under a new id and season: same competitions and schemes, no people. */
  async clone(championshipId: string, input: ChampionshipCloneInput) {
    const { reference } = this;
    const { record: original } = await reference.require('championships', championshipId);
    if (input.season <= original.season)
      throw refusal('validation_failed', 'season', 'cloneSeason');
    if (input.endsOn < input.startsOn)
      throw refusal('validation_failed', 'endsOn', 'datesReversed');
    if (await reference.get('championships', input.id)) throw refusal('conflict', 'id', 'idTaken');
    const competitions = await reference.list('competitions', { championshipId });
    const copies = competitions.map((competition) => copyOf(competition, original.id, input.id));
    for (const copy of copies) {
      if (await reference.get('competitions', copy.id)) throw refusal('conflict', 'id', 'idTaken');
    }
    const championship: Championship = {
      ...original,
      ...input,
      name: input.name ?? original.name,
      createdAt: now(),
    };
    await reference.create('championships', championship);
    const created: string[] = [];
    try {
      for (const copy of copies) {
        await reference.create('competitions', { ...copy, createdAt: now() });
        created.push(copy.id);
      }
    } catch (error) {
      // An id taken in between: the clone is undone whole rather than left half made.
      for (const id of created) await reference.delete('competitions', id);
      await reference.delete('championships', championship.id);
      throw error;
    }
    return { championship, competitions: copies.map((c) => c.id) };
  }

  /** Who the rules send, with the adjustments applied; an adjustment naming no one is refused. */
  async propose(championshipId: string, input: ProposalInput, lang: Language) {
    const { candidates, names } = await this.candidatesOf(championshipId, lang);
    const proposed = proposeAdvancement(candidates, input.rules, input.adjustments);
    const [unmatched] = proposed.unmatched;
    if (unmatched) {
      throw refusal('validation_failed', 'adjustments', 'unmatchedAdjustment', {
        competitor: unmatched.competitorId,
        competition: unmatched.competitionId,
      });
    }
    return {
      ...proposed,
      entries: proposed.entries.map((e) => ({ ...e, ...names.get(e.competitorId) })),
    };
  }

  /**
   * Registers everyone sent in the next level's competitions and keeps the decision. Nothing is
   * written until every check passed (ties resolved, quota, a target competition per skill, each
   * target log still open to registration). The store has no transactions, so the writes are
   * ordered to be undone: every new competitor document first (all removed again if one fails),
   * then each competition's log, which cannot be undone. Should a log refuse part-way (a lock
   * in between), the documents of the competitions not registered go, the decision is kept
   * marked incomplete with those who were registered, and the refusal names the competition;
   * applying again adds the rest (the people already there count as already registered).
   */
  async apply(championshipId: string, input: ApplyInput, actorId: string, lang: Language) {
    const { reference } = this;
    if (input.targetChampionshipId === championshipId)
      throw refusal('validation_failed', 'targetChampionshipId', 'sameChampionship');
    const { record: target } = await reference.require('championships', input.targetChampionshipId);
    const problem = quotaProblem(input.rules, target.level);
    if (problem) throw refusal('validation_failed', 'rules.quota', problem);
    const proposed = await this.propose(championshipId, input, lang);
    const unresolved = proposed.ties.filter((tie) => !tie.resolved).length;
    if (unresolved > 0) throw refusal('conflict', 'ties', 'tiesUnresolved', { count: unresolved });
    const sent = advancing(proposed);
    const planned = await this.plan(championshipId, target.id, sent);
    const where = (destination: Competition) => (id: string) => `${destination.id}/${id}`;
    for (const { destination, added } of planned.lists) {
      await requireRegistrable(this.registry, destination, added, where(destination));
    }

    const stored: Competitor[] = [];
    try {
      for (const { added } of planned.lists) {
        for (const competitor of added) {
          await reference.create('competitors', competitor);
          stored.push(competitor);
        }
      }
    } catch (error) {
      await this.removeCompetitors(stored);
      throw error;
    }

    const created: Competitor[] = [];
    const decision = (incomplete: boolean): AdvancementDecision => ({
      id: randomUUID(),
      championshipId,
      targetChampionshipId: target.id,
      at: now(),
      actor: actorId,
      rules: input.rules,
      adjustments: input.adjustments,
      sent: sent.map(({ competitionId, competitorId, status }) => ({
        competitionId,
        competitorId,
        status,
      })),
      created: created.map(({ id, competitionId }) => ({ id, competitionId })),
      ...(incomplete ? { incomplete } : {}),
    });
    for (const [index, { destination, added }] of planned.lists.entries()) {
      try {
        await registerInLog(this.registry, destination, actorId, added, where(destination));
      } catch (error) {
        const unregistered = planned.lists.slice(index).flatMap((list) => list.added);
        await this.removeCompetitors(unregistered);
        if (created.length > 0) await this.decisions.put(decision(true), 0);
        throw error;
      }
      created.push(...added);
    }
    const record = decision(false);
    await this.decisions.put(record, 0);
    return {
      advancementId: record.id,
      created: created.map(({ id, competitionId, advancedFrom }) => ({
        id,
        competitionId,
        advancedFrom,
      })),
      alreadyRegistered: planned.alreadyRegistered,
    };
  }

  /**
   * Every advancement applied from this championship, newest first: the history of decisions.
   * Each competitor sent or adjusted is named (never by IIN) for the organiser's screen.
   */
  async history(championshipId: string) {
    const found = await this.decisions.list({ championshipId });
    const names = new Map<string, Competitor['name']>();
    const { reference } = this;
    for (const { id: competitionId } of await reference.list('competitions', { championshipId })) {
      for (const competitor of await reference.list('competitors', { competitionId }))
        names.set(competitor.id, competitor.name);
    }
    const named = <T extends { competitorId: string }>(entry: T) => ({
      ...entry,
      name: names.get(entry.competitorId) ?? null,
    });
    return found
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((decision) => ({
        ...decision,
        sent: decision.sent.map(named),
        adjustments: decision.adjustments.map(named),
      }));
  }

  /** The new competitors of each target competition; those already there (by IIN) are counted. */
  private async plan(
    championshipId: string,
    targetId: string,
    sent: readonly { competitionId: string; competitorId: string }[],
  ) {
    const targets = await this.targetCompetitions(targetId, sent, championshipId);
    let alreadyRegistered = 0;
    const lists: { destination: Competition; added: Competitor[] }[] = [];
    for (const [competitionId, entries] of groupByCompetition(sent)) {
      const destination = targets.get(competitionId)!;
      const present = new Set(
        (await this.reference.list('competitors', { competitionId: destination.id })).map(
          (c) => c.iin,
        ),
      );
      const added: Competitor[] = [];
      for (const entry of entries) {
        const { record: person } = await this.reference.require('competitors', entry.competitorId);
        if (present.has(person.iin)) {
          alreadyRegistered += 1;
          continue;
        }
        // The same person (same IIN) in the next competition; where it came from stays on record.
        added.push({
          ...person,
          id: randomUUID(),
          competitionId: destination.id,
          guest: false,
          advancedFrom: { competitionId, competitorId: person.id },
        });
      }
      lists.push({ destination, added });
    }
    return { lists, alreadyRegistered };
  }

  private async removeCompetitors(competitors: readonly Competitor[]): Promise<void> {
    for (const competitor of competitors) await this.reference.delete('competitors', competitor.id);
  }

  /** Every ranked competitor's final result, and the names the organiser's screen shows. */
  private async candidatesOf(championshipId: string, lang: Language) {
    await this.reference.require('championships', championshipId);
    const candidates: AdvancementCandidate[] = [];
    const names = new Map<string, { name: Competitor['name'] | null; skillName: string }>();
    for (const competition of await this.reference.list('competitions', { championshipId })) {
      const results = await competitionResults(this.registry, competition, lang);
      for (const row of results?.rows ?? []) {
        candidates.push({
          competitionId: row.competitionId,
          competitorId: row.competitorId,
          regionId: row.regionId,
          collegeId: row.collegeId,
          position: row.position,
          medal: row.medal,
          percent: row.percent,
        });
        names.set(row.competitorId, { name: row.name, skillName: row.skillName });
      }
    }
    return { candidates, names };
  }

  /** The next level's competition of each competency sent, matched by skill number. */
  private async targetCompetitions(
    targetId: string,
    sent: readonly { competitionId: string }[],
    championshipId: string,
  ): Promise<Map<string, Competition>> {
    const source = new Map(
      (await this.reference.list('competitions', { championshipId })).map((c) => [c.id, c]),
    );
    const bySkill = new Map(
      (await this.reference.list('competitions', { championshipId: targetId })).map((c) => [
        c.skill.number,
        c,
      ]),
    );
    const targets = new Map<string, Competition>();
    for (const { competitionId } of sent) {
      const skill = source.get(competitionId)!.skill.number;
      const target = bySkill.get(skill);
      if (!target)
        throw refusal('validation_failed', 'targetChampionshipId', 'noTargetCompetition', {
          skill,
        });
      targets.set(competitionId, target);
    }
    return targets;
  }
}

const now = () => new Date().toISOString();

/** A competition of the copy: same skill, profile and scheme; no people, no marks. */
function copyOf(
  competition: Competition,
  fromId: string,
  toId: string,
): Omit<Competition, 'createdAt'> {
  const id = competition.id.startsWith(`${fromId}-`)
    ? `${toId}${competition.id.slice(fromId.length)}`
    : `${toId}-${competition.skill.number}`;
  const { createdAt: _, ...rest } = competition;
  return { ...rest, id, championshipId: toId, schemeVersion: competition.scheme ? 1 : 0 };
}

function groupByCompetition<T extends { competitionId: string }>(items: readonly T[]) {
  const groups = new Map<string, T[]>();
  for (const item of items)
    groups.set(item.competitionId, [...(groups.get(item.competitionId) ?? []), item]);
  return groups;
}
