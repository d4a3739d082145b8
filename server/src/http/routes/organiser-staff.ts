import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  applyPatch,
  expertRoleSchema,
  iinSchema,
  idSchema,
  personNameSchema,
  type Expert,
  nameTextSchema,
} from '@ashyq/shared';
import type { AccountService } from '../../auth/accounts';
import type { CompetitionRegistry } from '../../competitions/registry';
import type { ReferenceRepository } from '../../domain/reference';
import { ApiError, parse } from '../errors';
import { requireFreeIin } from '../../people/service';
import { refreshRunning } from './registration-support';

const expertParams = z.object({ competitionId: idSchema, expertId: idSchema });
const expertPatch = z
  .strictObject({
    name: personNameSchema.strict(),
    iin: iinSchema,
    role: expertRoleSchema,
    // null clears one (docs/api.md).
    certificate: nameTextSchema(100).nullable(),
    employer: nameTextSchema(300).nullable(),
    delegation: nameTextSchema(100).nullable(),
  })
  .partial();

/**
 * Editing an expert: names and papers, and the role, which is how an organiser names the chief
 * expert. A competition has one chief: naming another makes the previous one an expert. A
 * changed role revokes the expert's PIN and QR link, since the credential carries the old role.
 */
export function staffRoutes(
  reference: ReferenceRepository,
  registry: CompetitionRegistry,
  accounts: AccountService,
  inCompetition: RequestHandler,
): Router {
  const router = Router();

  router.patch(
    '/api/organiser/competitions/:competitionId/experts/:expertId',
    inCompetition,
    async (req, res) => {
      const { competitionId, expertId } = parse(expertParams, req.params, 'params');
      const changes = parse(expertPatch, req.body, 'body');
      const found = await reference.require('experts', expertId);
      if (found.record.competitionId !== competitionId) throw new ApiError('not_found');
      await requireFreeIin(reference, 'experts', found.record, changes.iin);
      const expert: Expert = applyPatch(found.record, changes);
      const roleChanged = expert.role !== found.record.role;
      const formerChiefs =
        roleChanged && expert.role === 'chief'
          ? (await reference.list('experts', { competitionId })).filter(
              (other) => other.role === 'chief' && other.id !== expertId,
            )
          : [];
      await reference.replace('experts', expert, found.version);
      for (const former of formerChiefs) {
        const current = await reference.require('experts', former.id);
        await reference.replace('experts', { ...current.record, role: 'expert' }, current.version);
        await accounts.revokeCredentialsOf(competitionId, former.id);
      }
      if (roleChanged) await accounts.revokeCredentialsOf(competitionId, expertId);
      await refreshRunning(registry, [competitionId]);
      res.json({ expert, demoted: formerChiefs.map((former) => former.id) });
    },
  );

  return router;
}
