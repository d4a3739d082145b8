import { gradeFor, type Grade, type GradeOptions } from '../grades/scale';
import { getGradeScale } from '../grades/scales';
import { percentOf } from '../grades/percent';
import { namespaces } from '../i18n/index';
import { translate } from '../i18n/messages';
import { roundHalfUp } from '../scoring/rounding';
import { sessionMaxPoints, type ExamSession, type ExamStudent } from './session';

/**
 * A student's exam result (docs/demo-exams.md "Flow", step 5): points per criterion, total, percent of
 * max, grade, pass. Computed from what the session's competition runtime holds, so the protocol,
 * the statement and the NOBD export all read one computation.
 */

/** Absent: did not come; removed: sent off the exam (the runtime's `withdrawn`). */
export type ExamAttendance = 'present' | 'absent' | 'removed';
/**
 * `unmarked`: present, but not every aspect is marked yet. Never `fail`: a student the commission
 * has not finished marking has no grade, whatever the points so far.
 */
export type ExamOutcome = 'pass' | 'fail' | 'absent' | 'removed' | 'unmarked';

/** What the marking runtime says about one student. */
export interface MarkedStudent {
  studentId: string;
  attendance: ExamAttendance;
  /** Rounded points by criterion id (A, B, ...); missing criteria count as 0. */
  criteria: Readonly<Record<string, number>>;
  /** Rounded total. */
  total: number;
  /** Aspects marked out of the scheme's aspects. */
  progress?: { marked: number; total: number };
  /** Why an absent or removed student is so, as recorded with the status. */
  attendanceReason?: string;
}

export interface StudentResult {
  student: ExamStudent;
  attendance: ExamAttendance;
  criteria: Record<string, number>;
  total: number;
  maxPoints: number;
  /** Null for absent and removed students; for unmarked ones, the percent so far (provisional). */
  percent: number | null;
  /** Null for absent, removed and unmarked students: they get no grade. */
  grade: Grade | null;
  outcome: ExamOutcome;
  /** Whether every aspect is marked; documents print provisional results as such. */
  complete: boolean;
  /**
   * The result may be signed and exported: every aspect marked, or absent/removed with a reason.
   * A session's protocol and statement are drafts while any result is not final.
   */
  final: boolean;
  /** Absent or removed: the reason recorded with the status, when one was given. */
  attendanceReason?: string;
}

export function gradeOptionsOf(session: Pick<ExamSession, 'gradeSettings'>): GradeOptions {
  const { cPlusTraditional, passPercent } = session.gradeSettings ?? {};
  return {
    ...(cPlusTraditional ? { settings: { cPlusTraditional } } : {}),
    ...(passPercent === undefined ? {} : { passPercent }),
  };
}

/**
 * Every student of the session in row order (group, then name, as the protocol lists them),
 * with a result; a student the runtime does not know yet has no marks (0 points, incomplete).
 */
export function studentResults(
  session: Pick<ExamSession, 'students' | 'scheme' | 'gradeScaleId' | 'gradeSettings'>,
  marked: readonly MarkedStudent[],
): StudentResult[] {
  const scale = getGradeScale(session.gradeScaleId);
  const options = gradeOptionsOf(session);
  const maxPoints = sessionMaxPoints(session);
  const byId = new Map(marked.map((entry) => [entry.studentId, entry]));
  return orderedStudents(session.students).map((student) => {
    const entry = byId.get(student.id);
    const attendance = entry?.attendance ?? 'present';
    const criteria = Object.fromEntries(
      session.scheme.criteria.map((criterion) => [
        criterion.id,
        entry?.criteria[criterion.id] ?? 0,
      ]),
    );
    const total = entry?.total ?? 0;
    const complete = entry?.progress ? entry.progress.marked >= entry.progress.total : false;
    if (attendance !== 'present') {
      return {
        student,
        attendance,
        criteria,
        total,
        maxPoints,
        percent: null,
        grade: null,
        outcome: attendance,
        complete,
        final: Boolean(entry?.attendanceReason?.trim()),
        ...(entry?.attendanceReason ? { attendanceReason: entry.attendanceReason } : {}),
      };
    }
    const percent = percentOf(total, maxPoints);
    const grade = complete ? gradeFor(scale, percent, options) : null;
    return {
      student,
      attendance,
      criteria,
      total,
      maxPoints,
      percent,
      grade,
      outcome: grade ? (grade.pass ? 'pass' : 'fail') : 'unmarked',
      complete,
      final: complete,
    };
  });
}

/** Protocol order: by group, then by full name in Kazakh/Russian collation. */
export function orderedStudents(students: readonly ExamStudent[]): ExamStudent[] {
  const collator = new Intl.Collator('ru');
  const nameOf = (s: ExamStudent) => [s.name.last, s.name.first, s.name.middle ?? ''].join(' ');
  return [...students].sort(
    (a, b) => collator.compare(a.group, b.group) || collator.compare(nameOf(a), nameOf(b)),
  );
}

export interface ExamSummary {
  admitted: number;
  sat: number;
  /** Sat but not every aspect marked yet: neither passed nor failed (documents omit a 0). */
  unmarked: number;
  absent: number;
  removed: number;
  passed: number;
  failed: number;
  /** Students per grade label, in the scale's order (highest first), zeros included. */
  byGrade: { label: string; count: number }[];
  /** Mean total and percent of those who sat; null when nobody sat. */
  averagePoints: number | null;
  averagePercent: number | null;
  /** Passed out of those who sat, in percent; null when nobody sat. */
  passRate: number | null;
}

/** The protocol's summary block over a list of results (a group or the whole session). */
export function summarize(
  session: Pick<ExamSession, 'gradeScaleId'>,
  results: readonly StudentResult[],
): ExamSummary {
  const scale = getGradeScale(session.gradeScaleId);
  const sat = results.filter((result) => result.attendance === 'present');
  const passed = sat.filter((result) => result.outcome === 'pass').length;
  const unmarked = sat.filter((result) => result.outcome === 'unmarked').length;
  const mean = (values: number[]) =>
    values.length === 0 ? null : roundHalfUp(values.reduce((a, b) => a + b, 0) / values.length, 2);
  return {
    admitted: results.length,
    sat: sat.length,
    unmarked,
    absent: results.filter((result) => result.attendance === 'absent').length,
    removed: results.filter((result) => result.attendance === 'removed').length,
    passed,
    failed: sat.length - passed - unmarked,
    byGrade: scale.bands.map((band) => ({
      label: band.label,
      count: sat.filter((result) => result.grade?.label === band.label).length,
    })),
    averagePoints: mean(sat.map((result) => result.total)),
    averagePercent: mean(sat.map((result) => result.percent!)),
    passRate: sat.length === 0 ? null : percentOf(passed, sat.length),
  };
}

/** Whether every result is final, so the documents may be issued and the results exported. */
export function allFinal(results: readonly Pick<StudentResult, 'final'>[]): boolean {
  return results.every((result) => result.final);
}

/** The traditional grade, or the outcome of an absent/removed student, in kk or ru. */
export function traditionalText(result: StudentResult, lang: 'kk' | 'ru' | 'en'): string {
  const dict = namespaces.grades[lang];
  if (!result.grade) return translate(dict, `result.${result.outcome}`);
  return translate(dict, `traditional.${result.grade.traditional}`);
}

export function outcomeText(result: StudentResult, lang: 'kk' | 'ru' | 'en'): string {
  return translate(namespaces.grades[lang], `result.${result.outcome}`);
}
