import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { idSchema, type ExamSession, type StudentResult } from '@ashyq/shared';
import { ExamDocuments } from '../../exam/documents/issue';
import type { DocumentLanguage } from '../../exam/documents/text';
import type { ExamService } from '../../exam/service';
import type { ExportKind } from '../../exam/sessions';
import type { Services } from '../../services';
import { ApiError, languageOf, parse } from '../errors';
import { organiserOf } from './registration-support';

/**
 * Protocol, statement (PDF or XLSX, per group or for the whole session) and individual result
 * sheets (PDF), in Kazakh or Russian. They carry IINs, so only the exam office prints them; each
 * is registered for verification as it is printed, and logged with the NOBD exports.
 */

const groupDocumentParams = z.object({
  sessionId: idSchema,
  kind: z.enum(['protocol', 'statement']),
  format: z.enum(['pdf', 'xlsx']),
});
const sessionParams = z.object({ sessionId: idSchema });
const sheetParams = sessionParams.extend({ studentId: idSchema });
const documentQuery = z.object({
  language: z.enum(['kk', 'ru']).optional(),
  group: z.string().trim().min(1).max(40).optional(),
});

const contentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The document's language: asked for, or the caller's if it is one documents print in. */
function documentLanguage(req: Request, asked: DocumentLanguage | undefined): DocumentLanguage {
  return asked ?? (languageOf(req) === 'kk' ? 'kk' : 'ru');
}

const inGroup = (results: readonly StudentResult[], group: string | null) =>
  group === null ? results.length : results.filter((r) => r.student.group === group).length;

function send(res: Response, body: Buffer, name: string, format: 'pdf' | 'xlsx'): void {
  res.setHeader('Content-Type', contentTypes[format]);
  res.setHeader('Content-Disposition', `inline; filename="${encodeURIComponent(name)}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(body);
}

export function examDocumentRoutes(
  services: Pick<Services, 'config' | 'documents'>,
  exams: ExamService,
  inSession: RequestHandler,
): Router {
  const router = Router();
  const documents = new ExamDocuments(exams, services.documents, services.config.publicUrl);
  documents.registerKinds();
  const base = '/api/exam/sessions/:sessionId/documents';

  /** A printed document carries the students' IINs: who printed what, and when, is kept. */
  async function logPrinted(
    req: Request,
    session: ExamSession,
    kind: ExportKind,
    format: 'pdf' | 'xlsx',
    language: DocumentLanguage,
    group: string | null,
    rows: number,
  ) {
    const { id: userId, name, email } = organiserOf(req);
    await exams.sessions.logExport({
      id: randomUUID(),
      sessionId: session.id,
      collegeId: session.collegeId,
      kind,
      format,
      language,
      group,
      rows,
      by: { userId, name, email },
      at: new Date().toISOString(),
    });
  }

  /** The session, its results, the group asked for (null: every group) and the language. */
  async function groupRequest(req: Request) {
    const { sessionId } = parse(sessionParams, req.params, 'params');
    const query = parse(documentQuery, req.query, 'query');
    const { session } = await exams.sessions.require(sessionId);
    const group = query.group ?? null;
    if (group !== null && !session.groups.includes(group)) throw new ApiError('not_found');
    const results = await exams.results(session);
    return { session, results, group, lang: documentLanguage(req, query.language) };
  }

  router.get(`${base}/result-sheets.pdf`, inSession, async (req, res) => {
    const { session, results, group, lang } = await groupRequest(req);
    const body = await documents.resultSheetsPdf(
      session,
      results,
      group,
      lang,
      organiserOf(req).id,
    );
    await logPrinted(req, session, 'result-sheets', 'pdf', lang, group, inGroup(results, group));
    send(res, body, `result-sheets-${session.protocolNumber ?? session.id}-${lang}.pdf`, 'pdf');
  });

  router.get(`${base}/result-sheets/:studentId.pdf`, inSession, async (req, res) => {
    const { sessionId, studentId } = parse(sheetParams, req.params, 'params');
    const query = parse(documentQuery, req.query, 'query');
    const { session } = await exams.sessions.require(sessionId);
    const results = await exams.results(session);
    const lang = documentLanguage(req, query.language);
    const body = await documents.resultSheetPdf(
      session,
      results,
      studentId,
      lang,
      organiserOf(req).id,
    );
    if (!body) throw new ApiError('not_found');
    await logPrinted(req, session, 'result-sheet', 'pdf', lang, null, 1);
    send(res, body, `result-sheet-${studentId}-${lang}.pdf`, 'pdf');
  });

  // After the result sheets: `result-sheets.pdf` would otherwise read as a kind and a format.
  router.get(`${base}/:kind.:format`, inSession, async (req, res) => {
    const { kind, format } = parse(groupDocumentParams, req.params, 'params');
    const { session, results, group, lang } = await groupRequest(req);
    const issuedBy = organiserOf(req).id;
    const body =
      format === 'pdf'
        ? await documents.groupPdf(kind, session, results, group, lang, issuedBy)
        : await documents.groupXlsx(kind, session, results, group, lang, issuedBy);
    await logPrinted(req, session, kind, format, lang, group, inGroup(results, group));
    send(res, body, `${kind}-${session.protocolNumber ?? session.id}-${lang}.${format}`, format);
  });

  return router;
}
