import type { Request, RequestHandler } from 'express';
import type { ImportIssue, Language } from '@ashyq/shared';
import type { ScopeTarget } from '../../auth/access';
import type { RequestValue } from '../../auth/middleware';
import type { Account } from '../../auth/model';
import type { ReferenceRepository } from '../../domain/reference';
import { importIssueDetails } from '../../domain/refusal';
import { MAX_UPLOAD_BYTES, sniffFileType } from '../../uploads';
import { rawBody } from '../body';
import { ApiError } from '../errors';

export { refusal, importIssueDetails } from '../../domain/refusal';
export {
  registerInLog,
  requireRegistrable,
  refreshRunning,
  type Where,
} from '../../competitions/registration';

/** The uploaded file as bytes, whatever Content-Type the client sent; larger ones are a 413. */
export const rawUpload: RequestHandler = rawBody(MAX_UPLOAD_BYTES);

export function uploadedBytes(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

const unsupportedTypes = new Set(['file_type_unsupported', 'file_legacy_xls', 'file_not_utf8']);

/** Refuses with 415 a file that is neither XLSX nor CSV, judged by its content, not its name. */
export function requireTableFile(data: Uint8Array, only?: 'xlsx'): void {
  const sniffed = sniffFileType(data);
  if (sniffed.ok && (only === undefined || sniffed.type === only)) return;
  const issue: ImportIssue = sniffed.ok
    ? { row: null, column: null, field: null, code: 'file_type_unsupported', params: {} }
    : sniffed.issue;
  const details = (lang: Language) => importIssueDetails([issue], lang);
  if (unsupportedTypes.has(issue.code)) throw new ApiError('unsupported_media_type', {}, details);
  throw new ApiError('validation_failed', {}, details);
}

/** The signed-in organiser; only called behind an organiser guard. */
export function organiserOf(req: Request): Account {
  if (req.actor?.kind !== 'organiser') throw new ApiError('forbidden');
  return req.actor.user;
}

/** Scope lookups for the guards: the championship a competition belongs to. */
export function championshipOfCompetition(
  reference: ReferenceRepository,
  getCompetitionId: RequestValue<string>,
): (req: Request) => Promise<ScopeTarget | undefined> {
  return async (req) => {
    const competitionId = await getCompetitionId(req);
    if (competitionId === undefined) return undefined;
    const found = await reference.require('competitions', competitionId);
    return { championshipId: found.record.championshipId, competitionId };
  };
}
