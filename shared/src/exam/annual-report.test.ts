import { describe, expect, it } from 'vitest';
import { annualReport, collegeShareTarget, type AnnualSessionRecord } from './annual-report';
import { studentResults, summarize } from './results';
import { sampleExamSession } from './sample';

const session = sampleExamSession({ students: 4 });
const ids = session.students.map((s) => s.id);
const done = { marked: 2, total: 2 };
const summary = summarize(
  session,
  studentResults(session, [
    {
      studentId: ids[0]!,
      attendance: 'present',
      criteria: { A: 60, B: 36 },
      total: 96,
      progress: done,
    },
    {
      studentId: ids[1]!,
      attendance: 'present',
      criteria: { A: 30, B: 20 },
      total: 50,
      progress: done,
    },
    {
      studentId: ids[2]!,
      attendance: 'present',
      criteria: { A: 10, B: 10 },
      total: 20,
      progress: done,
    },
    { studentId: ids[3]!, attendance: 'absent', criteria: {}, total: 0 },
  ]),
);

function record(
  id: string,
  collegeId: string,
  regionId: string,
  extra: Partial<AnnualSessionRecord> = {},
): AnnualSessionRecord {
  return {
    sessionId: id,
    collegeId,
    regionId,
    academicYear: '2025-2026',
    specialty: session.specialty,
    qualification: session.qualification,
    gradeScaleId: 'kz-letter@2022',
    endsAt: '2026-05-19T16:00:00+05:00',
    summary,
    complete: true,
    ...extra,
  };
}

const colleges = [
  { id: 'astana-it', regionId: 'astana' },
  { id: 'astana-poly', regionId: 'astana' },
  { id: 'karaganda-tech', regionId: 'karaganda' },
  { id: 'karaganda-agro', regionId: 'karaganda' },
];

describe('annualReport', () => {
  const sessions = [
    record('e1', 'astana-it', 'astana'),
    record('e2', 'astana-it', 'astana', {
      qualification: { code: '3W06130101', name: { kk: 'Оператор', ru: 'Оператор' } },
    }),
    record('e3', 'karaganda-tech', 'karaganda', { complete: false }),
    record('later', 'karaganda-agro', 'karaganda', { endsAt: '2026-06-25T16:00:00+05:00' }),
    record('last-year', 'astana-poly', 'astana', { academicYear: '2024-2025' }),
    record('elsewhere', 'shymkent-1', 'shymkent'),
  ];
  const report = annualReport(
    '2025-2026',
    colleges,
    sessions,
    new Date('2026-06-10T12:00:00+05:00'),
  );

  it('counts exams held (ended, somebody sat), students examined and the pass rate', () => {
    expect(report.totals).toMatchObject({ examsHeld: 3, studentsExamined: 9, passed: 6 });
    expect(report.totals.passRate).toBe(66.67);
    expect(report.totals.grades['kz-letter@2022']).toMatchObject({ A: 3, D: 3, F: 3, B: 0 });
  });

  it('splits by region, college and specialty/qualification', () => {
    expect(report.byRegion.map((r) => [r.regionId, r.examsHeld])).toEqual([
      ['astana', 2],
      ['karaganda', 1],
    ]);
    expect(report.byCollege.map((c) => [c.collegeId, c.examsHeld, c.incompleteExams])).toEqual([
      ['astana-it', 2, 0],
      ['astana-poly', 0, 0],
      ['karaganda-agro', 0, 0],
      ['karaganda-tech', 1, 1],
    ]);
    expect(report.bySpecialty.map((s) => [s.qualification.code, s.examsHeld])).toEqual([
      ['3W06130101', 1],
      ['4S06130105', 2],
    ]);
  });

  it('compares the share of colleges that ran exams with the year’s target', () => {
    expect(report.collegeShare).toEqual({
      ran: 2,
      total: 4,
      percent: 50,
      target: 100,
      meetsTarget: false,
    });
  });

  it('tracks the 30 June deadline in Kazakhstan time', () => {
    expect(report).toMatchObject({ deadline: '2026-06-30', daysLeft: 20, state: 'due_soon' });
    const spring = annualReport('2025-2026', colleges, sessions, new Date('2026-03-01T00:00:00Z'));
    expect(spring).toMatchObject({ state: 'open', totals: { examsHeld: 0 } });
    const july = annualReport('2025-2026', colleges, sessions, new Date('2026-06-30T19:30:00Z'));
    expect(july).toMatchObject({ state: 'closed', daysLeft: -1 });
    expect(july.collegeShare.ran).toBe(3);
  });

  it('reports no share for an empty scope', () => {
    const empty = annualReport('2025-2026', [], sessions, new Date('2026-06-10T12:00:00+05:00'));
    expect(empty.collegeShare).toMatchObject({
      ran: 0,
      total: 0,
      percent: null,
      meetsTarget: null,
    });
    expect(empty.totals.passRate).toBeNull();
  });
});

describe('collegeShareTarget', () => {
  it.each([
    [2022, null],
    [2023, 60],
    [2024, 80],
    [2025, 100],
    [2029, 100],
    [2030, null],
  ])('%s -> %s', (year, target) => {
    expect(collegeShareTarget(year)).toBe(target);
  });
});
