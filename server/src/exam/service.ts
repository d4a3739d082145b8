import { randomUUID } from 'node:crypto';
import {
  annualReport,
  studentResults,
  summarize,
  type AnnualReport,
  type AnnualSessionRecord,
  examSessionSchema,
  namespaces,
  translate,
  type College,
  type ExamSession,
  type ExamStudent,
  type Language,
  type StudentResult,
} from '@ashyq/shared';
import type { AccountService } from '../auth/accounts';
import { collections } from '../collections';
import type { CompetitionRegistry } from '../competitions/registry';
import type { CompetitionRuntime } from '../competitions/runtime';
import type { Store } from '../store/port';
import { RegistrationRefusedError } from '../competitions/runtime-types';
import { registrationRefusal } from '../competitions/access';
import { DomainError, parse } from '../domain/errors';
import { ReferenceRepository } from '../domain/reference';
import { importIssueDetails, refusal } from '../domain/refusal';
import { importPeopleFile } from '../uploads';
import { competitorsOf, markedStudents, syncMarking } from './marking';
import { ExamSessionStore, type VersionedSession } from './sessions';

/**
 * Demo exams: sessions and their marking runtimes kept in step, results computed by the shared
 * model from what the runtime holds, and the annual report over the sessions in scope.
 */
export class ExamService {
  readonly sessions: ExamSessionStore;

  constructor(
    private readonly store: Store,
    private readonly competitions: CompetitionRegistry,
  ) {
    this.sessions = new ExamSessionStore(store);
  }

  /**
   * At start-up: every stored session gets its marking runtime, so the commission's tablets work
   * for sessions that came from the seed or from before runtimes existed.
   */
  async loadAll(): Promise<void> {
    for (const session of await this.sessions.list()) {
      try {
        await this.runtimeOf(session);
      } catch (error) {
        // One damaged session must not keep the server (and the other exams) from starting.
        console.error(`Exam session ${session.id} has no marking runtime:`, error);
      }
    }
  }

  /** The session's runtime, created from the session the first time it is needed. */
  async runtimeOf(session: ExamSession): Promise<CompetitionRuntime> {
    const running = this.competitions.get(session.id);
    if (running) return running;
    const stored = await this.store.getDocument(collections.competitions, session.id);
    if (stored) return this.competitions.open(session.id);
    return syncMarking(this.store, this.competitions, session, 'system');
  }

  /** Mirrors a changed session (students, commission, scheme) into its runtime. */
  sync(session: ExamSession, actor: string): Promise<CompetitionRuntime> {
    return syncMarking(this.store, this.competitions, session, actor);
  }

  async results(session: ExamSession): Promise<StudentResult[]> {
    const runtime = await this.runtimeOf(session);
    return studentResults(session, await markedStudents(runtime));
  }

  /**
   * Saves a changed session and mirrors it into its runtime. Students the session's log would
   * refuse (registration closes with the first lock) refuse the whole change (409, each named
   * where `where` says); if the log refuses them only now (a lock in between), the session is
   * put back as it was. A saved session never lists a student who is on no result.
   */
  async save(
    found: VersionedSession,
    next: ExamSession,
    actor: string,
    where: (studentId: string, lang: Language) => string = studentPath(next),
  ): Promise<VersionedSession> {
    const runtime = await this.runtimeOf(found.session);
    const refused = runtime.registrationRefusals(competitorsOf(next));
    if (refused.length > 0) throw registrationRefusal(refused, where);
    const version = await this.sessions.put(next, found.version);
    try {
      await this.sync(next, actor);
    } catch (error) {
      if (!(error instanceof RegistrationRefusedError)) throw error;
      await this.sessions.put(found.session, version);
      throw registrationRefusal(error.refused, where);
    }
    return { session: next, version };
  }

  /**
   * Saves a session's changed details. Its scheme is frozen once a mark is in its log: results
   * are computed under the scheme they were marked by.
   */
  async replace(found: VersionedSession, next: ExamSession, actor: string) {
    const schemeChanged = JSON.stringify(next.scheme) !== JSON.stringify(found.session.scheme);
    if (schemeChanged && this.competitions.get(found.session.id)?.state.marked) {
      throw refusal('conflict', 'scheme', 'schemeFrozen');
    }
    return this.save(found, next, actor);
  }

