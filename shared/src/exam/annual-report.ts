import { percentOf } from '../grades/percent';
import type { Localized } from '../domain/entities';
import type { ExamSummary } from './results';

/**
 * The annual report (docs/demo-exams.md, docs/domain.md): demo exams held per college, region and country,
 * by specialty and qualification, students examined, pass rate, grade distribution, the share of
 * colleges that ran demo exams against the policy targets, and the state of the 30 June report.
 */

/** One session as the report needs it: where, what, and its summary. */
export interface AnnualSessionRecord {
  sessionId: string;
  collegeId: string;
  regionId: string;
  academicYear: string;
  specialty: { code: string; name: Localized };
  qualification: { code: string; name: Localized };
  gradeScaleId: string;
  /** When the exam ended (ISO): an exam counts as held once it has ended and somebody sat. */
  endsAt: string;
  summary: ExamSummary;
  /** Every student's marks are in; colleges report only complete exams. */
  complete: boolean;
}

export interface CollegeRef {
  id: string;
  regionId: string;
  name?: Localized;
}

/**
 * Share of colleges running demo exams with WorldSkills assessment (docs/demo-exams.md, "Annual report"): 60 % in 2023,
 * 80 % in 2024, 100 % in 2025-2029. The year is the calendar year the academic year ends in
 * (the report is due on 30 June of it). No target outside 2023-2029.
 */
export function collegeShareTarget(reportYear: number): number | null {
  if (reportYear === 2023) return 60;
  if (reportYear === 2024) return 80;
  if (reportYear >= 2025 && reportYear <= 2029) return 100;
  return null;
}

export type ReportingState = 'open' | 'due_soon' | 'closed';

/** Days before 30 June from which the report is shown as due soon. */
export const DUE_SOON_DAYS = 30;

export interface Figures {
  examsHeld: number;
  studentsExamined: number;
  passed: number;
  /** Passed out of examined, percent; null when nobody was examined. */
  passRate: number | null;
  /** Count per grade label, per scale id (sessions may use different scales). */
  grades: Record<string, Record<string, number>>;
}

export interface SpecialtyFigures extends Figures {
  specialty: { code: string; name: Localized };
  qualification: { code: string; name: Localized };
}

export interface CollegeFigures extends Figures {
  collegeId: string;
  regionId: string;
  name?: Localized;
  /** Exams of the year that have ended but lack marks: the college must finish them first. */
  incompleteExams: number;
}

export interface AnnualReport {
  academicYear: string;
  /** 30 June of the year the academic year ends, YYYY-MM-DD. */
  deadline: string;
  state: ReportingState;
  daysLeft: number;
  totals: Figures;
  byRegion: (Figures & { regionId: string })[];
  byCollege: CollegeFigures[];
  bySpecialty: SpecialtyFigures[];
  collegeShare: {
    ran: number;
    total: number;
    percent: number | null;
    target: number | null;
    meetsTarget: boolean | null;
  };
}

function emptyFigures(): Figures {
  return { examsHeld: 0, studentsExamined: 0, passed: 0, passRate: null, grades: {} };
}

function add(figures: Figures, record: AnnualSessionRecord): void {
  figures.examsHeld += 1;
  figures.studentsExamined += record.summary.sat;
  figures.passed += record.summary.passed;
  figures.passRate =
    figures.studentsExamined === 0 ? null : percentOf(figures.passed, figures.studentsExamined);
  const grades = (figures.grades[record.gradeScaleId] ??= {});
  for (const { label, count } of record.summary.byGrade)
    grades[label] = (grades[label] ?? 0) + count;
}

function group<T extends Figures>(
  map: Map<string, T>,
  key: string,
  make: () => T,
  record: AnnualSessionRecord,
): void {
  let figures = map.get(key);
  if (!figures) map.set(key, (figures = make()));
  add(figures, record);
}

/** YYYY-MM-DD of an instant in Kazakhstan (UTC+5). */
function kazakhstanDate(instant: Date): string {
  return new Date(instant.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The report over `colleges` (the organiser's scope: one college, a region, or the country)
 * for one academic year, as of `now`. Sessions outside the year or the colleges are ignored.
 */
export function annualReport(
  academicYear: string,
  colleges: readonly CollegeRef[],
  sessions: readonly AnnualSessionRecord[],
  now: Date,
): AnnualReport {
  const reportYear = Number(academicYear.slice(5));
  const deadline = `${reportYear}-06-30`;
  const today = kazakhstanDate(now);
  const daysLeft = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
  const state: ReportingState =
    daysLeft < 0 ? 'closed' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'open';

  const inScope = new Map(colleges.map((college) => [college.id, college]));
  const ofYear = sessions.filter(
    (record) => record.academicYear === academicYear && inScope.has(record.collegeId),
  );
  const ended = ofYear.filter((record) => Date.parse(record.endsAt) <= now.getTime());
  const held = ended.filter((record) => record.summary.sat > 0);

  const totals = emptyFigures();
  const byRegion = new Map<string, Figures & { regionId: string }>();
  const byCollege = new Map<string, CollegeFigures>(
    colleges.map((college) => [
      college.id,
      {
        ...emptyFigures(),
        collegeId: college.id,
        regionId: college.regionId,
        ...(college.name ? { name: college.name } : {}),
        incompleteExams: 0,
      },
    ]),
  );
  const bySpecialty = new Map<string, SpecialtyFigures>();
  for (const record of held) {
    add(totals, record);
    const college = inScope.get(record.collegeId)!;
    group(
      byRegion,
      college.regionId,
      () => ({ ...emptyFigures(), regionId: college.regionId }),
      record,
    );
    add(byCollege.get(college.id)!, record);
    group(
      bySpecialty,
      `${record.specialty.code}|${record.qualification.code}`,
      () => ({
        ...emptyFigures(),
        specialty: record.specialty,
        qualification: record.qualification,
      }),
      record,
    );
  }
  for (const record of ended) {
    if (!record.complete) byCollege.get(record.collegeId)!.incompleteExams += 1;
  }

  const ran = [...byCollege.values()].filter((college) => college.examsHeld > 0).length;
  const percent = colleges.length === 0 ? null : percentOf(ran, colleges.length);
  const target = collegeShareTarget(reportYear);
  return {
    academicYear,
    deadline,
    state,
    daysLeft,
    totals,
    byRegion: [...byRegion.values()].sort((a, b) => a.regionId.localeCompare(b.regionId)),
    byCollege: [...byCollege.values()].sort((a, b) => a.collegeId.localeCompare(b.collegeId)),
    bySpecialty: [...bySpecialty.values()].sort((a, b) =>
      (a.qualification.code + a.specialty.code).localeCompare(
        b.qualification.code + b.specialty.code,
      ),
    ),
    collegeShare: {
      ran,
      total: colleges.length,
      percent,
      target,
      meetsTarget: percent === null || target === null ? null : percent >= target,
    },
  };
}
