import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  annualReportQuerySchema,
  idSchema,
  namespaces,
  fullName,
  nobdCsv,
  nobdTable,
  nonFinalResults,
  outcomeText,
  nobdTemplateSchema,
  templateIssuesFor,
  translate,
  type AnnualReportReply,
  type ExamExportsReply,
  type NobdTemplateReply,
} from '@ashyq/shared';
import { scopeCovers } from '../../auth/access';
import { requireOrganiser } from '../../auth/middleware';
import type { Account } from '../../auth/model';
import type { ExamService } from '../../exam/service';
import { nobdWorkbook, reportWorkbook } from '../../exam/spreadsheets';
import { ApiError, languageOf, parse } from '../errors';
import { organiserOf } from './registration-support';

/**
 * NOBD template and export, and the annual report. NOBD files carry IINs and birth dates
 * (personal data, Law No. 94-V): only the college's exam office and organisers covering it get
 * them, and every export is logged with who, when and which session.
 */

const examRoles = ['exam-officer', 'organiser'] as const;
const sessionParams = z.object({ sessionId: idSchema });
const formatParams = sessionParams.extend({ format: z.enum(['csv', 'xlsx']) });
/** `draft=1`: export results that are not final too, flagged in the file's last column. */
const nobdQuery = z.object({ draft: z.enum(['0', '1']).optional() });
const collegeQuery = z.object({ collegeId: idSchema.optional() });

function collegeOf(account: Account, given: string | undefined): string {
  const collegeId =
    given ?? (account.scope.kind === 'college' ? account.scope.collegeId : undefined);
  if (collegeId === undefined) {
    throw new ApiError('validation_failed', {}, (lang) => [
      { path: 'query.collegeId', message: translate(namespaces.errors[lang], 'issue.required') },
    ]);
  }
  if (!scopeCovers(account.scope, { collegeId })) throw new ApiError('forbidden');
  return collegeId;
}

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function attachment(res: import('express').Response, name: string, type: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
}

export function examExportRoutes(exams: ExamService, inSession: RequestHandler): Router {
  const router = Router();
  const officer = requireOrganiser([...examRoles]);
  const base = '/api/exam/sessions/:sessionId';

  router.get('/api/exam/nobd-template', officer, async (req, res) => {
    const { collegeId } = parse(collegeQuery, req.query, 'query');
    const college = collegeOf(organiserOf(req), collegeId);
    res.json({
      collegeId: college,
      template: await exams.sessions.template(college),
    } satisfies NobdTemplateReply);
  });

  router.put('/api/exam/nobd-template', officer, async (req, res) => {
    const { collegeId } = parse(collegeQuery, req.query, 'query');
    const college = collegeOf(organiserOf(req), collegeId);
    const template = parse(nobdTemplateSchema, req.body, 'body');
    await exams.sessions.putTemplate(college, template);
    res.json({ collegeId: college, template } satisfies NobdTemplateReply);
  });

  router.get(`${base}/nobd.:format`, inSession, async (req, res) => {
    const { sessionId, format } = parse(formatParams, req.params, 'params');
    const account = organiserOf(req);
    const { session } = await exams.sessions.require(sessionId);
    const template = await exams.sessions.template(session.collegeId);
    const problems = templateIssuesFor(template, session);
    if (problems.length > 0) {
      throw new ApiError('validation_failed', {}, (lang) =>
        problems.map((problem) => ({
          path: `template.${problem.path}`,
          message: translate(namespaces.exam[lang], 'nobd.criterion_not_in_scheme', {
            criterion: problem.criterion,
          }),
        })),
      );
    }
    const { draft } = parse(nobdQuery, req.query, 'query');
    const results = await exams.results(session);
    const pending = nonFinalResults(results);
    if (pending.length > 0 && draft !== '1') {
      throw new ApiError('not_final', { count: pending.length }, (lang) =>
        pending.map((result) => ({
          path: result.student.iin,
          message: `${fullName(result.student.name)}: ${outcomeText(result, lang)}`,
        })),
      );
    }
    const table = nobdTable(template, session, results, { draft: draft === '1' });
    const body =
      format === 'csv'
        ? Buffer.from(nobdCsv(table), 'utf8')
        : await nobdWorkbook(table, session.protocolNumber ?? 'NOBD');
    await exams.sessions.logExport({
      id: randomUUID(),
      sessionId,
      collegeId: session.collegeId,
      kind: 'nobd',
      format,
      templateId: template.id,
      rows: table.rows.length,
      by: { userId: account.id, name: account.name, email: account.email },
      at: new Date().toISOString(),
    });
    attachment(res, `nobd-${sessionId}.${format}`, contentTypes[format]);
    res.send(body);
  });

  router.get(`${base}/exports`, inSession, async (req, res) => {
    const { sessionId } = parse(sessionParams, req.params, 'params');
    res.json({ exports: await exams.sessions.exports(sessionId) } satisfies ExamExportsReply);
  });

  const report = async (req: Request) => {
    const query = parse(annualReportQuerySchema, req.query, 'query');
    const { scope } = organiserOf(req);
    const colleges = (await exams.colleges()).filter(
      (college) =>
        scopeCovers(scope, { collegeId: college.id }) &&
        (query.regionId === undefined || college.regionId === query.regionId) &&
        (query.collegeId === undefined || college.id === query.collegeId),
    );
    return exams.report(query.academicYear, colleges);
  };

  router.get('/api/exam/report', officer, async (req, res) => {
    res.json({ report: await report(req) } satisfies AnnualReportReply);
  });

  router.get('/api/exam/report.xlsx', officer, async (req, res) => {
    const built = await report(req);
    const body = await reportWorkbook(built, languageOf(req));
    attachment(res, `demo-exams-${built.academicYear}.xlsx`, contentTypes.xlsx);
    res.send(body);
  });

  return router;
}
