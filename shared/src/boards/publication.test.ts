import { describe, expect, it } from 'vitest';
import { effectivePublication } from './publication';

const freezeAt = '2026-03-12T16:00:00+05:00';

describe('effectivePublication', () => {
  it("keeps the championship's freeze time when the competition overrides only the policy", () => {
    expect(
      effectivePublication(
        { publication: { policy: 'live' } },
        { publication: { policy: 'locked', freezeAt } },
        'locked',
      ),
    ).toEqual({ policy: 'live', freezeAt });
  });

  it("takes the competition's own freeze time and policy over the championship's", () => {
    const own = { policy: 'embargo' as const, freezeAt: '2026-03-13T12:00:00+05:00' };
    expect(
      effectivePublication(
        { publication: own },
        { publication: { policy: 'live', freezeAt } },
        'locked',
      ),
    ).toEqual(own);
  });

  it("inherits the championship's publication, and the profile's policy when nothing is set", () => {
    expect(
      effectivePublication({}, { publication: { policy: 'embargo', freezeAt } }, 'locked'),
    ).toEqual({ policy: 'embargo', freezeAt });
    expect(effectivePublication({}, undefined, 'locked')).toEqual({ policy: 'locked' });
  });
});
