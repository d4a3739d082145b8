import { describe, expect, it } from 'vitest';
import { advancing, proposeAdvancement, type AdvancementCandidate } from './propose';
import {
  adjustmentSchema,
  advancementRulesSchema,
  quotaProblem,
  type AdvancementRules,
} from './rules';

const medals = ['gold', 'silver', 'bronze'] as const;

/** Competitors of one competition from their positions (1224 ranking), all of one region. */
function field(
  competitionId: string,
  positions: Array<number | null>,
  regionId = 'astana',
): AdvancementCandidate[] {
  return positions.map((position, i) => ({
    competitionId,
    competitorId: `${competitionId}-c${i + 1}`,
    regionId,
    collegeId: `college-${i % 2}`,
    position,
    medal: position !== null && position <= 3 ? medals[position - 1]! : null,
    percent: position === null ? 0 : 100 - position * 5,
  }));
}

const rules = (input: unknown): AdvancementRules => advancementRulesSchema.parse(input);
const statusOf = (proposal: ReturnType<typeof proposeAdvancement>, id: string) =>
  proposal.entries.find((e) => e.competitorId === id)?.status;

describe('competency rules', () => {
  it('sends the top N and nobody below', () => {
    const proposal = proposeAdvancement(
      field('web', [1, 2, 3, 4]),
      rules({ defaultRule: { kind: 'top', count: 2 } }),
    );
    expect(advancing(proposal).map((e) => e.competitorId)).toEqual(['web-c1', 'web-c2']);
    expect(proposal.ties).toEqual([]);
    expect(proposal.ready).toBe(true);
  });

  it('reports a tie at the top-N line instead of picking one, and is not ready', () => {
    const proposal = proposeAdvancement(
      field('web', [1, 2, 2, 4]),
      rules({ defaultRule: { kind: 'top', count: 2 } }),
    );
    expect(advancing(proposal).map((e) => e.competitorId)).toEqual(['web-c1']);
    expect(statusOf(proposal, 'web-c2')).toBe('tied');
    expect(statusOf(proposal, 'web-c3')).toBe('tied');
    expect(proposal.ties).toEqual([
      {
        line: 'competency',
        at: 'web',
        places: 1,
        competitors: [
          { competitionId: 'web', competitorId: 'web-c2' },
          { competitionId: 'web', competitorId: 'web-c3' },
        ],
        resolved: false,
      },
    ]);
    expect(proposal.ready).toBe(false);
  });

  it('sends a whole tied group that fits within N', () => {
    const proposal = proposeAdvancement(
      field('web', [1, 1, 3]),
      rules({ defaultRule: { kind: 'top', count: 2 } }),
    );
    expect(advancing(proposal)).toHaveLength(2);
    expect(proposal.ties).toEqual([]);
  });

  it('sends every medal winner, shared medals included; a per-competency rule wins', () => {
    const candidates = [...field('web', [1, 1, 3, 4]), ...field('cook', [1, 2, 3])];
    const proposal = proposeAdvancement(
      candidates,
      rules({ defaultRule: { kind: 'medalists' }, rules: { cook: { kind: 'top', count: 1 } } }),
    );
    expect(advancing(proposal).map((e) => e.competitorId)).toEqual([
      'web-c1',
      'web-c2',
      'web-c3',
      'cook-c1',
    ]);
  });

  it('never proposes guests, absent or withdrawn competitors (no position)', () => {
    const proposal = proposeAdvancement(
      field('web', [null, 1, null]),
      rules({ defaultRule: { kind: 'top', count: 3 } }),
    );
    expect(advancing(proposal).map((e) => e.competitorId)).toEqual(['web-c2']);
  });

  it('reads positions in any input order', () => {
    const proposal = proposeAdvancement(
      field('web', [3, 1, 2]),
      rules({ defaultRule: { kind: 'top', count: 2 } }),
    );
    expect(advancing(proposal).map((e) => e.competitorId)).toEqual(['web-c2', 'web-c3']);
  });
});

