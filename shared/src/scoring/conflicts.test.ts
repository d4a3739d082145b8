import { describe, expect, it } from 'vitest';
import {
  conflictList,
  conflictOf,
  delegationKeysOf,
  eligibleExperts,
  isCompatriot,
  type ExpertParty,
} from './conflicts';

const aruzhan = { id: 'c1', delegations: { region: 'almaty', college: 'col-7', group: 'PO-21' } };
const timur = { id: 'c2', delegations: { region: 'astana', college: 'col-2' } };

describe('isCompatriot', () => {
  it('matches on the delegation kind the level uses', () => {
    const expert = { id: 'e1', delegations: { region: 'almaty', college: 'col-9' } };
    expect(isCompatriot(expert, aruzhan, 'region')).toBe(true);
    expect(isCompatriot(expert, aruzhan, 'college')).toBe(false);
  });

  it('never matches on a key either side lacks', () => {
    expect(isCompatriot({ id: 'e1', delegations: {} }, { id: 'c', delegations: {} }, 'group')).toBe(
      false,
    );
    expect(
      isCompatriot(
        { id: 'e1', delegations: { group: '' } },
        { id: 'c', delegations: { group: '' } },
        'group',
      ),
    ).toBe(false);
  });
});

describe('conflicts', () => {
  const expert: ExpertParty = { id: 'e1', delegations: { region: 'almaty' }, conflicts: ['c2'] };

  it('names the compatriot and the declared conflicts with reason codes', () => {
    expect(conflictOf(expert, aruzhan, 'region')).toEqual({
      reason: 'compatriot',
      params: { expert: 'e1', competitor: 'c1', delegation: 'region' },
    });
    expect(
      conflictList(expert, [aruzhan, timur, { id: 'c3' }], 'region').map((c) => [
        c.competitor,
        c.reason.reason,
      ]),
    ).toEqual([
      ['c1', 'compatriot'],
      ['c2', 'declared_conflict'],
    ]);
  });

  it('leaves the eligible experts for a competitor', () => {
    const pool: ExpertParty[] = [
      expert,
      { id: 'e2', delegations: { region: 'astana' } },
      { id: 'e3', delegations: { region: 'shymkent' } },
    ];
    expect(eligibleExperts(timur, pool, 'region').map((e) => e.id)).toEqual(['e3']);
    expect(eligibleExperts(aruzhan, pool, 'region').map((e) => e.id)).toEqual(['e2', 'e3']);
  });

  it('derives delegation keys from a registered person', () => {
    expect(
      delegationKeysOf({ regionId: 'pavlodar', collegeId: 'col-1', delegation: 'mentor-5' }),
    ).toEqual({
      region: 'pavlodar',
      college: 'col-1',
      group: 'mentor-5',
    });
    expect(delegationKeysOf({ regionId: 'pavlodar' })).toEqual({ region: 'pavlodar' });
  });
});
