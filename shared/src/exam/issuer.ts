import type { College } from '../domain/entities';
import { isValidBin } from '../identifiers/bin';
import type { RegionId } from '../reference/regions';
import type { ExamSession } from './session';

/**
 * Who issues a demo exam's documents: the college holding the exam, as its record in the
 * reference data names it. The protocol, the statement and the verification page print this
 * name, BIN and region, so they never come from what a request says: an exam officer's sessions
 * are their own college's, an organiser's the college it names by id.
 */
export type SessionIssuer = Pick<ExamSession, 'college' | 'regionId'>;

export type IssuerResult =
  | { ok: true; issuer: SessionIssuer }
  /** The record has no valid BIN, and no document may be issued without one. */
  | { ok: false; reason: 'college_without_bin' };

export function sessionIssuer(college: College): IssuerResult {
  if (college.bin === undefined || !isValidBin(college.bin)) {
    return { ok: false, reason: 'college_without_bin' };
  }
  return {
    ok: true,
    issuer: {
      college: { name: { kk: college.name.kk, ru: college.name.ru }, bin: college.bin },
      regionId: college.regionId as RegionId,
    },
  };
}

/** The issuer's details a request may repeat (scripts written before they were the server's). */
export interface GivenIssuer {
  college?: { name: { kk: string; ru: string }; bin: string } | undefined;
  regionId?: string | undefined;
}

export type IssuerField = 'college.name.kk' | 'college.name.ru' | 'college.bin' | 'regionId';

/**
 * The fields where a request names another issuer than the session's own: each one is refused,
 * none is taken. Names are compared as typed but for surrounding spaces.
 */
export function issuerMismatches(given: GivenIssuer, issuer: SessionIssuer): IssuerField[] {
  const mismatches: IssuerField[] = [];
  const { college, regionId } = given;
  if (college) {
    for (const lang of ['kk', 'ru'] as const) {
      if (college.name[lang].trim() !== issuer.college.name[lang].trim()) {
        mismatches.push(`college.name.${lang}`);
      }
    }
    if (college.bin.trim() !== issuer.college.bin) mismatches.push('college.bin');
  }
  if (regionId !== undefined && regionId !== issuer.regionId) mismatches.push('regionId');
  return mismatches;
}
