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

/** The session's own language for display: English falls back to Russian (documents are kk/ru). */
export function localized(text: { kk: string; ru: string; en?: string }, lang: string): string {
  if (lang === 'kk') return text.kk;
  if (lang === 'en') return text.en ?? text.ru;
  return text.ru;
}
