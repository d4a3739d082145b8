import type { ExamSession, ExamSessionInput, GradeScaleId, MarkingScheme } from '@ashyq/shared';
import { fromLocalInput, parseGroups, toLocalInput } from './view';

/**
 * The session form's state: every field as the inputs hold it (text), and the conversion to and
 * from the API's session. Kept pure so the round trip is tested without a browser. The college's
 * name, BIN and region are not among them: the server prints the college's own record.
 */
export interface SessionDraft {
  academicYear: string;
  examType: 'intermediate' | 'final';
  specialtyCode: string;
  specialtyKk: string;
  specialtyRu: string;
  qualificationCode: string;
  qualificationKk: string;
  qualificationRu: string;
  groups: string;
  site: string;
  startsAt: string;
  endsAt: string;
  taskKk: string;
  taskRu: string;
  variants: string;
  protocolNumber: string;
  gradeScaleId: GradeScaleId;
  cPlusTraditional: '' | 'satisfactory' | 'good';
  passPercent: string;
  scheme: MarkingScheme | null;
}

/** The academic year running on `now`: September starts the next one. */
export function currentAcademicYear(now: Date): string {
  const year = now.getUTCFullYear();
  const first = now.getUTCMonth() >= 8 ? year : year - 1;
  return `${first}-${first + 1}`;
}

/**
 * The form after the start is typed: the academic year follows the exam's date (a June exam
 * belongs to the year ending then) until the officer types a year themselves.
 */
export function withStart(draft: SessionDraft, startsAt: string, yearTyped: boolean): SessionDraft {
  const start = Date.parse(fromLocalInput(startsAt));
  if (yearTyped || Number.isNaN(start)) return { ...draft, startsAt };
  return { ...draft, startsAt, academicYear: currentAcademicYear(new Date(start)) };
}

/** An empty form. */
export function emptyDraft(now: Date): SessionDraft {
  return {
    academicYear: currentAcademicYear(now),
    examType: 'final',
    specialtyCode: '',
    specialtyKk: '',
    specialtyRu: '',
    qualificationCode: '',
    qualificationKk: '',
    qualificationRu: '',
    groups: '',
    site: '',
    startsAt: '',
    endsAt: '',
    taskKk: '',
    taskRu: '',
    variants: '1',
    protocolNumber: '',
    gradeScaleId: 'kz-letter@2022',
    cPlusTraditional: '',
    passPercent: '',
    scheme: null,
  };
}

export function draftOf(session: ExamSession): SessionDraft {
  return {
    academicYear: session.academicYear,
    examType: session.examType,
    specialtyCode: session.specialty.code,
    specialtyKk: session.specialty.name.kk,
    specialtyRu: session.specialty.name.ru,
    qualificationCode: session.qualification.code,
    qualificationKk: session.qualification.name.kk,
    qualificationRu: session.qualification.name.ru,
    groups: session.groups.join(', '),
    site: session.site,
    startsAt: toLocalInput(session.startsAt),
    endsAt: toLocalInput(session.endsAt),
    taskKk: session.task.kk,
    taskRu: session.task.ru,
    variants: String(session.variants),
    protocolNumber: session.protocolNumber ?? '',
    gradeScaleId: session.gradeScaleId,
    cPlusTraditional: session.gradeSettings?.cPlusTraditional ?? '',
    passPercent:
      session.gradeSettings?.passPercent === undefined
        ? ''
        : String(session.gradeSettings.passPercent),
    scheme: session.scheme,
  };
}

/**
 * The body of a create or replace request. Values are sent as typed (numbers parsed, blanks
 * left out) so that the server's refusal names the field the officer has to fix.
 */
export function inputOf(draft: SessionDraft): Omit<
  ExamSessionInput,
  'id' | 'profileId' | 'commission' | 'students' | 'scheme' | 'college' | 'regionId'
> & {
  scheme: MarkingScheme | null;
} {
  const gradeSettings = {
    ...(draft.cPlusTraditional ? { cPlusTraditional: draft.cPlusTraditional } : {}),
    ...(draft.passPercent.trim() ? { passPercent: Number(draft.passPercent) } : {}),
  };
  return {
    academicYear: draft.academicYear.trim(),
    examType: draft.examType,
    specialty: {
      code: draft.specialtyCode.trim(),
      name: { kk: draft.specialtyKk, ru: draft.specialtyRu },
    },
    qualification: {
      code: draft.qualificationCode.trim(),
      name: { kk: draft.qualificationKk, ru: draft.qualificationRu },
    },
    groups: parseGroups(draft.groups),
    site: draft.site,
    startsAt: fromLocalInput(draft.startsAt),
    endsAt: fromLocalInput(draft.endsAt),
    task: { kk: draft.taskKk, ru: draft.taskRu },
    variants: Number(draft.variants),
    gradeScaleId: draft.gradeScaleId,
    ...(Object.keys(gradeSettings).length > 0 ? { gradeSettings } : {}),
    ...(draft.protocolNumber.trim() ? { protocolNumber: draft.protocolNumber.trim() } : {}),
    scheme: draft.scheme,
  };
}
