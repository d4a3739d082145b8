import type { Request, RequestHandler } from 'express';
import {
  describeImportIssue,
  namespaces,
  translate,
  type Competition,
  type Competitor,
  type ImportIssue,
  type Language,
} from '@ashyq/shared';
import type { ScopeTarget } from '../../auth/access';
import type { RequestValue } from '../../auth/middleware';
import type { Account } from '../../auth/model';
import type { CompetitionRegistry } from '../../competitions/registry';
import { RegistrationRefusedError } from '../../competitions/runtime-types';
import type { ReferenceRepository } from '../../domain/reference';
import type { EventLog } from '../../events/event-log';
import { MAX_UPLOAD_BYTES, sniffFileType } from '../../uploads';
import { rawBody } from '../body';
import { registrationRefusal } from '../competition-access';
import { ApiError, type ErrorCode, type ErrorDetail } from '../errors';

/** Where the organiser finds a competitor of a request: its row in a file, the form, ... */
export type Where = (competitorId: string, lang: Language) => string;

/**
 * Refuses (409, before anything is stored) competitors their competition's log would not
 * register now, each named with the reason: registration closes with the first lock. A
 * competition without a scheme has no log yet; the scheme upload registers its competitors.
 */
export async function requireRegistrable(
  registry: CompetitionRegistry,
  competition: Competition,
  competitors: readonly Competitor[],
  where: Where,
): Promise<void> {
  if (!competition.scheme || competitors.length === 0) return;
  const runtime = await registry.open(competition.id);
  const refused = runtime.registrationRefusals(competitors);
  if (refused.length > 0) throw registrationRefusal(refused, where);
}

/**
 * Registers competitors in their competition's log, which exists once it has a scheme; until
 * then they are only documents, and the scheme upload registers them. All or none: a refusal
 * (a lock since requireRegistrable) is a 409 naming each competitor, and nothing is appended.
 */
export async function registerInLog(
  registry: CompetitionRegistry,
  competition: Competition,
  actorId: string,
  competitors: readonly Competitor[],
  where: Where = (id) => id,
): Promise<void> {
  if (!competition.scheme || competitors.length === 0) return;
  const runtime = await registry.open(competition.id);
  try {
    await runtime.registerCompetitors(actorId, competitors);
  } catch (error) {
    if (error instanceof RegistrationRefusedError) {
      throw registrationRefusal(error.refused, where);
    }
    throw error;
  }
}

type AdminRefusal = keyof (typeof namespaces)['admin']['en']['refused'];

export function refusal(
  code: ErrorCode,
  path: string,
  key: AdminRefusal,
  params: Record<string, string | number> = {},
): ApiError {
  return new ApiError(code, {}, (lang) => [
    { path, code: key, message: translate(namespaces.admin[lang], `refused.${key}`, params) },
  ]);
}

/** The uploaded file as bytes, whatever Content-Type the client sent; larger ones are a 413. */
export const rawUpload: RequestHandler = rawBody(MAX_UPLOAD_BYTES);

export function uploadedBytes(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/** Import problems located as the organiser sees them: "Строка 6, столбец E (ИИН)". */
export function importIssueDetails(issues: readonly ImportIssue[], lang: Language): ErrorDetail[] {
  return issues.map((issue) => {
    const { where, message } = describeImportIssue(issue, lang);
    return { path: where, message, code: issue.code };
  });
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

/** Running competitions take an organiser's change at once (names, policy, championship). */
export async function refreshRunning(
  registry: CompetitionRegistry,
  competitionIds: readonly string[],
): Promise<void> {
  for (const id of competitionIds) if (registry.get(id)) await registry.refresh(id);
}

/** Refuses a changed IIN that another person of the same competition already has. */
export async function requireFreeIin(
  reference: ReferenceRepository,
  kind: 'competitors' | 'experts',
  person: { id: string; competitionId: string; iin: string },
  iin: string | undefined,
): Promise<void> {
  if (iin === undefined || iin === person.iin) return;
  const registered = await reference.list(kind, { competitionId: person.competitionId });
  if (registered.some((other) => other.iin === iin && other.id !== person.id))
    throw refusal('conflict', 'iin', 'iinRegistered');
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

/** The scheme is frozen once the first mark is in the competition's log. */
export async function hasMarks(log: EventLog, competitionId: string): Promise<boolean> {
  for await (const event of log.read(competitionId)) {
    if (event.type === 'mark.recorded') return true;
  }
  return false;
}
