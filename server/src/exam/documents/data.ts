import {
  fullName,
  getGradeScale,
  maskIin,
  sessionMaxPoints,
  summarize,
  type ExamSession,
  type ExamSummary,
  type Localized,
  type MarkValue,
  type StudentResult,
} from '@ashyq/shared';
import type { CompetitionRuntime } from '../../competitions/runtime';
import type { JsonObject } from '../../events/canonical-json';

/**
 * What the protocol, statement and individual result sheet print, as plain JSON built from the
 * session and its results only. The verification registry hashes it at issue and rebuilds it from
 * the records when a QR code is scanned, so nothing here may depend on the time of printing.
 * Texts stay as codes (grades, outcomes, roles); the renderers translate them.
 */

export interface SessionHeader {
  sessionId: string;
  number: string;
  /** The exam day, YYYY-MM-DD in Kazakhstan. */
  date: string;
  examType: string;
  college: { name: Localized; bin: string };
  regionId: string;
  academicYear: string;
  specialty: { code: string; name: Localized };
  qualification: { code: string; name: Localized };
  task: Localized;
  site: string;
  startsAt: string;
  endsAt: string;
  gradeScaleId: string;
  scaleVerified: boolean;
  cPlusTraditional: string | null;
  passPercent: number | null;
  maxPoints: number;
  criteria: { id: string; name: string; max: number }[];
}

export interface ResultRow {
  n: number;
  studentId: string;
  name: string;
  iin: string;
  group: string;
  variant: string;
  criteria: Record<string, number>;
  total: number | null;
  percent: number | null;
  letter: string | null;
  gpa: number | null;
  traditional: string | null;
  outcome: string;
  complete: boolean;
  /** Absent or removed with a reason; left out otherwise, so earlier documents keep their hash. */
  attendanceReason?: string;
}

export interface CommissionLine {
  role: string;
  name: string;
  employer: string;
  certificate: string | null;
  marks: boolean;
}

/** Protocol and statement of one group (or the whole session when `group` is null). */
export interface GroupDocument {
  header: SessionHeader;
  group: string | null;
  commission: CommissionLine[];
  rows: ResultRow[];
  summary: ExamSummary;
}

export interface AspectLine {
  code: string;
  type: 'M' | 'J';
  description: string;
  max: number;
  /** Judgement: every judge's score, by judge; measurement: null. */
  scores: number[] | null;
  /** Measurement: what was measured or chosen, as printed; judgement: null. */
  measured: string | null;
  mark: number | null;
}

export interface ResultSheet {
  header: SessionHeader;
  row: ResultRow;
  aspects: AspectLine[];
  commission: CommissionLine[];
}

/** The date of an instant in Kazakhstan (UTC+5). */
function localDate(iso: string): string {
  return new Date(Date.parse(iso) + 5 * 3_600_000).toISOString().slice(0, 10);
}

export function sessionHeader(session: ExamSession): SessionHeader {
  const scale = getGradeScale(session.gradeScaleId);
  return {
    sessionId: session.id,
    number: session.protocolNumber ?? session.id,
    date: localDate(session.startsAt),
    examType: session.examType,
    college: {
      name: { kk: session.college.name.kk, ru: session.college.name.ru },
      bin: session.college.bin,
    },
    regionId: session.regionId,
    academicYear: session.academicYear,
    specialty: { code: session.specialty.code, name: pick(session.specialty.name) },
    qualification: { code: session.qualification.code, name: pick(session.qualification.name) },
    task: pick(session.task),
    site: session.site,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    gradeScaleId: scale.id,
    scaleVerified: scale.verified,
    cPlusTraditional: session.gradeSettings?.cPlusTraditional ?? null,
    passPercent: session.gradeSettings?.passPercent ?? null,
    maxPoints: sessionMaxPoints(session),
    criteria: session.scheme.criteria.map((criterion) => ({
      id: criterion.id,
      name: criterion.name,
      max: criterion.maxMark,
    })),
  };
}

