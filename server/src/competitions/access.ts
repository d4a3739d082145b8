import { namespaces, translate, type Language, type Rejection } from '@ashyq/shared';
import { z } from 'zod';
import type { ScopeTarget } from '../auth/access';
import { collections } from '../collections';
import { DomainError, type ErrorDetail } from '../domain/errors';
import type { Store } from '../store/port';
import { CompetitionUnavailableError, type CompetitionRegistry } from './registry';
import type { ItemResult } from './runtime-types';
import { ReferenceRepository } from '../domain/reference';

/** A scoring reason in the caller's language. */
export function reasonMessage(lang: Language, rejection: Rejection): string {
  return translate(namespaces.scoring[lang], `reason.${rejection.reason}`, rejection.params);
}

/** The running competition, or not found when it does not exist or cannot run (no scheme yet). */
export async function runtimeOf(
  services: { competitions: Pick<CompetitionRegistry, 'open'> },
  competitionId: string,
) {
  try {
    return await services.competitions.open(competitionId);
  } catch (error) {
    if (error instanceof CompetitionUnavailableError) throw new DomainError('not_found');
    throw error;
  }
}

/**
 * Refuses a whole registration (nothing is stored) when the log refused, or would refuse, any of
 * its competitors: a conflict naming each, where the organiser finds it (`where`: a file's row, a
 * form's field), with the reason in the caller's language.
 */
export function registrationRefusal(
  refused: readonly ItemResult[],
  where: (id: string, lang: Language) => string,
): DomainError {
  return new DomainError('conflict', {}, (lang) =>
    registrationDetails(lang, refused, (id) => where(id, lang)),
  );
}

export function registrationDetails(
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

const collegeOwner = z.object({ collegeId: z.string().optional() });

/** The championship (and its college, for college-scoped accounts) a competition belongs to. */
export async function scopeOfCompetition(
  services: { store: Store },
  competitionId: string,
): Promise<ScopeTarget | undefined> {
  const reference = new ReferenceRepository(services.store);
  const competition = await reference.find('competitions', competitionId);
  if (!competition) return undefined;
  // An exam's championship belongs to one college; the stored document carries it beside the
  // championship's own fields (exam/marking.ts).
  const stored = await services.store.getDocument(
    collections.championships,
    competition.championshipId,
  );
  const collegeId = collegeOwner.safeParse(stored?.document).data?.collegeId;
  return {
    championshipId: competition.championshipId,
    ...(collegeId !== undefined ? { collegeId } : {}),
  };
}
