import { Router } from 'express';
import { z } from 'zod';
import {
  idSchema,
  regions,
  type Championship,
  type College,
  type Competition,
  type Localized,
} from '@ashyq/shared';
import { collections } from '../../collections';
import type { Services } from '../../services';
import { runtimeOf } from '../competition-access';
import { ApiError, parse } from '../errors';

const competitionParams = z.object({ id: idSchema });

/** What anyone may read without signing in. Never personal data. */
export function publicRoutes(services: Services): Router {
  const router = Router();

  router.get('/api/public/regions', (_req, res) => {
    res.json({ regions });
  });

  /** Championships with their competitions and how far marking has got. */
  router.get('/api/public/championships', async (_req, res) => {
    const championships = await services.store.findDocuments(collections.championships);
    const competitions = await services.store.findDocuments(collections.competitions);
    const list = championships.map(({ document }) => {
      const championship = document as unknown as Championship;
      return {
        id: championship.id,
        name: championship.name,
        level: championship.level,
        track: championship.track,
        season: championship.season,
        hostRegionId: championship.hostRegionId,
        startsOn: championship.startsOn,
        endsOn: championship.endsOn,
        competitions: competitions
          .map(({ document: doc }) => doc as unknown as Competition)
          .filter((competition) => competition.championshipId === championship.id)
          .map((competition) => {
            const running = services.competitions.get(competition.id);
            const progress = running?.state.scoring.progress();
            return {
              id: competition.id,
              skill: competition.skill,
              progress: progress ? { marked: progress.marked, required: progress.required } : null,
              published: running ? running.state.scoring.published !== null : false,
            };
          }),
      };
    });
    res.json({ championships: list });
  });

  /** The ranking as the publication policy lets the public see it, with college names. */
  router.get('/api/public/competitions/:id/board', async (req, res) => {
    const { id } = parse(competitionParams, req.params, 'params');
    const runtime = await runtimeOf(services, id);
    const board = await runtime.spectatorBoard();
    const collegeNames = new Map<string, Localized>();
    for (const collegeId of new Set(board.rows?.map((row) => row.collegeId) ?? [])) {
      if (!collegeId) continue;
      const college = (await services.store.getDocument(collections.colleges, collegeId))
        ?.document as unknown as College | undefined;
      if (college) collegeNames.set(collegeId, college.name);
    }
    res.json({
      ...board,
      skill: runtime.context.competition.skill,
      rows:
        board.rows?.map((row) => ({
          ...row,
          college: row.collegeId ? (collegeNames.get(row.collegeId) ?? null) : null,
        })) ?? null,
    });
  });

  /** Recomputes every hash of the competition's log: anyone can check that nothing was altered. */
  router.get('/api/public/competitions/:id/log/verify', async (req, res) => {
    const { id } = parse(competitionParams, req.params, 'params');
    const known = await services.store.getDocument(collections.competitions, id);
    if (!known) throw new ApiError('not_found');
    res.json(await services.log.verify(id));
  });

  return router;
}
