import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  adjustmentSchema,
  advancementRulesSchema,
  advancing,
  idSchema,
  isoDateSchema,
  localizedSchema,
  proposeAdvancement,
  quotaProblem,
  type AdvancementCandidate,
  type AdvancementDecision,
  type Championship,
  type Competition,
  type Competitor,
  type Language,
} from '@ashyq/shared';
import { scopeCovers } from '../../auth/access';
import { collections } from '../../collections';
import type { CompetitionRegistry } from '../../competitions/registry';
import type { ReferenceRepository } from '../../domain/reference';
import type { Store, StoredDocument } from '../../store/port';
import { competitionResults } from '../../results/rows';
import { ApiError, languageOf, parse } from '../errors';
import { organiserOf, refusal, registerInLog, requireRegistrable } from './registration-support';

const championshipParams = z.object({ championshipId: idSchema });
const proposalBody = z.strictObject({
  rules: advancementRulesSchema,
  adjustments: z.array(adjustmentSchema).max(2000).default([]),
});
const applyBody = proposalBody.extend({ targetChampionshipId: idSchema });
const cloneBody = z.strictObject({
  id: idSchema,
  name: localizedSchema.optional(),
  season: z.number().int().min(2000).max(2100),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
});

/**
 * Championship tools: clone last year's championship as a starting point, and advancement to
 * the next level (propose by rules, adjust with reasons, create the next level's lists).
 */
