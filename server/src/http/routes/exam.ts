import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  examAttendanceInputSchema,
  examCommissionInputSchema,
  examSessionCreateSchema,
  examSessionReplaceSchema,
  type ExamAttendanceReply,
  type ExamCollegeReply,
  type ExamCredentialReply,
  type ExamResultsReply,
  type ExamSessionReply,
  type ExamSessionsReply,
  type ExamStudentImportReply,
  type ListedExamSession,
  examSessionSchema,
  idSchema,
  markingRoles,
  type ExamSession,
} from '@ashyq/shared';
import { scopeCovers } from '../../auth/access';
import { requireCollegeScope, requireOrganiser } from '../../auth/middleware';
import type { ExamService } from '../../exam/service';
import type { Services } from '../../services';
import { command } from '../competition-access';
import { ApiError, languageOf, parse } from '../errors';
import {
  importIssueDetails,
  organiserOf,
  rawUpload,
  requireTableFile,
  uploadedBytes,
} from './registration-support';
import { signInLinkQr } from './chief-qr';
import { collegeFor, examRefusal, issuerOf, ownIssuer } from '../../exam/issuer';
import { examDocumentRoutes } from './exam-documents';
import { examExportRoutes } from './exam-exports';

/**
 * The exam officer's API (role exam-officer, scope: their college; organisers covering the
 * college too): sessions, commission, students, results. Exports are in exam-exports.ts.
 */

export const examRoles = ['exam-officer', 'organiser'] as const;

const sessionParams = z.object({ sessionId: idSchema });
const studentParams = sessionParams.extend({ studentId: idSchema });
const memberParams = sessionParams.extend({ memberId: idSchema });
const collegeQuery = z.strictObject({ collegeId: idSchema.optional() });
/** Parses the whole session after a change, so cross-field rules report on the new state. */
function checked(session: unknown): ExamSession {
  return parse(examSessionSchema, session, 'body');
}

export function sessionCollege(exams: ExamService): (req: Request) => Promise<string | undefined> {
  return async (req) => {
    const id = req.params.sessionId;
    if (typeof id !== 'string') return undefined;
    return (await exams.sessions.get(id))?.session.collegeId;
  };
}