describe('quota per team', () => {
  it('keeps the best positions, then the higher percent, and marks the rest over quota', () => {
    const candidates = [
      ...field('web', [1, 2]),
      ...field('cook', [1, 2]),
      ...field('weld', [1, 2], 'almaty'),
    ];
    candidates.find((c) => c.competitorId === 'cook-c1')!.percent = 99;
    candidates.find((c) => c.competitorId === 'web-c2')!.percent = 80;
    const proposal = proposeAdvancement(
      candidates,
      rules({ defaultRule: { kind: 'top', count: 2 }, quota: { team: 'region', max: 3 } }),
    );
    expect(advancing(proposal).map((e) => e.competitorId)).toEqual([
      'web-c1',
      'cook-c1',
      'cook-c2',
      'weld-c1',
      'weld-c2',
    ]);
    expect(statusOf(proposal, 'web-c2')).toBe('overQuota');
    expect(proposal.teams).toEqual([
      { team: 'astana', sent: 3, quota: 3 },
      { team: 'almaty', sent: 2, quota: 3 },
    ]);
  });

  it('reports equal results at the quota line as a tie', () => {
    const proposal = proposeAdvancement(
      [...field('web', [1, 2]), ...field('cook', [1, 2])],
      rules({ defaultRule: { kind: 'top', count: 2 }, quota: { team: 'region', max: 3 } }),
    );
    expect(proposal.ties).toEqual([
      {
        line: 'quota',
        at: 'astana',
        places: 1,
        competitors: [
          { competitionId: 'web', competitorId: 'web-c2' },
          { competitionId: 'cook', competitorId: 'cook-c2' },
        ],
        resolved: false,
      },
    ]);
    expect(advancing(proposal)).toHaveLength(2);
    expect(proposal.ready).toBe(false);
  });

  it('counts colleges when the quota is per college', () => {
    const proposal = proposeAdvancement(
      field('web', [1, 2, 3, 4]),
      rules({ defaultRule: { kind: 'top', count: 4 }, quota: { team: 'college', max: 1 } }),
    );
    expect(advancing(proposal).map((e) => e.team)).toEqual(['college-0', 'college-1']);
  });
});

describe('organiser adjustments', () => {
  const tiedRules = rules({ defaultRule: { kind: 'top', count: 2 } });

  it('resolve a tie only when every tied competitor is decided, and keep the reasons', () => {
    const include = {
      competitionId: 'web',
      competitorId: 'web-c2',
      action: 'include' as const,
      reason: 'Higher mark in criterion A',
    };
    const half = proposeAdvancement(field('web', [1, 2, 2]), tiedRules, [include]);
    expect(half.ready).toBe(false);
    const exclude = { ...include, competitorId: 'web-c3', action: 'exclude' as const };
    const full = proposeAdvancement(field('web', [1, 2, 2]), tiedRules, [include, exclude]);
    expect(full.ready).toBe(true);
    expect(full.ties[0]!.resolved).toBe(true);
    expect(advancing(full).map((e) => [e.competitorId, e.status, e.reason])).toEqual([
      ['web-c1', 'selected', undefined],
      ['web-c2', 'included', 'Higher mark in criterion A'],
    ]);
  });

  it('may exceed a quota by inclusion, which the team count shows', () => {
    const proposal = proposeAdvancement(
      field('web', [1, 2]),
      rules({ defaultRule: { kind: 'top', count: 2 }, quota: { team: 'region', max: 1 } }),
      [{ competitionId: 'web', competitorId: 'web-c2', action: 'include', reason: 'Host region' }],
    );
    expect(proposal.teams).toEqual([{ team: 'astana', sent: 2, quota: 1 }]);
  });

  it('returns adjustments that name no ranked candidate as unmatched', () => {
    const wrong = {
      competitionId: 'web',
      competitorId: 'nobody',
      action: 'include' as const,
      reason: 'typo',
    };
    const guest = { ...wrong, competitorId: 'web-c1' };
    const proposal = proposeAdvancement(field('web', [null]), tiedRules, [wrong, guest]);
    expect(proposal.unmatched).toEqual([wrong, guest]);
    expect(advancing(proposal)).toEqual([]);
  });

  it('need a reason', () => {
    const adjustment = { competitionId: 'web', competitorId: 'web-c1', action: 'exclude' };
    expect(adjustmentSchema.safeParse({ ...adjustment, reason: ' ' }).success).toBe(false);
    expect(adjustmentSchema.safeParse({ ...adjustment, reason: 'Injured' }).success).toBe(true);
  });
});

describe('national selection quota', () => {
  it('must be a per-region quota of 5 to 30', () => {
    const base = { defaultRule: { kind: 'medalists' } };
    expect(quotaProblem(rules(base), 'national')).toBe('quotaRequired');
    expect(quotaProblem(rules({ ...base, quota: { team: 'region', max: 4 } }), 'national')).toBe(
      'quotaOutOfRange',
    );
    expect(quotaProblem(rules({ ...base, quota: { team: 'region', max: 31 } }), 'national')).toBe(
      'quotaOutOfRange',
    );
    expect(quotaProblem(rules({ ...base, quota: { team: 'region', max: 30 } }), 'national')).toBe(
      null,
    );
    expect(quotaProblem(rules(base), 'regional')).toBe(null);
  });
});