/** kk and ru only: documents print in those two, and `en` must not change their hash. */
function pick(text: Localized): Localized {
  return { kk: text.kk, ru: text.ru };
}

function resultRow(result: StudentResult, n: number): ResultRow {
  const present = result.attendance === 'present';
  return {
    n,
    studentId: result.student.id,
    name: fullName(result.student.name),
    iin: result.student.iin,
    group: result.student.group,
    variant: result.student.variant ?? '',
    criteria: result.criteria,
    total: present ? result.total : null,
    percent: result.percent,
    letter: result.grade?.label ?? null,
    gpa: result.grade?.gpa ?? null,
    traditional: result.grade?.traditional ?? null,
    outcome: result.outcome,
    complete: result.complete,
    ...(result.attendanceReason ? { attendanceReason: result.attendanceReason } : {}),
  };
}

function commissionLines(session: ExamSession): CommissionLine[] {
  return session.commission.map((member) => ({
    role: member.role,
    name: fullName(member.name),
    employer: member.employer,
    certificate: member.certificate ?? null,
    marks: member.marks,
  }));
}

export function groupDocument(
  session: ExamSession,
  results: readonly StudentResult[],
  group: string | null,
): GroupDocument {
  const ofGroup = results.filter((result) => group === null || result.student.group === group);
  return {
    header: sessionHeader(session),
    group,
    commission: commissionLines(session),
    rows: ofGroup.map((result, index) => resultRow(result, index + 1)),
    summary: documentSummary(summarize(session, ofGroup)),
  };
}

/**
 * The summary as documents hash it: `unmarked` only when some student is, so a protocol issued
 * before that count existed (all results final) still verifies against its rebuilt content.
 */
function documentSummary(summary: ExamSummary): ExamSummary {
  if (summary.unmarked > 0) return summary;
  const { unmarked: _unmarked, ...rest } = summary;
  return rest as ExamSummary;
}

function measuredText(value: MarkValue, options: readonly { label: string }[] | undefined) {
  switch (value.kind) {
    case 'binary':
      return value.achieved ? '1' : '0';
    case 'deduction':
      return String(value.measured);
    case 'choice':
      return options?.[value.option]?.label ?? String(value.option);
    case 'judgement':
      return String(value.score);
  }
}

/** One student's sheet: each aspect with each judge's score or the measured value, and the mark. */
export function resultSheet(
  session: ExamSession,
  results: readonly StudentResult[],
  runtime: CompetitionRuntime,
  studentId: string,
): ResultSheet | undefined {
  const index = results.findIndex((result) => result.student.id === studentId);
  if (index < 0) return undefined;
  const scoring = runtime.state.scoring;
  const aspects = session.scheme.criteria.flatMap((criterion) =>
    criterion.subCriteria.flatMap((sub) =>
      sub.aspects.map((aspect): AspectLine => {
        const state = scoring.aspectState(studentId, aspect.code);
        const current = [...(state?.current ?? [])].sort((a, b) =>
          a.expert.localeCompare(b.expert),
        );
        const judged = aspect.type === 'J';
        const options =
          aspect.measurement?.kind === 'choice' ? aspect.measurement.options : undefined;
        return {
          code: aspect.code,
          type: aspect.type,
          description: aspect.description,
          max: aspect.maxMark,
          scores: judged
            ? current.map((record) => (record.value.kind === 'judgement' ? record.value.score : 0))
            : null,
          measured: !judged && current[0] ? measuredText(current[0].value, options) : null,
          mark: state?.mark ?? null,
        };
      }),
    ),
  );
  return {
    header: sessionHeader(session),
    row: resultRow(results[index]!, index + 1),
    aspects,
    commission: commissionLines(session),
  };
}

export function asJson(value: object): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

/** What /verify shows: names with masked IINs and the figures, never a full IIN. */
export function publicRows(rows: readonly ResultRow[]) {
  return rows.map((row) => ({
    name: row.name,
    iin: maskIin(row.iin),
    total: row.total,
    percent: row.percent,
    letter: row.letter,
    outcome: row.outcome,
  }));
}
