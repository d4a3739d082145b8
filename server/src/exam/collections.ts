/**
 * Where demo exams are kept: sessions (the seed's collection), each college's NOBD template, and
 * the log of NOBD exports (personal data leaves the system there, so every export is recorded).
 */
export const examCollections = {
  sessions: 'exam-sessions',
  nobdTemplates: 'nobd-templates',
  exports: 'exam-exports',
  /** What is kept of a deleted session for an audit: no personal data (docs/demo-exams.md). */
  deletions: 'exam-deletions',
} as const;

export const examCollectionIndexes = {
  [examCollections.sessions]: ['collegeId', 'academicYear'],
  [examCollections.nobdTemplates]: [],
  [examCollections.exports]: ['sessionId', 'collegeId'],
  [examCollections.deletions]: ['collegeId', 'academicYear'],
};
