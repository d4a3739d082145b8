import type { Competition, Competitor, Language } from '@ashyq/shared';
import { registrationRefusal } from './access';
import type { CompetitionRegistry } from './registry';
import { RegistrationRefusedError } from './runtime-types';

/** Where the organiser finds a competitor of a request: its row in a file, the form, ... */
export type Where = (competitorId: string, lang: Language) => string;

/**
 * Refuses (409, before anything is stored) competitors their competition's log would not
 * register now, each named with the reason: registration closes with the first lock. A
 * competition without a scheme has no log yet; the scheme upload registers its competitors.
 */
export async function requireRegistrable(
  registry: CompetitionRegistry,
  competition: Competition,
  competitors: readonly Competitor[],
  where: Where,
): Promise<void> {
  if (!competition.scheme || competitors.length === 0) return;
  const runtime = await registry.open(competition.id);
  const refused = runtime.registrationRefusals(competitors);
  if (refused.length > 0) throw registrationRefusal(refused, where);
}

/**
 * Registers competitors in their competition's log, which exists once it has a scheme; until
 * then they are only documents, and the scheme upload registers them. All or none: a refusal
 * (a lock since requireRegistrable) is a 409 naming each competitor, and nothing is appended.
 */
export async function registerInLog(
  registry: CompetitionRegistry,
  competition: Competition,
  actorId: string,
  competitors: readonly Competitor[],
  where: Where = (id) => id,
): Promise<void> {
  if (!competition.scheme || competitors.length === 0) return;
  const runtime = await registry.open(competition.id);
  try {
    await runtime.registerCompetitors(actorId, competitors);
  } catch (error) {
    if (error instanceof RegistrationRefusedError) {
      throw registrationRefusal(error.refused, where);
    }
    throw error;
  }
}

/** Running competitions take an organiser's change at once (names, policy, championship). */
export async function refreshRunning(
  registry: CompetitionRegistry,
  competitionIds: readonly string[],
): Promise<void> {
  for (const id of competitionIds) if (registry.get(id)) await registry.refresh(id);
}
