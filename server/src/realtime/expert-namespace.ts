import { markBatchSchema, type MarkEntry } from '@ashyq/shared';
import type { Namespace } from 'socket.io';
import { z } from 'zod';
import type { Actor } from '../auth/model';
import { expertView, revealedScores } from '../competitions/expert-view';
import type { CompetitionRuntime } from '../competitions/runtime';
import { runtimeOf } from '../http/competition-access';
import { ApiError } from '../http/errors';
import type { Services } from '../services';
import type { StoredEvent } from '../store/port';
import { payloadOf, withAck } from './acks';
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

type ExpertActor = Extract<Actor, { kind: 'expert' }>;

/**
 * /expert: the tablet's commands, acknowledged, and the pushes an expert may see. Commands run
 * the same runtime calls as the REST routes, which stay the fallback for sync.
 */
export function expertNamespace(namespace: Namespace, services: Services) {
  namespace.use(authenticate(services, authoriseExpert));

  namespace.on('connection', (socket: AuthenticatedSocket) => {
    const { competitionId } = socket.data;
    const { expertId } = (socket.data.actor as ExpertActor).credential;
    void socket.join([competitionRoom(competitionId), expertRoom(competitionId, expertId)]);

    /** The credential as it is now: a session ended since the handshake refuses the command. */
    const credential = async () => {
      const actor = await currentActor(services, socket);
      if (actor?.kind !== 'expert' || actor.credential.expertId !== expertId) {
        throw new ApiError('unauthorized');
      }
      return actor.credential;
    };

    socket.on(
      'marks:record',
      withAck(socket, async (payload) => {
        const { marks } = payloadOf(markBatchSchema, payload);
        await credential();
        const runtime = await runtimeOf(services, competitionId);
        return { results: await runtime.recordMarks(expertId, marks) };
      }),
    );

    socket.on(
      'competition:view',
      withAck(socket, async (payload) => {
        payloadOf(noPayload, payload);
        const { role } = await credential();
        const runtime = await runtimeOf(services, competitionId);
        return { view: await expertView(runtime, expertId, role) };
      }),
    );
  });

  /** After an append: judges see the panel's scores where they have scored, panels see locks. */
  return (runtime: CompetitionRuntime, events: readonly StoredEvent[]) => {
    const state = runtime.state;
    const touched = new Map<string, { competitor: string; aspect: string }>();
    const subCriteria = new Set<string>();
    for (const event of events) {
      const data = event.data as { mark?: MarkEntry; subCriterion?: string };
      if (data.mark) touched.set(`${data.mark.competitor}|${data.mark.aspect}`, data.mark);
      if (event.type.startsWith('subCriterion.') && data.subCriterion) {
        subCriteria.add(data.subCriterion);
      }
    }
    const to = (expertId: string) => namespace.to(expertRoom(runtime.id, expertId));
    for (const { competitor, aspect } of touched.values()) {
      const indexed = state.scoring.index.aspectByCode.get(aspect);
      if (indexed?.kind !== 'judgement') continue;
      const subCriterion = state.scoring.index.subCriteria[indexed.subCriterion]!.id;
      for (const expertId of state.panels.get(subCriterion) ?? []) {
        const revealed = revealedScores(state, expertId, competitor, aspect);
        if (revealed) to(expertId).emit('scores', { competitionId: runtime.id, ...revealed });
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
}