export function examRoutes(
  services: Pick<Services, 'accounts' | 'config' | 'documents'>,
  exams: ExamService,
): Router {
  const router = Router();
  const inSession: RequestHandler = requireCollegeScope(sessionCollege(exams), [...examRoles]);
  const officer = requireOrganiser([...examRoles]);
  const base = '/api/exam/sessions/:sessionId';
  const actor = (req: Request) => organiserOf(req).id;

  router.get('/api/exam/sessions', officer, async (req, res) => {
    const { scope } = organiserOf(req);
    const all = await exams.sessions.list(scope.kind === 'college' ? scope.collegeId : undefined);
    const visible = all.filter((session) => scopeCovers(scope, { collegeId: session.collegeId }));
    res.json({ sessions: visible.map(listed) } satisfies ExamSessionsReply);
  });

  /** The college whose sessions the caller creates, and what their documents will print. */
  router.get('/api/exam/college', officer, async (req, res) => {
    const { collegeId: given } = parse(collegeQuery, req.query, 'query');
    const collegeId = await collegeFor(exams, organiserOf(req), given);
    res.json({ collegeId, ...(await issuerOf(exams, collegeId)) } satisfies ExamCollegeReply);
  });

  router.post('/api/exam/sessions', officer, async (req, res) => {
    const account = organiserOf(req);
    const {
      collegeId: given,
      college,
      regionId,
      ...input
    } = parse(examSessionCreateSchema, req.body, 'body');
    const collegeId = await collegeFor(exams, account, given);
    const issuer = ownIssuer(await issuerOf(exams, collegeId), { college, regionId });
    const session = checked({ ...input, ...issuer, id: randomUUID(), collegeId });
    const version = await exams.sessions.put(session, 0);
    await exams.sync(session, account.id);
    res.status(201).json({ session, version } satisfies ExamSessionReply);
  });

  router.get(base, inSession, async (req, res) => {
    const { sessionId } = parse(sessionParams, req.params, 'params');
    res.json((await exams.sessions.require(sessionId)) satisfies ExamSessionReply);
  });

  router.put(base, inSession, async (req, res) => {
    const { sessionId } = parse(sessionParams, req.params, 'params');
    const { college, regionId, ...input } = parse(examSessionReplaceSchema, req.body, 'body');
    const found = await exams.sessions.require(sessionId);
    // The issuer is the college's record as it stands now, whatever the stored copy says.
    const issuer = ownIssuer(await issuerOf(exams, found.session.collegeId), { college, regionId });
    const next = checked({ ...found.session, ...input, ...issuer });
    res.json((await exams.replace(found, next, actor(req))) satisfies ExamSessionReply);
  });

  /**
   * Deletes a session before its first mark: its sign-ins end and its personal data goes, for
   * every role; its closed log and a record of the deletion stay for an audit (ExamService.delete).
   */
  router.delete(base, inSession, async (req, res) => {
    const { sessionId } = parse(sessionParams, req.params, 'params');
    const found = await exams.sessions.require(sessionId);
    await exams.delete(found, actor(req), services.accounts, () =>
      examRefusal('conflict', 'sessionId', 'session_has_marks'),
    );
    res.status(204).end();
  });

  router.put(`${base}/commission`, inSession, async (req, res) => {
    const { sessionId } = parse(sessionParams, req.params, 'params');
    const { members } = parse(examCommissionInputSchema, req.body, 'body');
    const found = await exams.sessions.require(sessionId);
    const commission = members.map((member) => ({ ...member, id: member.id ?? randomUUID() }));
    const next = checked({ ...found.session, commission });
    res.json((await exams.save(found, next, actor(req))) satisfies ExamSessionReply);
  });

  /**
   * A marking member's tablet PIN and sign-in link with its QR code, shown once; issuing again
   * revokes the earlier ones. The QR comes with them: an exam officer holds no chief role, so the
   * chief's QR route would refuse them.
   */
  router.post(`${base}/commission/:memberId/credential`, inSession, async (req, res) => {
    const { sessionId, memberId } = parse(memberParams, req.params, 'params');
    const { session } = await exams.sessions.require(sessionId);
    const member = session.commission.find((candidate) => candidate.id === memberId);
    if (!member) throw new ApiError('not_found');
    if (!member.marks || !markingRoles.includes(member.role)) {
      throw examRefusal('conflict', 'memberId', 'role_does_not_mark', { role: member.role });
    }
    await exams.runtimeOf(session);
    const role = member.role === 'chief' ? 'chief' : 'expert';
    const issued = await services.accounts.issueCredential(sessionId, memberId, role, {
      kind: 'user',
      userId: actor(req),
    });
    const { link, svg } = await signInLinkQr(services.config.publicUrl, issued.linkToken);
    res
      .status(201)
      .set('cache-control', 'no-store')
      .json({
        memberId,
        role,
        pin: issued.pin,
        linkToken: issued.linkToken,
        link,
        qrSvg: svg,
      } satisfies ExamCredentialReply);
  });

  router.post(`${base}/students/import`, inSession, rawUpload, async (req, res) => {
    const { sessionId } = parse(sessionParams, req.params, 'params');
    const data = uploadedBytes(req);
    requireTableFile(data);
    const found = await exams.sessions.require(sessionId);
    const { students, warnings, version } = await exams.importStudents(found, data, actor(req));
    res.status(201).json({
      imported: students.length,
      students,
      warnings: importIssueDetails(warnings, languageOf(req)),
      version,
    } satisfies ExamStudentImportReply);
  });

  router.get(`${base}/results`, inSession, async (req, res) => {
    const { sessionId } = parse(sessionParams, req.params, 'params');
    const { session } = await exams.sessions.require(sessionId);
    res.json({ results: await exams.results(session) } satisfies ExamResultsReply);
  });

  router.put(`${base}/students/:studentId/attendance`, inSession, async (req, res) => {
    const { sessionId, studentId } = parse(studentParams, req.params, 'params');
    const { attendance, reason } = parse(examAttendanceInputSchema, req.body, 'body');
    const { session } = await exams.sessions.require(sessionId);
    if (!session.students.some((student) => student.id === studentId)) {
      throw new ApiError('not_found');
    }
    const runtime = await exams.runtimeOf(session);
    const status =
      attendance === 'absent' ? 'absent' : attendance === 'removed' ? 'withdrawn' : 'active';
    await command(() => runtime.setCompetitorStatus(actor(req), studentId, status, reason));
    const results = await exams.results(session);
    res.json({
      result: results.find((result) => result.student.id === studentId),
    } satisfies ExamAttendanceReply);
  });

  router.use(examExportRoutes(exams, inSession));
  router.use(examDocumentRoutes(services, exams, inSession));
  return router;
}

/** A session in a list: what the exam officer picks a session by. */
function listed(session: ExamSession): ListedExamSession {
  const { scheme: _scheme, commission, students, ...rest } = session;
  return { ...rest, commissionSize: commission.length, studentCount: students.length };
}
