import { describe, expect, it } from 'vitest';
import { bestOfDelegation } from './best-of-delegation';

const result = (team: string, competitorId: string, position: number | null, percent: number) => ({
  team,
  competitionId: `skill-${competitorId}`,
  competitorId,
  position,
  percent,
});

describe('best of delegation', () => {
  it('picks the best position, then the higher percent, per team, best teams first', () => {
    const report = bestOfDelegation([
      result('almaty', 'a1', 2, 90),
      result('astana', 's1', 1, 70),
      result('astana', 's2', 1, 80),
      result('almaty', 'a2', 3, 95),
    ]);
    expect(report.map((r) => [r.team, r.best.map((b) => b.competitorId)])).toEqual([
      ['astana', ['s2']],
      ['almaty', ['a1']],
    ]);
  });

  it('names every competitor equal at the top of a team', () => {
    const report = bestOfDelegation([result('astana', 's1', 1, 80), result('astana', 's2', 1, 80)]);
    expect(report[0]!.best.map((b) => b.competitorId)).toEqual(['s1', 's2']);
  });

  it('leaves out guests, absent and withdrawn competitors', () => {
    expect(bestOfDelegation([result('astana', 's1', null, 99)])).toEqual([]);
  });
});
