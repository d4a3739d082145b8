import type { ExamSession, StudentResult } from '@ashyq/shared';

/**
 * What the exam officer's routes answer (server/src/http/routes/exam.ts). Requests go through
 * the shared `apiRequest` and the organiser console's `useAdmin`: same session cookie, same error shape.
 */

/** A session in the list: without the scheme, the commission and the students. */
export type ListedSession = Omit<ExamSession, 'scheme' | 'commission' | 'students'> & {
  commissionSize: number;
  studentCount: number;
};

export interface VersionedSession {
  session: ExamSession;
  version: number;
}

export interface ResultsReply {
  results: StudentResult[];
}

export const sessionUrl = (id: string) => `/api/exam/sessions/${encodeURIComponent(id)}`;
