import {
  getRegion,
  issuerMismatches,
  namespaces,
  sessionIssuer,
  translate,
  type GivenIssuer,
  type IssuerField,
  type Language,
  type SessionIssuer,
} from '@ashyq/shared';
import { scopeCovers } from '../auth/access';
import type { Account } from '../auth/model';
import { DomainError } from '../domain/errors';
import type { ExamService } from './service';

/**
 * Who issues a demo exam's documents (docs/demo-exams.md): the college of the session, as its
 * record in the reference data names it (name, BIN, region), and the refusals when a request
 * names another college or the college cannot issue.
 */

/** A refusal located at `path`, in the exam namespace's words. */
export function examRefusal(
  status: 'conflict' | 'validation_failed',
  path: string,
  key: string,
  params: Record<string, string | number> = {},
): DomainError {
  return new DomainError(status, {}, (lang) => [
    { path, code: key, message: translate(namespaces.exam[lang], `invalid.${key}`, params) },
  ]);
}

/** The issuer's message parameters in `lang`: its name (Russian for English), BIN and region. */
function issuerParams(issuer: SessionIssuer, lang: Language) {
  return {
    name: issuer.college.name[lang === 'kk' ? 'kk' : 'ru'],
    bin: issuer.college.bin,
    region: getRegion(issuer.regionId)?.name[lang] ?? issuer.regionId,
  };
}

/** Refuses a request that names another issuer than the session's college, at each such field. */
function notOwnCollege(issuer: SessionIssuer, fields: readonly (IssuerField | 'collegeId')[]) {
  return new DomainError('forbidden', {}, (lang) =>
    fields.map((path) => ({
      path,
      code: 'not_own_college',
      message: translate(
        namespaces.exam[lang],
        'invalid.not_own_college',
        issuerParams(issuer, lang),
      ),
    })),
  );
}

/**
 * The issuer of the college's sessions, from its record in the reference data: what the
 * protocol prints and /verify confirms. A college the reference lacks, or one without a valid
 * BIN, issues nothing.
 */
export async function issuerOf(exams: ExamService, collegeId: string): Promise<SessionIssuer> {
  const college = await exams.sessions.college(collegeId);
  if (!college) {
    throw new DomainError('validation_failed', {}, (lang) => [
      { path: 'collegeId', message: translate(namespaces.errors[lang], 'code.not_found') },
    ]);
  }
  const issuer = sessionIssuer(college);
  if (!issuer.ok) {
    throw new DomainError('conflict', {}, (lang) => [
      {
        path: 'collegeId',
        code: issuer.reason,
        message: translate(namespaces.exam[lang], `invalid.${issuer.reason}`, {
          name: college.name[lang === 'kk' ? 'kk' : 'ru'],
        }),
      },
    ]);
  }
  return issuer.issuer;
}

/** The issuer of a session, after refusing a request that names another college or region. */
export function ownIssuer(issuer: SessionIssuer, given: GivenIssuer): SessionIssuer {
  const mismatches = issuerMismatches(given, issuer);
  if (mismatches.length > 0) throw notOwnCollege(issuer, mismatches);
  return issuer;
}

/**
 * The college a request acts for: the one it names, else the account's own. An exam officer
 * (or organiser) of one college naming another is told whose sessions it may create.
 */
export async function collegeFor(
  exams: ExamService,
  account: Account,
  given: string | undefined,
): Promise<string> {
  const collegeId = given ?? collegeOfScope(account);
  if (scopeCovers(account.scope, { collegeId })) return collegeId;
  if (account.scope.kind === 'college') {
    const own = await exams.sessions.college(account.scope.collegeId);
    const issuer = own && sessionIssuer(own);
    if (issuer?.ok) throw notOwnCollege(issuer.issuer, ['collegeId']);
  }
  throw new DomainError('forbidden');
}

/** An exam officer creates sessions for the college of their scope. */
function collegeOfScope(account: Account): string {
  if (account.scope.kind === 'college') return account.scope.collegeId;
  throw new DomainError('validation_failed', {}, (lang) => [
    { path: 'collegeId', message: translate(namespaces.errors[lang], 'issue.required') },
  ]);
}
