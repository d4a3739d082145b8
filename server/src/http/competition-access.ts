import type { Request } from 'express';
import { ScoringError, type Language, type Rejection } from '@ashyq/shared';
import { registrationDetails, reasonMessage } from '../competitions/access';
import {
  LockBlockedError,
  PublicationBlockedError,
  RegistrationRefusedError,
} from '../competitions/runtime-types';
import { ApiError, type ErrorDetail } from './errors';

export {
  reasonMessage,
  registrationRefusal,
  runtimeOf,
  scopeOfCompetition,
} from '../competitions/access';

/**
 * Runs a runtime command; a refusal by the rules becomes a 409 whose detail names the reason
 * code and says it in the caller's language (a refused lock lists every blocker).
 */
export async function command<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ScoringError)) throw error;
    const rejection = { reason: error.reason, params: error.params };
    const status = error.reason.startsWith('unknown_') ? 404 : 409;
    throw new ApiError('conflict', {}, (lang) => rejectionDetails(lang, rejection, error), status);
  }
}

function rejectionDetails(
  lang: Language,
  rejection: Rejection,
  error: ScoringError,
): ErrorDetail[] {
  if (error instanceof RegistrationRefusedError) {
    return registrationDetails(lang, error.refused, (id) => id);
  }
  const first = { path: '', code: rejection.reason, message: reasonMessage(lang, rejection) };
  if (error instanceof PublicationBlockedError) {
    return [
      first,
      ...error.blockers.map((blocker) => ({
        path: blocker.subCriterion,
        code: blocker.reason,
        message: reasonMessage(lang, { reason: blocker.reason, params: { ...blocker } }),
      })),
    ];
  }
  if (!(error instanceof LockBlockedError)) return [first];
  return [
    first,
    ...error.blockers.map((blocker) => ({
      path: `${blocker.competitor}.${blocker.aspect}`,
      code: blocker.reason,
      message: reasonMessage(lang, { reason: blocker.reason, params: { ...blocker } }),
    })),
  ];
}

/** Who an event is attributed to: the organiser's user id or the expert's id. */
export function actorId(req: Request): string {
  const actor = req.actor;
  if (!actor) throw new ApiError('unauthorized');
  return actor.kind === 'organiser' ? actor.user.id : actor.credential.expertId;
}
