import type { Championship, Competition, PublicationPolicy } from '../domain/entities';

/** The publication a competition's public boards follow. */
export interface EffectivePublication {
  policy: PublicationPolicy;
  freezeAt?: string;
}

/**
 * A competition's publication overrides its championship's field by field: one that sets only
 * its policy keeps the championship's freeze time. The rules profile's default applies when
 * neither sets a policy.
 */
export function effectivePublication(
  competition: Pick<Competition, 'publication'>,
  championship: Pick<Championship, 'publication'> | undefined,
  profileDefault: PublicationPolicy,
): EffectivePublication {
  const own = competition.publication;
  const inherited = championship?.publication;
  const freezeAt = own?.freezeAt ?? inherited?.freezeAt;
  return {
    policy: own?.policy ?? inherited?.policy ?? profileDefault,
    ...(freezeAt !== undefined && { freezeAt }),
  };
}
