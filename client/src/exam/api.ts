/**
 * The exam officer's routes (server/src/http/routes/exam.ts); what they take and answer is the
 * shared contract (shared/src/api/exam.ts).
 */

export const sessionUrl = (id: string) => `/api/exam/sessions/${encodeURIComponent(id)}`;