  /**
   * Adds the students of an uploaded list (XLSX or CSV) to the session, after the list's every
   * row checked out (an IIN already in the session, a task variant the session lacks, ...): a
   * list with a problem adds nobody, and the refusal names each row. New groups join the
   * session's groups.
   */
  async importStudents(found: VersionedSession, data: Uint8Array, actor: string) {
    const { session } = found;
    const result = await importPeopleFile('student', data, {
      existingIins: [...session.students, ...session.commission].map((person) => person.iin),
      taskVariants: session.variants,
    });
    if (!result.ok) {
      throw new DomainError('validation_failed', {}, (lang) =>
        importIssueDetails(result.errors, lang),
      );
    }
    const imported: ExamStudent[] = result.people.map((person) => ({
      id: randomUUID(),
      name: person.name,
      iin: person.iin,
      group: person.group,
      ...(person.taskVariant ? { variant: person.taskVariant } : {}),
    }));
    const groups = [...new Set([...session.groups, ...imported.map((student) => student.group)])];
    const next = parse(
      examSessionSchema,
      { ...session, groups, students: [...session.students, ...imported] },
      'body',
    );
    const rows = new Map(imported.map((student, index) => [student.id, result.people[index]!.row]));
    const saved = await this.save(found, next, actor, (id, lang) =>
      translate(namespaces.people[lang], 'where.row', { row: rows.get(id) ?? 0 }),
    );
    return { students: imported, warnings: result.warnings, version: saved.version };
  }

  /**
   * Deletes a session that has no marks (docs/demo-exams.md, "Deleting a session"), in an order that
   * is safe to repeat if it stops half-way: its log is closed first, in the same single-writer
   * step as the check for marks (so no mark lands after the check, and none is taken after);
   * then every PIN and sign-in link of its commission is revoked (open tablets are signed out);
   * then the personal data goes (students and commission with their IINs, the competition, the
   * session) and what an audit needs stays: the closed log (no IIN), the record of the deletion,
   * the log of exports, the register of issued documents.
   */
  async delete(
    found: VersionedSession,
    actor: string,
    accounts: AccountService,
    marked: () => Error,
  ): Promise<void> {
    const { session } = found;
    // A session without a competition yet (or whose deletion stopped after removing it) has no
    // log to close and nothing marked.
    if (await this.store.getDocument(collections.competitions, session.id)) {
      const runtime = await this.competitions.open(session.id);
      await runtime.close(actor, 'exam session deleted', (state) => {
        if (state.marked) throw marked();
      });
    }
    await accounts.revokeCompetitionCredentials(session.id);
    for (const collection of [collections.experts, collections.competitors]) {
      for (const { document } of await this.store.findDocuments(collection, {
        competitionId: session.id,
      })) {
        await this.store.deleteDocument(collection, document.id);
      }
    }
    await this.sessions.recordDeletion({
      id: session.id,
      collegeId: session.collegeId,
      academicYear: session.academicYear,
      examType: session.examType,
      specialtyCode: session.specialty.code,
      qualificationCode: session.qualification.code,
      protocolNumber: session.protocolNumber ?? null,
      students: session.students.length,
      commission: session.commission.length,
      deletedAt: new Date().toISOString(),
      deletedBy: actor,
      log: await this.store.head(session.id),
    });
    await this.competitions.remove(session.id);
    await this.store.deleteDocument(collections.competitions, session.id);
    await this.sessions.delete(session.id);
  }

  /** The report for the colleges given (the caller's scope), as of `now`. */
  async report(
    academicYear: string,
    colleges: readonly College[],
    now = new Date(),
  ): Promise<AnnualReport> {
    const inScope = new Set(colleges.map((college) => college.id));
    const sessions = (await this.sessions.list()).filter(
      (session) => session.academicYear === academicYear && inScope.has(session.collegeId),
    );
    const records: AnnualSessionRecord[] = [];
    for (const session of sessions) {
      const results = await this.results(session);
      records.push({
        sessionId: session.id,
        collegeId: session.collegeId,
        regionId: session.regionId,
        academicYear: session.academicYear,
        specialty: session.specialty,
        qualification: session.qualification,
        gradeScaleId: session.gradeScaleId,
        endsAt: session.endsAt,
        summary: summarize(session, results),
        complete: results.every((result) => result.attendance !== 'present' || result.complete),
      });
    }
    return annualReport(academicYear, colleges, records, now);
  }

  async colleges(): Promise<College[]> {
    return new ReferenceRepository(this.store).list('colleges');
  }
}

/** Where a student of the session is, as the session's own validation errors say it: `students.3`. */
function studentPath(session: ExamSession): (studentId: string) => string {
  return (studentId) => `students.${session.students.findIndex(({ id }) => id === studentId)}`;
}
