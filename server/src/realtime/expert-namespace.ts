import { markBatchSchema, rescoreRequestedSchema, type MarkEntry } from '@ashyq/shared';
import type { Namespace } from 'socket.io';
import type { ExpertClientEvents, ExpertServerEvents } from '@ashyq/shared';
import { z } from 'zod';
import type { Actor } from '../auth/model';
import {
  expertView,
  panelFullWithout,
  revealedScores,
  teamAspectSubCriterion,
} from '../competitions/expert-view';
import { TRAINEE_SCORED } from '../competitions/trainees';
import type { CompetitionRuntime } from '../competitions/runtime';
import { runtimeOf } from '../competitions/access';
import { DomainError } from '../domain/errors';
import type { Services } from '../services';
import type { StoredEvent } from '../store/port';
import { payloadOf, withAck } from './acks';
import { TeamMarkPushes } from './team-marks';
import {
  authenticate,
  authoriseExpert,
  competitionRoom,
  currentActor,
  type AuthenticatedSocket,
} from './handshake';

const expertRoom = (competitionId: string, expertId: string) =>
  `${competitionRoom(competitionId)}:expert:${expertId}`;

const noPayload = z.undefined();
const watchSchema = z.strictObject({ subCriterion: z.string().min(1).max(50).nullable() });

/** The tablets of an expert that have a sub-criterion open. */
const watchRoom = (competitionId: string, expertId: string, subCriterion: string) =>
  `${expertRoom(competitionId, expertId)}:watch:${subCriterion}`;

/**
 * Events after which an expert's view (its panels, the competitors it may mark, their status)
 * may differ: the tablet is told to fetch it again rather than sent every expert's own view.
 */
const viewChangingTypes = new Set([
  'panel.set',
  'conflict.declared',
  'competitor.status',
  'competitor.registered',
  'competitor.renamed',
  // A closed competition (a deleted exam session): the tablet fetches its view and is refused.
  'competition.closed',
  // A calibration round opened or closed: the tablet fetches its (blind) calibration view again.
  'calibration.opened',
  'calibration.closed',
]);

type ExpertActor = Extract<Actor, { kind: 'expert' }>;

/**
 * How long `marks:record` trusts the credential it last read. Re-reading the session and the
 * credential for every mark was a twelfth of the server's time under marking load; this way a
 * revocation or sign-out stops a socket's marks within a second (its first refusal closes the
 * socket), and every other command still reads them afresh.
 */
const credentialTrustMs = 1_000;

/**
 * /expert: the tablet's commands, acknowledged, and the pushes an expert may see. Commands run
 * the same runtime calls as the REST routes, which stay the fallback for sync.
 */
