import { describe, expect, it } from 'vitest';
import { mayIssueCredential, maySeePersonalData, scopeCovers } from './access';
import type { Actor, Scope } from './model';
import type { ExpertRole, OrganiserRole } from './roles';

function organiser(scope: Scope, roles: OrganiserRole[] = ['organiser']): Actor {
  return {
    kind: 'organiser',
    user: {
      id: 'u1',
      email: 'a@example.kz',
      name: 'A',
      scope,
      roles,
      disabled: false,
      createdAt: '2026-01-01T00:00:00Z',
    },
  };
}

function expert(role: ExpertRole, competitionId = 'cooking-1'): Actor {
  return {
    kind: 'expert',
    credential: {
      id: 'c1',
      competitionId,
      expertId: 'e1',
      role,
      issuedBy: { kind: 'user', userId: 'u1' },
      issuedAt: '2026-01-01T00:00:00Z',
    },
  };
}

const pavlodar = { championshipId: 'wsk-pavlodar-2026' };
const collegeExam = { collegeId: 'ppk-1' };

describe('scope', () => {
  it('covers everything, listed championships, or one college', () => {
    expect(scopeCovers({ kind: 'all' }, pavlodar)).toBe(true);
    expect(scopeCovers({ kind: 'championships', ids: ['wsk-pavlodar-2026'] }, pavlodar)).toBe(true);
    expect(scopeCovers({ kind: 'championships', ids: ['wsk-almaty-2026'] }, pavlodar)).toBe(false);
    expect(scopeCovers({ kind: 'championships', ids: ['wsk-almaty-2026'] }, collegeExam)).toBe(
      false,
    );
    expect(scopeCovers({ kind: 'college', collegeId: 'ppk-1' }, collegeExam)).toBe(true);
    expect(scopeCovers({ kind: 'college', collegeId: 'ppk-1' }, pavlodar)).toBe(false);
    expect(
      scopeCovers({ kind: 'college', collegeId: 'ppk-1' }, { ...pavlodar, collegeId: 'ppk-1' }),
    ).toBe(true);
  });
});

describe('personal data', () => {
  it('goes to organisers and exam officers in scope and to lead experts of the competition', () => {
    const cooking = { ...pavlodar, competitionId: 'cooking-1' };
    expect(
      maySeePersonalData(organiser({ kind: 'championships', ids: ['wsk-pavlodar-2026'] }), cooking),
    ).toBe(true);
    expect(
      maySeePersonalData(organiser({ kind: 'championships', ids: ['wsk-almaty-2026'] }), cooking),
    ).toBe(false);
    expect(
      maySeePersonalData(
        organiser({ kind: 'college', collegeId: 'ppk-1' }, ['exam-officer']),
        collegeExam,
      ),
    ).toBe(true);
    expect(maySeePersonalData(expert('chief'), cooking)).toBe(true);
    expect(maySeePersonalData(expert('deputy-chief'), cooking)).toBe(true);
    expect(maySeePersonalData(expert('chief', 'welding-2'), cooking)).toBe(false);
    expect(maySeePersonalData(expert('chief'), pavlodar)).toBe(false);
    expect(maySeePersonalData(expert('expert'), cooking)).toBe(false);
    expect(maySeePersonalData(expert('independent'), cooking)).toBe(false);
    expect(maySeePersonalData(undefined, cooking)).toBe(false);
  });
});

describe('issuing credentials', () => {
  const cooking = { ...pavlodar, competitionId: 'cooking-1' };
  const welding = { ...pavlodar, competitionId: 'welding-2' };

  it('lets organisers in scope issue any role', () => {
    expect(mayIssueCredential(organiser({ kind: 'all' }), 'chief', cooking)).toBe(true);
    const otherCollege = organiser({ kind: 'college', collegeId: 'x' });
    expect(mayIssueCredential(otherCollege, 'expert', cooking)).toBe(false);
    const officer = organiser({ kind: 'all' }, ['exam-officer']);
    expect(mayIssueCredential(officer, 'expert', cooking)).toBe(false);
  });

  it('lets lead experts issue only roles below their own, in their own competition', () => {
    expect(mayIssueCredential(expert('chief'), 'deputy-chief', cooking)).toBe(true);
    expect(mayIssueCredential(expert('chief'), 'chief', cooking)).toBe(false);
    expect(mayIssueCredential(expert('chief'), 'expert', welding)).toBe(false);
    expect(mayIssueCredential(expert('deputy-chief'), 'independent', cooking)).toBe(true);
    expect(mayIssueCredential(expert('deputy-chief'), 'deputy-chief', cooking)).toBe(false);
    expect(mayIssueCredential(expert('expert'), 'expert', cooking)).toBe(false);
  });
});
