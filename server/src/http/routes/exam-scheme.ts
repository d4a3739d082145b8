import type { ExamSchemeImportReply } from '@ashyq/shared';
import { Router } from 'express';
import { importWorkbook } from '../../cis/import';
import { WorkbookError } from '../../cis/problems';
import { requireOrganiser } from '../../auth/middleware';
import { ApiError, languageOf } from '../errors';
import { rawUpload, requireTableFile, uploadedBytes } from './registration-support';

/**
 * Reads a marking scheme workbook for an exam session that is being created or edited: the
 * exam office shows the import report and sends the scheme with the session. Nothing is stored
 * here, so a wrong file costs nothing (the organisers' ?dryRun=true upload, without a
 * competition to attach it to).
 */
export function examSchemeRoutes(): Router {
  const router = Router();
  router.post(
    '/api/exam/scheme/import',
    requireOrganiser(['exam-officer', 'organiser']),
    rawUpload,
    async (req, res) => {
      const data = uploadedBytes(req);
      requireTableFile(data, 'xlsx');
      const language = languageOf(req);
      try {
        const { scheme, report, reading, warnings } = await importWorkbook(data, { language });
        res.json({ scheme, report, reading, warnings } satisfies ExamSchemeImportReply);
      } catch (error) {
        if (!(error instanceof WorkbookError)) throw error;
        throw new ApiError('validation_failed', {}, (lang) => {
          const located = error.in(lang);
          const place = [located.sheet, located.cell].filter(Boolean).join('!');
          return [{ path: place || 'file', message: located.message, code: located.code }];
        });
      }
    },
  );
  return router;
}
