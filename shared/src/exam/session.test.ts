import { describe, expect, it } from 'vitest';
import { localizeIssue } from '../identifiers/localized-issue';
import { sampleExamSession } from './sample';
import {
  examSessionInputSchema,
  examSessionSchema,
  isSessionVariant,
  sessionMaxPoints,
} from './session';

const valid = sampleExamSession();

function issuesOf(change: (session: ReturnType<typeof structuredClone<typeof valid>>) => void) {
  const session = structuredClone(valid);
  change(session);
  const result = examSessionSchema.safeParse(session);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({
    path: issue.path.join('.'),
    ru: issue.code === 'custom' ? localizeIssue(issue, 'ru') : issue.message,
  }));
}

describe('examSessionSchema', () => {
  it('accepts the sample session and computes its max points from the scheme', () => {
    expect(examSessionSchema.safeParse(valid).success).toBe(true);
    expect(sessionMaxPoints(valid)).toBe(100);
  });

  it('accepts the old 7-digit codes and the new ones, and stores them as text', () => {
    const legacy = structuredClone(valid);
    legacy.specialty.code = '1304000';
    legacy.qualification.code = '1304043';
    expect(examSessionSchema.parse(legacy).specialty.code).toBe('1304000');
  });

  it('refuses a BIN with a wrong check digit, with a located reason', () => {
    const issues = issuesOf((s) => (s.college.bin = '940140000386'));
    expect(issues.map((i) => i.path)).toContain('college.bin');
  });

  it('refuses a qualification of another specialty on the qualification code', () => {
    const issues = issuesOf((s) => (s.qualification.code = '4S07130105'));
    expect(issues.map((i) => i.path)).toContain('qualification.code');
  });

  it('refuses an exam that ends before it starts and a student outside the groups', () => {
    const issues = issuesOf((s) => {
      s.endsAt = '2026-05-19T08:00:00+05:00';
      s.students[1]!.group = 'ПО-99';
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'endsAt', ru: 'Экзамен должен заканчиваться позже, чем начинается' },
        { path: 'students.1.group', ru: 'Группа ПО-99 не входит в группы сессии' },
      ]),
    );
  });

  it('refuses college staff who mark, and a chief expert from the college itself', () => {
    const issues = issuesOf((s) => {
      s.commission[1]!.collegeId = 'astana-it';
      s.commission[2]!.collegeId = 'astana-it';
    });
    expect(issues.map((i) => i.path)).toEqual(['commission.1.collegeId', 'commission.2.collegeId']);
    expect(issues[0]!.ru).toMatch(/комиссия должна быть независима/);
  });

  it('lets college staff sit on the commission without marking', () => {
    expect(examSessionSchema.safeParse(valid).success).toBe(true);
    expect(valid.commission.find((m) => m.role === 'secretary')?.collegeId).toBe('astana-it');
  });

  it('needs exactly one chair and one chief expert, and only markers mark', () => {
    const issues = issuesOf((s) => {
      s.commission[0]!.role = 'expert';
      s.commission[0]!.marks = true;
      s.commission[5]!.marks = true;
    });
    expect(issues.map((i) => i.path)).toEqual([
      'commission.5.marks',
      'commission.5.collegeId',
      'commission',
    ]);
  });

  it('refuses a repeated IIN and a commission member who is also a student', () => {
    const issues = issuesOf((s) => {
      s.students[2]!.iin = s.students[0]!.iin;
      s.commission[3]!.iin = s.students[4]!.iin;
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'students.2.iin', ru: 'Повторяет ИИН записи 1' },
        { path: 'commission.3.iin', ru: 'Член комиссии не может быть студентом этого же экзамена' },
      ]),
    );
  });

  it('reads task variants written as numbers in older records as text', () => {
    const session = structuredClone(valid) as unknown as { students: { variant: unknown }[] };
    session.students[0]!.variant = 2;
    expect(examSessionSchema.parse(session).students[0]!.variant).toBe('2');
  });
});

describe('isSessionVariant', () => {
  it('takes the whole numbers 1 to the count, a leading zero included', () => {
    expect(['1', '2', '02', ' 2 '].map((v) => isSessionVariant(v, 2))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['0', '3', '7', '1.5', '-1', 'A', ''].map((v) => isSessionVariant(v, 2))).toEqual(
      Array(7).fill(false),
    );
  });
});

describe('examSessionInputSchema', () => {
  it('takes a session without commission and students, and defaults the profile', () => {
    const { collegeId: _c, profileId: _p, commission: _m, students: _s, ...input } = valid;
    const parsed = examSessionInputSchema.parse(input);
    expect(parsed).toMatchObject({ profileId: 'kz-demo-exam@2022', commission: [], students: [] });
  });
});
