import { z } from 'zod';
import { idSchema, localizedSchema, nameTextSchema, personNameSchema } from '../domain/entities';
import { gradeScaleIdSchema } from '../grades/scales';
import { traditionalGradeSchema } from '../grades/scale';
import { binSchema } from '../identifiers/bin';
import { iinSchema } from '../identifiers/iin';
import { addReasonIssue } from '../identifiers/localized-issue';
import { specialtyQualificationSchema } from '../reference/classifier';
import { regionIdSchema } from '../reference/regions';
import { markingSchemeSchema } from '../scheme/schema';
import { schemeMaxima } from '../scoring/totals';

/**
 * A demo exam session (docs/demo-exams.md): one college's intermediate or final attestation
 * of one qualification, its commission and its students. This is the stored shape; the exam
 * officer's API takes the same object without the server-owned fields (`examSessionInputSchema`).
 * Marks live in the session's competition runtime (same id), not here.
 */

export const examTypes = ['intermediate', 'final'] as const;
export const examTypeSchema = z.enum(examTypes);
export type ExamType = z.infer<typeof examTypeSchema>;

/** Chair and secretary organise; chief expert and experts mark; the technical expert equips. */
export const commissionRoles = [
  'chair',
  'chief',
  'expert',
  'employer-expert',
  'technical',
  'secretary',
] as const;
export const commissionRoleSchema = z.enum(commissionRoles);
export type CommissionRole = z.infer<typeof commissionRoleSchema>;

/** The roles that may enter marks; the others sign the protocol only. */
export const markingRoles: readonly CommissionRole[] = ['chief', 'expert', 'employer-expert'];

export const academicYearSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'academic year like 2025-2026')
  .refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, {
    message: 'the second year must follow the first',
  });

/** A site, an employer, a group: names, so with none of the characters text.ts refuses. */
const textSchema = nameTextSchema(300);
const groupSchema = nameTextSchema(40);

export const commissionMemberSchema = z.object({
  id: idSchema,
  name: personNameSchema,
  iin: iinSchema,
  role: commissionRoleSchema,
  employer: textSchema,
  certificate: z.string().trim().max(100).optional(),
  /** Set for staff of a college; staff of the exam's own college never mark. */
  collegeId: idSchema.optional(),
  /** Whether the member enters marks on a tablet. */
  marks: z.boolean(),
});
export type CommissionMember = z.infer<typeof commissionMemberSchema>;

export const examStudentSchema = z.object({
  id: idSchema,
  name: personNameSchema,
  iin: iinSchema,
  group: groupSchema,
  /** Task variant as the college numbers it; numbers in older records are read as text. */
  variant: z.preprocess(
    (value) => (typeof value === 'number' ? String(value) : value),
    z.string().trim().max(20).optional(),
  ),
});
export type ExamStudent = z.infer<typeof examStudentSchema>;

/**
 * Whether a student's task variant is one the session has: colleges number the variants of a
 * task 1 to `variants` (a leading zero as Excel keeps it is the same variant). Checked where
 * students come in (the import), not on the stored shape: sessions saved before the check may
 * hold other variants and must still load.
 */
export function isSessionVariant(variant: string, variants: number): boolean {
  if (!/^\d{1,3}$/.test(variant.trim())) return false;
  const number = Number(variant);
  return number >= 1 && number <= variants;
}

export const gradeSettingsSchema = z.object({
  /** Traditional grade printed for C+ on the letter scale (sources disagree). */
  cPlusTraditional: traditionalGradeSchema.extract(['satisfactory', 'good']).optional(),
  /** Pass threshold in percent of max points, when the college sets its own. */
  passPercent: z.number().min(0).max(100).optional(),
});
export type GradeSettings = z.infer<typeof gradeSettingsSchema>;

const dateTimeSchema = z.iso.datetime({ offset: true });

const sessionFields = z.object({
  id: idSchema,
  /** The college holding the exam: the exam officer's scope. */
  collegeId: idSchema,
  /** As printed on the documents: kept with the session so old protocols do not change. */
  college: z.object({ name: localizedSchema, bin: binSchema }),
  regionId: regionIdSchema,
  academicYear: academicYearSchema,
  examType: examTypeSchema,
  specialty: z.object({ code: z.string(), name: localizedSchema }),
  qualification: z.object({ code: z.string(), name: localizedSchema }),
  groups: z.array(groupSchema).min(1).max(200),
  site: textSchema,
  startsAt: dateTimeSchema,
  endsAt: dateTimeSchema,
  task: localizedSchema,
  variants: z.number().int().min(1).max(50),
  scheme: markingSchemeSchema,
  profileId: z.literal('kz-demo-exam@2022'),
  gradeScaleId: gradeScaleIdSchema,
  gradeSettings: gradeSettingsSchema.optional(),
  /** Protocol number as the college registers it; the session id when not given. */
  protocolNumber: z.string().trim().min(1).max(40).optional(),
  commission: z.array(commissionMemberSchema).max(40),
  students: z.array(examStudentSchema).max(5000),
});

