import {
  getProfile,
  markingRoles,
  type Championship,
  type Competition,
  type Competitor,
  type ExamSession,
  type Expert,
  type MarkedStudent,
} from '@ashyq/shared';
import { collections } from '../collections';
import type { CompetitionRegistry } from '../competitions/registry';
import type { CompetitionRuntime } from '../competitions/runtime';
import { RegistrationRefusedError } from '../competitions/runtime-types';
import { toDocument } from '../store/json';
import type { Store } from '../store/port';
import { ReferenceRepository } from '../domain/reference';

/**
 * An exam session marks through a competition runtime of its own (same id), so experts use the
 * same tablet app, locks and sign-off as in a championship (docs/demo-exams.md). The competition belongs to
 * a college-level championship per college and academic year, embargoed: demo exams never appear
 * on public boards. The session document stays the source of who sits and who marks; this module
 * mirrors it into the competition's documents and log.
 */

export const examChampionshipId = (session: Pick<ExamSession, 'collegeId' | 'academicYear'>) =>
  `exams-${session.collegeId}-${session.academicYear}`;

type ExamChampionship = Championship & { collegeId: string; demoExams: true };

/** Championships that only hold demo exams: not listed with championships, never public. */
export function isExamChampionship(document: object): boolean {
  return (document as Partial<ExamChampionship>).demoExams === true;
}

/** The ids of such championships, for listings that read championships through their schema. */
export async function examChampionshipIds(store: Store): Promise<Set<string>> {
  const all = await store.findDocuments(collections.championships, { level: 'college' });
  return new Set(
    all.filter(({ document }) => isExamChampionship(document)).map(({ document }) => document.id),
  );
}

function championshipOf(session: ExamSession, now: string): ExamChampionship {
  const [startYear, endYear] = session.academicYear.split('-');
  return {
    id: examChampionshipId(session),
    // Read by scopeOfCompetition: the college's own organisers reach its exams.
    collegeId: session.collegeId,
    demoExams: true,
    name: {
      kk: `${session.college.name.kk}: демонстрациялық емтихандар ${session.academicYear}`,
      ru: `${session.college.name.ru}: демонстрационные экзамены ${session.academicYear}`,
    },
    level: 'college',
    track: 'wsk',
    season: Number(endYear),
    hostRegionId: session.regionId,
    startsOn: `${startYear}-09-01`,
    endsOn: `${endYear}-06-30`,
    publication: { policy: 'embargo' },
    profileId: session.profileId,
    createdAt: now,
  };
}

function competitionOf(session: ExamSession, schemeVersion: number, now: string): Competition {
  return {
    id: session.id,
    championshipId: examChampionshipId(session),
    skill: {
      number: session.scheme.skill.number.trim().slice(0, 10) || '—',
      name: session.qualification.name,
    },
    profileId: session.profileId,
    publication: { policy: 'embargo' },
    scheme: session.scheme,
    schemeVersion,
    createdAt: now,
  };
}

export function competitorsOf(session: ExamSession): Competitor[] {
  return session.students.map((student) => ({
    id: student.id,
    competitionId: session.id,
    name: student.name,
    iin: student.iin,
    // The compatriot key of kz-demo-exam@2022 is the college: staff of it never mark them.
    collegeId: session.collegeId,
    regionId: session.regionId,
    guest: false,
  }));
}

export function markersOf(session: ExamSession): Expert[] {
  return session.commission
    .filter((member) => member.marks && markingRoles.includes(member.role))
    .map((member) => ({
      id: member.id,
      competitionId: session.id,
      name: member.name,
      iin: member.iin,
      ...(member.collegeId ? { collegeId: member.collegeId } : {}),
      regionId: session.regionId,
      ...(member.certificate ? { certificate: member.certificate } : {}),
      employer: member.employer,
      role: member.role === 'chief' ? 'chief' : 'independent',
    }));
}

/**
 * Creates or updates the session's championship, competition, competitors and experts, then
 * registers the students in the log and gives every sub-criterion its panel of markers. Safe to
 * repeat: registration and panels are idempotent.
 */
