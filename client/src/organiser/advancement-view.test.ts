import { describe, expect, it } from 'vitest';
import { rulesKeyOf, rulesOf, withDecision } from './advancement-view';

const choice = { kind: 'top' as const, count: 3, quotaTeam: '' as const, quotaMax: 5, own: {} };

describe('advancement screen rules', () => {
  it('asks for the top three of every competency with no quota by default', () => {
    expect(rulesOf(choice)).toEqual({
      defaultRule: { kind: 'top', count: 3 },
      rules: {},
      quota: null,
    });
  });

  it('drops the count for medalists and keeps a region quota', () => {
    expect(rulesOf({ ...choice, kind: 'medalists', quotaTeam: 'region', quotaMax: 2 })).toEqual({
      defaultRule: { kind: 'medalists' },
      rules: {},
      quota: { team: 'region', max: 2 },
    });
  });

  it('sees a proposal made for other rules as made for other rules', () => {
    expect(rulesKeyOf(rulesOf(choice))).not.toBe(rulesKeyOf(rulesOf({ ...choice, count: 4 })));
  });

  it('keeps one decision per competitor, the latest', () => {
    const first = {
      competitionId: 'c1',
      competitorId: 'p1',
      action: 'include' as const,
      reason: 'tie won',
    };
    const other = { ...first, competitorId: 'p2' };
    const changed = { ...first, action: 'exclude' as const, reason: 'withdrew' };
    expect(withDecision(withDecision([first, other], changed), changed)).toEqual([other, changed]);
  });
});