type SessionFields = z.infer<typeof sessionFields>;

/**
 * Rules across fields: the specialty owns the qualification, the exam ends after it starts,
 * students belong to the session's groups, ids and IINs are unique, and the commission obeys
 * the independence rule of docs/scoring.md: no staff of the exam's own college among the markers,
 * one chair and one chief expert (who both must be independent as well).
 */
function checkSession(session: SessionFields, ctx: z.core.$RefinementCtx<SessionFields>): void {
  const codes = specialtyQualificationSchema.safeParse({
    specialty: session.specialty.code,
    qualification: session.qualification.code,
  });
  if (!codes.success) {
    for (const issue of codes.error.issues) {
      ctx.addIssue({ ...issue, path: [issue.path[0] as string, 'code', ...issue.path.slice(1)] });
    }
  }
  if (Date.parse(session.endsAt) <= Date.parse(session.startsAt)) {
    reason(ctx, 'ends_before_start', ['endsAt']);
  }
  const groups = new Set(session.groups);
  session.students.forEach((student, index) => {
    if (!groups.has(student.group)) {
      reason(ctx, 'unknown_group', ['students', index, 'group'], { group: student.group });
    }
  });
  checkUnique(ctx, 'students', session.students);
  checkUnique(ctx, 'commission', session.commission);
  const studentIins = new Set(session.students.map((student) => student.iin));
  session.commission.forEach((member, index) => {
    const path = ['commission', index];
    if (member.marks && !markingRoles.includes(member.role)) {
      reason(ctx, 'role_does_not_mark', [...path, 'marks'], { role: member.role });
    }
    const ownStaff = member.collegeId === session.collegeId;
    if (ownStaff && (member.marks || member.role === 'chair' || member.role === 'chief')) {
      reason(ctx, 'not_independent', [...path, 'collegeId'], { role: member.role });
    }
    if (studentIins.has(member.iin)) reason(ctx, 'member_is_student', [...path, 'iin']);
  });
  for (const role of ['chair', 'chief'] as const) {
    const count = session.commission.filter((member) => member.role === role).length;
    if (session.commission.length > 0 && count !== 1) {
      reason(ctx, 'one_per_role', ['commission'], { role, count });
    }
  }
}

function checkUnique(
  ctx: z.core.$RefinementCtx<SessionFields>,
  list: 'students' | 'commission',
  people: readonly { id: string; iin: string }[],
): void {
  for (const key of ['id', 'iin'] as const) {
    const seen = new Map<string, number>();
    people.forEach((person, index) => {
      const first = seen.get(person[key]);
      if (first === undefined) seen.set(person[key], index);
      else reason(ctx, `duplicate_${key}`, [list, index, key], { row: first + 1 });
    });
  }
}

function reason(
  ctx: z.core.$RefinementCtx<SessionFields>,
  code: string,
  path: PropertyKey[],
  values: Record<string, string | number> = {},
): void {
  addReasonIssue(
    ctx,
    { ok: false, reason: code, ...values },
    {
      namespace: 'exam',
      keyPrefix: 'invalid',
      input: undefined,
      path,
    },
  );
}

export const examSessionSchema = sessionFields.superRefine(checkSession);
export type ExamSession = z.infer<typeof examSessionSchema>;

/**
 * What the exam officer sends to create or replace a session; the server sets the rest. The
 * college's printed name, BIN and region are the college's record (`sessionIssuer`): a request
 * may leave them out, and one that gives them must give the college's own.
 */
export const examSessionInputSchema = sessionFields
  .omit({ collegeId: true, profileId: true, commission: true, students: true })
  .extend({
    college: sessionFields.shape.college.optional(),
    regionId: sessionFields.shape.regionId.optional(),
    profileId: sessionFields.shape.profileId.default('kz-demo-exam@2022'),
    commission: sessionFields.shape.commission.default([]),
    students: sessionFields.shape.students.default([]),
  });
export type ExamSessionInput = z.infer<typeof examSessionInputSchema>;

/** The maximum points of the session: every aspect at full marks, rounded like every total. */
export function sessionMaxPoints(session: Pick<ExamSession, 'scheme'>): number {
  return schemeMaxima(session.scheme).total;
}