export async function syncMarking(
  store: Store,
  registry: CompetitionRegistry,
  session: ExamSession,
  actor: string,
): Promise<CompetitionRuntime> {
  const now = new Date().toISOString();
  const championshipId = examChampionshipId(session);
  if (!(await store.getDocument(collections.championships, championshipId))) {
    await store.putDocument(collections.championships, toDocument(championshipOf(session, now)));
  }
  const previous = await new ReferenceRepository(store).find('competitions', session.id);
  const sameScheme = previous && JSON.stringify(previous.scheme) === JSON.stringify(session.scheme);
  const version = !previous ? 1 : sameScheme ? previous.schemeVersion : previous.schemeVersion + 1;
  const competition = competitionOf(session, version, previous?.createdAt ?? now);
  await store.putDocument(collections.competitions, toDocument(competition));

  const markers = markersOf(session);
  const existingExperts = await store.findDocuments(collections.experts, {
    competitionId: session.id,
  });
  const keep = new Set(markers.map((expert) => expert.id));
  for (const { document } of existingExperts) {
    if (!keep.has(document.id)) await store.deleteDocument(collections.experts, document.id);
  }
  for (const expert of markers) await store.putDocument(collections.experts, toDocument(expert));
  const competitors = competitorsOf(session);
  for (const competitor of competitors) {
    await store.putDocument(collections.competitors, toDocument(competitor));
  }

  const runtime = await registry.refresh(session.id);
  try {
    await runtime.registerCompetitors(actor, competitors);
  } catch (error) {
    if (error instanceof RegistrationRefusedError) {
      // Students the log refused are on no result: their records (with IINs) are not kept.
      for (const competitor of competitors) {
        if (!runtime.state.people.has(competitor.id)) {
          await store.deleteDocument(collections.competitors, competitor.id);
        }
      }
    }
    throw error;
  }
  await withdrawRemoved(runtime, session, actor);
  await setPanels(runtime, session, markers, actor);
  return runtime;
}

/** Students taken off the list before marking stay in the log; withdrawn, they block no lock. */
async function withdrawRemoved(
  runtime: CompetitionRuntime,
  session: ExamSession,
  actor: string,
): Promise<void> {
  const listed = new Set(session.students.map((student) => student.id));
  for (const row of runtime.state.scoring.rankingRows()) {
    if (!listed.has(row.competitor) && row.status !== 'withdrawn') {
      await runtime.setCompetitorStatus(
        actor,
        row.competitor,
        'withdrawn',
        'removed from the list',
      );
    }
  }
}

/**
 * Every marker marks every sub-criterion (a demo exam commission is small); a judgement panel
 * takes the profile's maximum. Until the commission has enough markers for a judgement panel,
 * panels wait: the runtime would refuse them.
 */
async function setPanels(
  runtime: CompetitionRuntime,
  session: ExamSession,
  markers: readonly Expert[],
  actor: string,
): Promise<void> {
  const { judgesPerAspect } = getProfile(session.profileId)!;
  if (markers.length < judgesPerAspect.min) return;
  const ids = markers.map((marker) => marker.id);
  for (const criterion of session.scheme.criteria) {
    for (const sub of criterion.subCriteria) {
      const judged = sub.aspects.some((aspect) => aspect.type === 'J');
      const panel = judged ? ids.slice(0, judgesPerAspect.max) : ids;
      const current = runtime.state.panels.get(sub.id);
      if (current && current.join() === panel.join()) continue;
      await runtime.setPanel(actor, sub.id, panel);
    }
  }
}

/**
 * What the runtime says about each student, for the shared result computation. The projection
 * keeps a student's status but not the reason given with it, so for absent and removed students
 * the reason comes from the log's latest status event (read only when there is such a student).
 */
export async function markedStudents(runtime: CompetitionRuntime): Promise<MarkedStudent[]> {
  const marked: MarkedStudent[] = runtime.state.scoring.results().map((result) => ({
    studentId: result.competitor,
    attendance:
      result.status === 'absent' ? 'absent' : result.status === 'withdrawn' ? 'removed' : 'present',
    criteria: result.criteria,
    total: result.total,
    progress: result.progress,
  }));
  if (marked.every((student) => student.attendance === 'present')) return marked;
  const reasons = new Map<string, string | undefined>();
  for (const event of await runtime.events({ type: 'competitor.status' })) {
    const { competitor, reason } = event.data as { competitor: string; reason?: string };
    reasons.set(competitor, reason);
  }
  return marked.map((student) => {
    const reason = student.attendance === 'present' ? undefined : reasons.get(student.studentId);
    return reason ? { ...student, attendanceReason: reason } : student;
  });
}