export function expertNamespace(
  namespace: Namespace<ExpertClientEvents, ExpertServerEvents>,
  services: Pick<Services, 'accounts' | 'competitions' | 'ops'>,
) {
  namespace.use(authenticate(services, authoriseExpert));

  namespace.on('connection', (socket: AuthenticatedSocket) => {
    const { competitionId } = socket.data;
    const { expertId } = (socket.data.actor as ExpertActor).credential;
    void socket.join([competitionRoom(competitionId), expertRoom(competitionId, expertId)]);

    /** The credential as it is now: a session ended since the handshake refuses the command. */
    const credential = async () => {
      const actor = await currentActor(services, socket);
      if (actor?.kind !== 'expert' || actor.credential.expertId !== expertId) {
        throw new DomainError('unauthorized');
      }
      return actor.credential;
    };

    let credentialTrustedUntil = 0;

    socket.on(
      'marks:record',
      withAck(socket, 'marks:record', services.ops, async (payload) => {
        const started = performance.now();
        const { marks } = payloadOf(markBatchSchema, payload);
        if (performance.now() >= credentialTrustedUntil) {
          await credential();
          credentialTrustedUntil = performance.now() + credentialTrustMs;
        }
        const runtime = await runtimeOf(services, competitionId);
        const results = await runtime.recordMarks(expertId, marks);
        const seconds = (performance.now() - started) / 1000;
        services.ops.metrics.marksAcknowledged('socket', results, seconds);
        return { results };
      }),
    );

    /** The sub-criterion the tablet has open: its team's measurements are pushed to it. */
    let watching: string | null = null;
    socket.on(
      'team:watch',
      withAck(socket, 'team:watch', services.ops, async (payload) => {
        const { subCriterion } = payloadOf(watchSchema, payload);
        if (watching) void socket.leave(watchRoom(competitionId, expertId, watching));
        watching = subCriterion;
        if (watching) void socket.join(watchRoom(competitionId, expertId, watching));
        return {};
      }),
    );

    socket.on(
      'competition:view',
      withAck(socket, 'competition:view', services.ops, async (payload) => {
        payloadOf(noPayload, payload);
        const { role } = await credential();
        const runtime = await runtimeOf(services, competitionId);
        return { view: await expertView(runtime, expertId, role) };
      }),
    );
  });

  const teamMarks = new TeamMarkPushes(
    (competitionId, expertId, sub) =>
      (namespace.adapter.rooms.get(watchRoom(competitionId, expertId, sub))?.size ?? 0) > 0,
    // One broadcast to all the watchers' rooms: encoded once, each tablet sent it once.
    (competitionId, watchers, sub, marks) =>
      namespace
        .to(watchers.map((expertId) => watchRoom(competitionId, expertId, sub)))
        .emit('team-marks', { competitionId, marks }),
  );

  /**
   * After an append: judges see the panel's scores where they have scored, panels see locks,
   * judges asked to re-score are told, teammates hear of measurements, and every expert hears
   * when its view may have changed.
   */
  const pushAppended = (runtime: CompetitionRuntime, events: readonly StoredEvent[]) => {
    const state = runtime.state;
    const touched = new Map<string, { competitor: string; aspect: string }>();
    const subCriteria = new Set<string>();
    let viewChanged = false;
    for (const event of events) {
      const data = event.data as { mark?: MarkEntry; subCriterion?: string };
      // A trainee's score changes nothing any judge is shown (docs/judge-analytics.md).
      if (data.mark && event.type !== TRAINEE_SCORED) {
        touched.set(`${data.mark.competitor}|${data.mark.aspect}`, data.mark);
      }
      // A resolution clears the discrepancy flag the judges were shown with the scores.
      if (event.type === 'discrepancy.resolved') {
        const { competitor, aspect } = event.data as { competitor: string; aspect: string };
        touched.set(`${competitor}|${aspect}`, { competitor, aspect });
      }
      if (event.type.startsWith('subCriterion.') && data.subCriterion) {
        subCriteria.add(data.subCriterion);
      }
      viewChanged ||= viewChangingTypes.has(event.type);
    }
    const to = (expertId: string) => namespace.to(expertRoom(runtime.id, expertId));
    if (viewChanged) {
      namespace.to(competitionRoom(runtime.id)).emit('view:changed', { competitionId: runtime.id });
    }
    for (const event of events) {
      if (event.type !== 'rescore.requested') continue;
      const { competitor, aspect, experts, reason } = rescoreRequestedSchema.parse(event.data);
      const request = { competitionId: runtime.id, competitor, aspect, reason: reason ?? null };
      for (const expertId of experts) to(expertId).emit('rescore', { ...request, at: event.at });
    }
    for (const { competitor, aspect } of touched.values()) {
      if (teamAspectSubCriterion(state, aspect)) {
        teamMarks.touched(runtime, competitor, aspect);
        continue;
      }
      const indexed = state.scoring.index.aspectByCode.get(aspect);
      if (indexed?.kind !== 'judgement') continue;
      const subCriterion = state.scoring.index.subCriteria[indexed.subCriterion]!.id;
      // Read once for the whole panel.
      const marks = state.scoring.aspectState(competitor, aspect);
      for (const expertId of state.panels.get(subCriterion) ?? []) {
        const revealed = revealedScores(state, expertId, competitor, aspect, marks);
        if (revealed) to(expertId).emit('scores', { competitionId: runtime.id, ...revealed });
        // A judge who has not scored learns only whether the panel is complete without it.
        else {
          const full = panelFullWithout(state, expertId, marks?.current ?? []);
          to(expertId).emit('panel', { competitionId: runtime.id, competitor, aspect, full });
        }
      }
    }
    if (subCriteria.size === 0) return;
    for (const lock of state.scoring.lockState()) {
      if (!subCriteria.has(lock.subCriterion)) continue;
      for (const expertId of state.panels.get(lock.subCriterion) ?? []) {
        to(expertId).emit('lock', { competitionId: runtime.id, lock });
      }
    }
  };

  return { pushAppended, close: () => teamMarks.close() };
}
