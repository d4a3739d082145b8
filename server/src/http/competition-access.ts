import type { Request } from 'express';
import {
  namespaces,
  ScoringError,
  translate,
  type Championship,
  type Competition,
  type Language,
  type Rejection,
} from '@ashyq/shared';
import type { ScopeTarget } from '../auth/access';
import { collections } from '../collections';
import { CompetitionUnavailableError } from '../competitions/registry';
import {
  LockBlockedError,
  PublicationBlockedError,
  RegistrationRefusedError,
  type ItemResult,
} from '../competitions/runtime-types';
import type { Services } from '../services';
import { ApiError, type ErrorDetail } from './errors';

/** A scoring reason in the caller's language. */
export function reasonMessage(lang: Language, rejection: Rejection): string {
  return translate(namespaces.scoring[lang], `reason.${rejection.reason}`, rejection.params);
}

/** The running competition, or 404 when it does not exist or cannot run (no scheme yet). */
export async function runtimeOf(services: Services, competitionId: string) {
  try {
    return await services.competitions.open(competitionId);
  } catch (error) {
    if (error instanceof CompetitionUnavailableError) throw new ApiError('not_found');
    throw error;
  }
}

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

/**
 * Refuses a whole registration (nothing is stored) when the log refused, or would refuse, any of
 * its competitors: a 409 naming each, where the organiser finds it (`where`: a file's row, a
 * form's field), with the reason in the caller's language.
 */
export function registrationRefusal(
  refused: readonly ItemResult[],
  where: (id: string, lang: Language) => string,
): ApiError {
  return new ApiError('conflict', {}, (lang) =>
    registrationDetails(lang, refused, (id) => where(id, lang)),
  );
}

function registrationDetails(
  lang: Language,
  refused: readonly ItemResult[],
  where: (id: string) => string,
): ErrorDetail[] {
  return refused.map((result) => {
    const rejection = { reason: result.reason!, params: result.params ?? {} };
    return {
      path: where(result.id),
      code: rejection.reason,
      message: reasonMessage(lang, rejection),
    };
  });
}

/** The championship (and its college, for college-scoped accounts) a competition belongs to. */
export async function scopeOfCompetition(
  services: Services,
  competitionId: string,
): Promise<ScopeTarget | undefined> {
  const competition = (await services.store.getDocument(collections.competitions, competitionId))
    ?.document as unknown as Competition | undefined;
  if (!competition) return undefined;
  const championship = (
    await services.store.getDocument(collections.championships, competition.championshipId)
  )?.document as unknown as (Championship & { collegeId?: string }) | undefined;
  return {
    championshipId: competition.championshipId,
    ...(typeof championship?.collegeId === 'string' ? { collegeId: championship.collegeId } : {}),
  };
}

/** Who an event is attributed to: the organiser's user id or the expert's id. */
export function actorId(req: Request): string {
  const actor = req.actor;
  if (!actor) throw new ApiError('unauthorized');
  return actor.kind === 'organiser' ? actor.user.id : actor.credential.expertId;
}