export function advancementRoutes(
  reference: ReferenceRepository,
  registry: CompetitionRegistry,
  store: Store,
  inChampionship: RequestHandler,
): Router {
  const router = Router();
  const base = '/api/admin/championships/:championshipId';
  const now = () => new Date().toISOString();

  router.post(`${base}/clone`, inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    const input = parse(cloneBody, req.body, 'body');
    requireScope(req, input.id);
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
    for (const copy of copies)
      await reference.create('competitions', { ...copy, createdAt: now() });
    res.status(201).json({ championship, competitions: copies.map((c) => c.id) });
  });

  async function proposal(req: Request, input: z.infer<typeof proposalBody>) {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    const lang = languageOf(req);
    const { candidates, names } = await candidatesOf(reference, registry, championshipId, lang);
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

  router.post(`${base}/advancement/proposal`, inChampionship, async (req, res) => {
    res.json(await proposal(req, parse(proposalBody, req.body, 'body')));
  });

  router.post(`${base}/advancement/apply`, inChampionship, async (req, res) => {
    const input = parse(applyBody, req.body, 'body');
    const { championshipId } = parse(championshipParams, req.params, 'params');
    if (input.targetChampionshipId === championshipId)
      throw refusal('validation_failed', 'targetChampionshipId', 'sameChampionship');
    requireScope(req, input.targetChampionshipId);
    const { record: target } = await reference.require('championships', input.targetChampionshipId);
    const problem = quotaProblem(input.rules, target.level);
    if (problem) throw refusal('validation_failed', 'rules.quota', problem);
    const proposed = await proposal(req, input);
    const unresolved = proposed.ties.filter((tie) => !tie.resolved).length;
    if (unresolved > 0) throw refusal('conflict', 'ties', 'tiesUnresolved', { count: unresolved });
    const sent = advancing(proposed);
    const targets = await targetCompetitions(reference, target.id, sent, championshipId);
    let alreadyRegistered = 0;
    const planned: { destination: Competition; added: Competitor[] }[] = [];
    for (const [competitionId, entries] of groupByCompetition(sent)) {
      const destination = targets.get(competitionId)!;
      const present = new Set(
        (await reference.list('competitors', { competitionId: destination.id })).map((c) => c.iin),
      );
      const added: Competitor[] = [];
      for (const entry of entries) {
        const { record: person } = await reference.require('competitors', entry.competitorId);
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
      planned.push({ destination, added });
    }
    // Every target competition's log must take its people (none locked yet) before anyone is
    // stored: an advancement is applied whole or not at all. A refusal names the competition.
    const where = (destination: Competition) => (id: string) => `${destination.id}/${id}`;
    for (const { destination, added } of planned) {
      await requireRegistrable(registry, destination, added, where(destination));
    }
    const created: Competitor[] = [];
    for (const { destination, added } of planned) {
      const stored: Competitor[] = [];
      try {
        for (const competitor of added) {
          await reference.create('competitors', competitor);
          stored.push(competitor);
        }
        await registerInLog(registry, destination, organiserOf(req).id, added, where(destination));
      } catch (error) {
        for (const competitor of stored) await reference.delete('competitors', competitor.id);
        throw error;
      }
      created.push(...added);
    }
    // The decision as taken: the rules, every adjustment with its reason, and who was sent where.
    const record: AdvancementDecision = {
      id: randomUUID(),
      championshipId,
      targetChampionshipId: target.id,
      at: now(),
      actor: organiserOf(req).id,
      rules: input.rules,
      adjustments: input.adjustments,
      sent: sent.map(({ competitionId, competitorId, status }) => ({
        competitionId,
        competitorId,
        status,
      })),
      created: created.map(({ id, competitionId }) => ({ id, competitionId })),
    };
    await store.putDocument(collections.advancements, record as unknown as StoredDocument, 0);
    res.status(201).json({
      advancementId: record.id,
      created: created.map(({ id, competitionId, advancedFrom }) => ({
        id,
        competitionId,
        advancedFrom,
      })),
      alreadyRegistered,
    });
  });

  /**
   * Every advancement applied from this championship, newest first: the history of decisions.
   * Each competitor sent or adjusted is named (never by IIN) for the organiser's screen.
   */
  router.get(`${base}/advancements`, inChampionship, async (req, res) => {
    const { championshipId } = parse(championshipParams, req.params, 'params');
    const found = await store.findDocuments(collections.advancements, { championshipId });
    const names = new Map<string, Competitor['name']>();
    for (const { id: competitionId } of await reference.list('competitions', { championshipId })) {
      for (const competitor of await reference.list('competitors', { competitionId }))
        names.set(competitor.id, competitor.name);
    }
    const named = <T extends { competitorId: string }>(entry: T) => ({
      ...entry,
      name: names.get(entry.competitorId) ?? null,
    });
    const advancements = found
      .map(({ document }) => document as unknown as AdvancementDecision)
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((decision) => ({
        ...decision,
        sent: decision.sent.map(named),
        adjustments: decision.adjustments.map(named),
      }));
    res.json({ advancements });
  });

  return router;
}

function requireScope(req: Request, championshipId: string): void {
  if (!scopeCovers(organiserOf(req).scope, { championshipId })) throw new ApiError('forbidden');
}

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

/** Every ranked competitor's final result, and the names the organiser's screen shows. */
async function candidatesOf(
  reference: ReferenceRepository,
  registry: CompetitionRegistry,
  championshipId: string,
  lang: Language,
) {
  await reference.require('championships', championshipId);
  const candidates: AdvancementCandidate[] = [];
  const names = new Map<string, { name: Competitor['name'] | null; skillName: string }>();
  for (const competition of await reference.list('competitions', { championshipId })) {
    const results = await competitionResults(registry, competition, lang);
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
async function targetCompetitions(
  reference: ReferenceRepository,
  targetId: string,
  sent: readonly { competitionId: string }[],
  championshipId: string,
): Promise<Map<string, Competition>> {
  const source = new Map(
    (await reference.list('competitions', { championshipId })).map((c) => [c.id, c]),
  );
  const bySkill = new Map(
    (await reference.list('competitions', { championshipId: targetId })).map((c) => [
      c.skill.number,
      c,
    ]),
  );
  const targets = new Map<string, Competition>();
  for (const { competitionId } of sent) {
    const skill = source.get(competitionId)!.skill.number;
    const target = bySkill.get(skill);
    if (!target)
      throw refusal('validation_failed', 'targetChampionshipId', 'noTargetCompetition', { skill });
    targets.set(competitionId, target);
  }
  return targets;
}

function groupByCompetition<T extends { competitionId: string }>(items: readonly T[]) {
  const groups = new Map<string, T[]>();
  for (const item of items)
    groups.set(item.competitionId, [...(groups.get(item.competitionId) ?? []), item]);
  return groups;
}
