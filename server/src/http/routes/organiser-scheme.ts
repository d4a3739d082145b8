import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  analyseScheme,
  applySchemeEdits,
  idSchema,
  schemeEditInputSchema,
  type Competition,
  type SchemeEditReply,
} from '@ashyq/shared';
import type { CompetitionRegistry } from '../../competitions/registry';
import type { ReferenceRepository } from '../../domain/reference';
import { parse } from '../errors';
import { organiserOf, refusal } from './registration-support';

const competitionParams = z.object({ competitionId: idSchema });

const refusalOf = {
  unknown_target: 'schemeEditUnknown',
  not_judgement: 'schemeEditNotJudgement',
  invalid_scheme: 'schemeEditInvalid',
} as const;

/**
 * Small changes of a competition's scheme in place: names, descriptions, descriptors, max marks.
 * Before the first mark they simply apply. After it the scheme is frozen: a change needs a
 * reason and becomes a new scheme version, under which the log replays, so results follow it and
 * the history (who, when, why) stays on the competition.
 */
export function schemeEditRoutes(
  reference: ReferenceRepository,
  registry: CompetitionRegistry,
  inCompetition: RequestHandler,
): Router {
  const router = Router();

  router.patch(
    '/api/organiser/competitions/:competitionId/scheme',
    inCompetition,
    async (req, res) => {
      const { competitionId } = parse(competitionParams, req.params, 'params');
      const { edits, reason } = parse(schemeEditInputSchema, req.body, 'body');
      const { record, version } = await reference.require('competitions', competitionId);
      if (!record.scheme) throw refusal('not_found', 'scheme', 'noScheme');
      const result = applySchemeEdits(record.scheme, edits);
      if (!result.ok) {
        const edit = edits[result.index]!;
        throw refusal('validation_failed', `edits[${result.index}]`, refusalOf[result.reason], {
          target: edit.target,
          id: edit.target === 'aspect' ? edit.code : edit.id,
        });
      }
      const marked = await registry.hasMarks(competitionId);
      if (marked && !reason) throw refusal('validation_failed', 'reason', 'schemeReasonRequired');
      const schemeVersion = record.schemeVersion + 1;
      const competition: Competition = {
        ...record,
        scheme: result.scheme,
        schemeVersion,
        schemeEdits: [
          ...(record.schemeEdits ?? []),
          {
            version: schemeVersion,
            at: new Date().toISOString(),
            actor: organiserOf(req).id,
            ...(reason ? { reason } : {}),
          },
        ],
      };
      await reference.replace('competitions', competition, version);
      await registry.refresh(competitionId);
      res.json({
        schemeVersion,
        report: analyseScheme(result.scheme),
        schemeEdits: competition.schemeEdits,
      } satisfies SchemeEditReply);
    },
  );

  return router;
}
