import type { PublicChampionshipsReply, RegionsReply, Verification } from '@ashyq/shared';
import { Router } from 'express';
import { z } from 'zod';
import { idSchema, regions } from '@ashyq/shared';
import { collections } from '../../collections';
import { CompetitionUnavailableError } from '../../competitions/registry';
import type { Services } from '../../services';
import { ApiError, parse } from '../errors';
import { examChampionshipIds } from '../../exam/marking';
import { ReferenceRepository } from '../../domain/reference';

const competitionParams = z.object({ id: idSchema });

/** What anyone may read without signing in. Never personal data. */
export function publicRoutes(
  services: Pick<Services, 'boards' | 'competitions' | 'log' | 'store'>,
): Router {
  const router = Router();
  const boards = services.boards;

  router.get('/api/public/regions', (_req, res) => {
    res.json({ regions } satisfies RegionsReply);
  });

  /** Championships with their competitions and how far marking has got. */
  router.get('/api/public/championships', async (_req, res) => {
    const reference = new ReferenceRepository(services.store);
    const exams = await examChampionshipIds(services.store);
    const championships = (await reference.list('championships')).filter(
      (championship) => !exams.has(championship.id),
    );
    const competitions = await reference.list('competitions');
    const list = await Promise.all(
      championships.map(async (championship) => {
        return {
          id: championship.id,
          name: championship.name,
          level: championship.level,
          track: championship.track,
          season: championship.season,
          hostRegionId: championship.hostRegionId,
          startsOn: championship.startsOn,
          endsOn: championship.endsOn,
          competitions: await Promise.all(
            competitions
              .filter((competition) => competition.championshipId === championship.id)
              .map(async (competition) => {
                // During a freeze the public progress stops where the board stopped.
                const shown = await boards.data.publicProgress(competition.id);
                return {
                  id: competition.id,
                  skill: competition.skill,
                  progress: shown?.progress ?? null,
                  published: shown?.published ?? false,
                };
              }),
          ),
        };
      }),
    );
    res.json({ championships: list } satisfies PublicChampionshipsReply);
  });

  /**
   * Recomputes every hash of the competition's log, and replays it to check that the kept
   * snapshot and the figures everyone is shown are what the log gives: anyone can check that
   * nothing was altered. A competition that cannot run yet (no scheme) has only its chain.
   */
  router.get('/api/public/competitions/:id/log/verify', async (req, res) => {
    const { id } = parse(competitionParams, req.params, 'params');
    const known = await services.store.getDocument(collections.competitions, id);
    if (!known) throw new ApiError('not_found');
    const runtime = await services.competitions.open(id).catch((error: unknown) => {
      if (error instanceof CompetitionUnavailableError) return undefined;
      throw error;
    });
    res.json(
      (runtime ? await runtime.verifyLog() : await services.log.verify(id)) satisfies Verification,
    );
  });

  return router;
}
