import { z } from 'zod';
import { idSchema } from '../domain/entities';
import type { SchemeReport } from '../scheme/analysis';
import type { MarkingScheme } from '../scheme/schema';
import type { SchemeWarning, WorkbookReading } from '../scheme/reading';
import type { AnnualReport } from '../exam/annual-report';
import type { NobdTemplate } from '../exam/nobd';
import { regionIdSchema } from '../reference/regions';
import type { SessionIssuer } from '../exam/issuer';
import type { StudentResult } from '../exam/results';
import {
  academicYearSchema,
  commissionMemberSchema,
  examSessionInputSchema,
  type ExamSession,
  type ExamStudent,
} from '../exam/session';

/**
 * The exam office's API (`/api/exam/*`): what each request may carry (the server parses with
 * these schemas) and what each reply holds (the server checks with `satisfies`).
 */

/** POST /api/exam/sessions: the college defaults to the caller's own. */
export const examSessionCreateSchema = examSessionInputSchema
  .omit({ id: true })
  .extend({ collegeId: idSchema.optional() })
  .strict();
export type ExamSessionCreate = z.input<typeof examSessionCreateSchema>;

/** PUT /api/exam/sessions/:id: the session's details; commission and students have their own routes. */
export const examSessionReplaceSchema = examSessionInputSchema
  .omit({ id: true, commission: true, students: true })
  .strict();
export type ExamSessionReplace = z.input<typeof examSessionReplaceSchema>;

/** PUT /api/exam/sessions/:id/commission: members without an id are new. */
export const examCommissionInputSchema = z.strictObject({
  members: z.array(commissionMemberSchema.extend({ id: idSchema.optional() }).strict()).max(40),
});
export type ExamCommissionInput = z.input<typeof examCommissionInputSchema>;

/** PUT /api/exam/sessions/:id/students/:studentId/attendance. */
export const examAttendanceInputSchema = z.strictObject({
  attendance: z.enum(['present', 'absent', 'removed']),
  reason: z.string().trim().min(1).max(300).optional(),
});
export type ExamAttendanceInput = z.input<typeof examAttendanceInputSchema>;

/** A session in a list: what the exam officer picks a session by. */
export type ListedExamSession = Omit<ExamSession, 'scheme' | 'commission' | 'students'> & {
  commissionSize: number;
  studentCount: number;
};

/** GET /api/exam/sessions. */
export interface ExamSessionsReply {
  sessions: ListedExamSession[];
}
/** GET, PUT /api/exam/sessions/:id and the commission's PUT: the session at its store version. */
export interface ExamSessionReply {
  session: ExamSession;
  version: number;
}
/** GET /api/exam/college: the college whose sessions the caller creates, as documents print it. */
export type ExamCollegeReply = SessionIssuer & { collegeId: string };

/** One located problem of an uploaded list (a warning the import still accepted). */
export interface ImportWarning {
  path: string;
  message: string;
  code?: string;
}

/** POST /api/exam/sessions/:id/students/import. */
export interface ExamStudentImportReply {
  imported: number;
  students: ExamStudent[];
  warnings: ImportWarning[];
  version: number;
}
/** GET /api/exam/sessions/:id/results. */
export interface ExamResultsReply {
  results: StudentResult[];
}
/** The attendance reply: the student's result as it stands now. */
export interface ExamAttendanceReply {
  result: StudentResult | undefined;
}
/** POST /api/exam/sessions/:id/commission/:memberId/credential: shown once. */
export interface ExamCredentialReply {
  memberId: string;
  role: 'chief' | 'expert';
  pin: string;
  linkToken: string;
  link: string;
  qrSvg: string;
}

/** GET and PUT /api/exam/nobd-template (`?collegeId=` for an organiser above one college). */
export interface NobdTemplateReply {
  collegeId: string;
  template: NobdTemplate;
}

/** One export of personal data as the log keeps it: a NOBD file or a document with IINs. */
export interface ExamExportRecord {
  id: string;
  /** Records from before documents were logged have none: they are NOBD exports. */
  kind?: 'nobd' | 'protocol' | 'statement' | 'result-sheets' | 'result-sheet';
  format: 'csv' | 'xlsx' | 'pdf';
  /** The NOBD template the export followed. */
  templateId?: string;
  /** A document's language and group (null: the whole session). */
  language?: 'kk' | 'ru';
  group?: string | null;
  /** Students in it. */
  rows: number;
  by: { userId: string; name: string; email: string };
  at: string;
}
/** GET /api/exam/sessions/:id/exports. */
export interface ExamExportsReply {
  exports: ExamExportRecord[];
}

/** GET /api/exam/report (and report.xlsx): the colleges in the caller's scope, narrowed. */
export const annualReportQuerySchema = z.object({
  academicYear: academicYearSchema,
  regionId: regionIdSchema.optional(),
  collegeId: idSchema.optional(),
});
export type AnnualReportQuery = z.input<typeof annualReportQuerySchema>;
export interface AnnualReportReply {
  report: AnnualReport;
}

/** POST /api/exam/scheme/import (the CIS workbook as the body): read and checked, not stored. */
export interface ExamSchemeImportReply {
  scheme: MarkingScheme;
  report: SchemeReport;
  reading: WorkbookReading;
  warnings: SchemeWarning[];
}
