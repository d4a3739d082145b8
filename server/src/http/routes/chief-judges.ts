import { Router } from 'express';
import { z } from 'zod';
import { fullName, idSchema, type JudgesReply } from '@ashyq/shared';
import { requireCompetitionRole, param } from '../../auth/middleware';
import {
  competitionCorrectionFigures,
  competitionJudgeFigures,
  competitionTraineeFigures,
} from '../../competitions/judge-analytics';
import { competitionRoster } from '../../competitions/roster';
import type { Services } from '../../services';
import { runtimeOf, scopeOfCompetition } from '../competition-access';
import { parse } from '../errors';

const params = z.object({ id: idSchema });
const query = z.object({ group: z.enum(['region', 'college']).default('region') });

/**
 * How each judge of a competition marks (docs/judge-analytics.md): for the chief expert, the
 * deputy and organisers in scope only. Never public, never to a judge: the figures compare named
 * judges with each other.
 */
export function chiefJudgeRoutes(
  services: Pick<Services, 'accounts' | 'competitions' | 'store'>,
): Router {
  const router = Router();
  const scope = (competitionId: string) => scopeOfCompetition(services, competitionId);
  const leads = requireCompetitionRole(['chief', 'deputy-chief'], param('id'), scope);

  router.get('/api/chief/competitions/:id/judges', leads, async (req, res) => {
    const { id } = parse(params, req.params, 'params');
    const { group } = parse(query, req.query, 'query');
    const running = await runtimeOf(services, id);
    const roster = await competitionRoster(running, services.store, services.accounts);
    const names = new Map(roster.experts.map((expert) => [expert.id, expert]));
    const nameOf = (id: string) => {
      const expert = names.get(id);
      return expert ? fullName(expert.name) : id;
    };
    const corrections = await competitionCorrectionFigures(running, services.store);
    res.json({
      group,
      head: running.head.seq,
      judges: competitionJudgeFigures(running, group).map((figures) => {
        const expert = names.get(figures.judge);
        return {
          ...figures,
          name: expert ? fullName(expert.name) : figures.judge,
          role: expert?.role ?? 'expert',
        };
      }),
      trainees: competitionTraineeFigures(running, group).map((figures) => ({
        ...figures,
        name: nameOf(figures.judge),
      })),
      rescores: corrections.rescores.map((figures) => ({
        ...figures,
        name: nameOf(figures.judge),
      })),
      measurements: corrections.measurements.map((figures) => ({
        ...figures,
        name: nameOf(figures.expert),
        by: figures.by.map((by) => ({ ...by, name: nameOf(by.expert) })),
        corrections: figures.corrections.map((correction) => ({
          ...correction,
          byName: nameOf(correction.by),
        })),
      })),
    } satisfies JudgesReply);
  });
  return router;
}
