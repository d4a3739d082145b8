import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connectTo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandAck as Ack, RescoreRequest } from '@ashyq/shared';
import type { RevealedScores } from '../../server/src/competitions/expert-view';
import type { ItemResult } from '../../server/src/competitions/runtime-types';
import { loadConfig } from '../../server/src/config';
import { createApp } from '../../server/src/http/app';
import { attachRealtime, type Realtime } from '../../server/src/realtime';
import { createServices, type Services } from '../../server/src/services';
import { sampleScheme } from '@ashyq/shared/scoring/fixtures';
import { removeDataDir, tempDataDir } from '../support/server';
import { call, expertCookie, seedCompetition, type SeededCompetition } from './competition-harness';
import { collect, connected as opening } from '../support/sockets';

/** The chief console's pushes: re-score requests, view changes, discrepancy flags with the scores. */
let dataDir: string;
let services: Services;
let realtime: Realtime;
let base: string;
let seeded: SeededCompetition;
const cookies: Record<string, string> = {};
const opened: Socket[] = [];

type ScoresPush = RevealedScores & { competitionId: string };
interface RescorePush {
  competitionId: string;
  competitor: string;
  aspect: string;
  reason: string | null;
  at: string;
}

let serial = 0;
const judged = (competitor: string, aspect: string, score: number) => ({
  id: `rcc_${String(++serial).padStart(6, '0')}`,
  competitor,
  aspect,
  value: { kind: 'judgement', score },
});
const chief = (path: string) => `/api/chief/competitions/${seeded.competitionId}${path}`;

function connected(namespace: '/expert' | '/chief', cookie: string, auth: object = {}) {
  const socket = connectTo(`${base}${namespace}`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth,
    extraHeaders: { cookie },
  });
  opened.push(socket);
  return opening(socket);
}

const record = (socket: Socket, marks: object[]) =>
  socket.timeout(10_000).emitWithAck('marks:record', { marks }) as Promise<
    Ack<{ results: ItemResult[] }>
  >;

beforeAll(async () => {
  dataDir = tempDataDir();
  services = await createServices(loadConfig({ DATA_DIR: dataDir }));
  seeded = await seedCompetition(services, { scheme: sampleScheme() });
  const server = createServer(createApp(services));
  realtime = attachRealtime(server, services);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const expert of seeded.experts) {
    cookies[expert.id] = await expertCookie(services, base, seeded.competitionId, expert);
  }
  const runtime = await services.competitions.open(seeded.competitionId);
  // e1 (almaty) is p1's compatriot; p2's A1.J1 is judged by e1, e2 and e3 here.
  await runtime.setPanel('chief', 'A1', ['e1', 'e2', 'e3', 'e4']);
});

afterAll(async () => {
  for (const socket of opened) socket.disconnect();
  await realtime.close();
  await services.close();
  removeDataDir(dataDir);
});

describe('discrepancies and re-scores on the tablets', () => {
  const sockets: Record<string, Socket> = {};
  beforeAll(async () => {
    for (const id of ['e1', 'e2', 'e3', 'e4'])
      sockets[id] = await connected('/expert', cookies[id]!);
  });

  it('flags the revealed scores, tells only the judges asked to re-score, then clears the flag', async () => {
    const onP2 = (push: ScoresPush) => push.competitor === 'p2' && push.aspect === 'A1.J1';
    const e1Scores = collect<ScoresPush>(sockets.e1!, 'scores');
    const e4Panel = collect<{ competitor: string; aspect: string; full: boolean }>(
      sockets.e4!,
      'panel',
    );
    const rescores = Object.fromEntries(
      ['e1', 'e2', 'e3', 'e4'].map((id) => [id, collect<RescorePush>(sockets[id]!, 'rescore')]),
    );
    expect(await record(sockets.e1!, [judged('p2', 'A1.J1', 0)])).toMatchObject({ ok: true });
    await record(sockets.e2!, [judged('p2', 'A1.J1', 3)]);
    await record(sockets.e3!, [judged('p2', 'A1.J1', 3)]);
    const [, , full] = await e1Scores.until((pushes) => pushes.filter(onP2).length >= 3);
    expect(full).toMatchObject({ discrepancy: true });
    expect(full!.scores).toHaveLength(3);
    // The fourth judge of the team learns the panel is complete, and no score.
    const [, , complete] = await e4Panel.until((pushes) => pushes.length >= 3);
    expect(complete).toEqual({
      competitionId: seeded.competitionId,
      competitor: 'p2',
      aspect: 'A1.J1',
      full: true,
    });
    const e4View = await sockets.e4!.timeout(10_000).emitWithAck('competition:view');
    expect(e4View.view.fullPanels).toEqual([{ competitor: 'p2', aspect: 'A1.J1' }]);
    expect(e4View.view.revealedScores).toEqual([]);

    const chiefSocket = await connected('/chief', cookies.chief!, {
      competitionId: seeded.competitionId,
    });
    const overviews = collect<{ rescoreRequests: RescoreRequest[]; matrix: object[] }>(
      chiefSocket,
      'overview',
    );
    const reason = 'Score the layout again on the projector';
    const asked = await call(base, cookies.deputy, 'POST', chief('/rescore-requests'), {
      competitorId: 'p2',
      aspect: 'A1.J1',
      reason,
    });
    expect(asked.status).toBe(201);
    const expected = {
      competitionId: seeded.competitionId,
      competitor: 'p2',
      aspect: 'A1.J1',
      reason,
      at: asked.body.request.at,
    };
    for (const id of ['e1', 'e2', 'e3']) {
      expect((await rescores[id]!.until((pushes) => pushes.length > 0))[0]).toEqual(expected);
    }
    const [withRequest] = await overviews
      .until((all) => all.some((o) => o.rescoreRequests.length > 0))
      .then((all) => all.filter((o) => o.rescoreRequests.length > 0));
    expect(withRequest!.rescoreRequests[0]).toMatchObject({ pending: ['e1', 'e2', 'e3'] });
    expect(withRequest!.matrix.length).toBeGreaterThan(0);

    // e2 re-scores; e4, never asked, was told nothing before this later push reached it.
    const e4Views = collect<object>(sockets.e4!, 'view:changed');
    await record(sockets.e2!, [judged('p2', 'A1.J1', 1)]);
    const resolved = await call(base, cookies.chief, 'POST', chief('/discrepancies/resolve'), {
      competitorId: 'p2',
      aspect: 'A1.J1',
      reason: 'The panel agreed after looking together',
    });
    expect(resolved.status).toBe(200);
    const cleared = await e1Scores.until(
      (pushes) => pushes.filter(onP2).at(-1)?.discrepancy === false,
    );
    expect(
      cleared
        .filter(onP2)
        .at(-1)!
        .scores.map((s) => s.score)
        .sort(),
    ).toEqual([0, 1, 3]);
    await services.competitions
      .open(seeded.competitionId)
      .then((runtime) => runtime.setPanel('chief', 'A2', ['e4']));
    await e4Views.until((pushes) => pushes.length > 0);
    expect(rescores.e4!.all).toEqual([]);
    expect(rescores.e1!.all).toHaveLength(1);
  });
});

describe("the team's measurements", () => {
  it('reach every expert of the panel with the sub-criterion open in one push, and stay in the view', async () => {
    const e2 = await connected('/expert', cookies.e2!);
    const e3 = await connected('/expert', cookies.e3!);
    const e2Pushes = collect<{ marks: { aspect: string; mark: { expert: string } | null }[] }>(
      e2,
      'team-marks',
    );
    const e3Pushes = collect<object>(e3, 'team-marks');
    const e4 = await connected('/expert', cookies.e4!);
    const e4Pushes = collect<object>(e4, 'team-marks');
    // e2 and e3 have A1 open on their tablets; e4 has another sub-criterion open.
    for (const [socket, subCriterion] of [
      [e2, 'A1'],
      [e3, 'A1'],
      [e4, 'A2'],
    ] as const) {
      expect(
        await socket.timeout(10_000).emitWithAck('team:watch', { subCriterion }),
      ).toMatchObject({ ok: true });
    }
    expect(await e2.timeout(10_000).emitWithAck('team:watch', { subCriterion: 7 })).toMatchObject({
      ok: false,
    });
    const measured = { id: 'rcc_team_01', competitor: 'p2', aspect: 'A1.M1' };
    const second = { id: 'rcc_team_02', competitor: 'p2', aspect: 'A1.M2' };
    const achieved = { kind: 'binary', achieved: true };
    expect(
      await record(e3, [
        { ...measured, value: achieved },
        { ...second, value: { kind: 'deduction', measured: 1200 } },
      ]),
    ).toMatchObject({ results: [{ status: 'accepted' }, { status: 'accepted' }] });
    // Both cells in one push, each with the mark that now counts.
    const [push] = await e2Pushes.until((pushes) => pushes.length >= 1);
    expect(push!.marks).toEqual(
      [measured, second].map(({ id, competitor, aspect }) =>
        expect.objectContaining({
          competitor,
          aspect,
          mark: expect.objectContaining({ id, expert: 'e3' }),
        }),
      ),
    );
    const view = await e2.timeout(10_000).emitWithAck('competition:view');
    expect(view.view.teamMarks).toContainEqual(
      expect.objectContaining({ ...measured, expert: 'e3' }),
    );
    expect(view.view.team.map((expert: { id: string }) => expert.id).sort()).toEqual([
      'e1',
      'e3',
      'e4',
    ]);
    // The author's tablet gets the very same push (serialised once for all watchers) and
    // leaves its own marks out of its grid (client live-view tests).
    expect(await e3Pushes.until((pushes) => pushes.length >= 1)).toEqual([push]);
    // A push emitted to e4 would have arrived before the answer to a later command on the
    // same connection: a round trip, so "nothing arrived" is a fact, not a race.
    await e4.timeout(10_000).emitWithAck('competition:view');
    expect(e4Pushes.all).toEqual([]);
  });
});

describe('view:changed', () => {
  it("tells every expert of the competition when panels, conflicts or competitors' status change, not on marks", async () => {
    const e2 = await connected('/expert', cookies.e2!);
    const e4 = await connected('/expert', cookies.e4!);
    const e2Changes = collect<{ competitionId: string }>(e2, 'view:changed');
    const e4Changes = collect<{ competitionId: string }>(e4, 'view:changed');
    // B1 has no panel yet: refused, and nothing is pushed for it.
    expect(await record(e2, [judged('p2', 'B1.J1', 1)])).toMatchObject({
      results: [{ status: 'rejected', reason: 'not_on_panel' }],
    });
    await record(e2, [judged('p1', 'A1.J1', 2)]);

    const conflict = await call(base, cookies.chief, 'POST', chief('/conflicts'), {
      expertId: 'e4',
      competitorId: 'p2',
    });
    expect(conflict.status).toBe(200);
    await e2Changes.until((pushes) => pushes.length >= 1);
    await e4Changes.until((pushes) => pushes.length >= 1);
    // Pushes keep their order: a mark before the conflict would have pushed first.
    expect(e2Changes.all).toEqual([{ competitionId: seeded.competitionId }]);

    const status = await call(base, cookies.chief, 'POST', chief('/competitors/p1/status'), {
      status: 'absent',
      reason: 'Did not arrive',
    });
    expect(status.status).toBe(200);
    await e4Changes.until((pushes) => pushes.length >= 2);
    const panel = await call(base, cookies.chief, 'PUT', chief('/panels/A2'), {
      expertIds: ['e2', 'e4'],
    });
    expect(panel.status).toBe(200);
    await e2Changes.until((pushes) => pushes.length >= 3);
    const view = await e4.timeout(10_000).emitWithAck('competition:view');
    expect(view.view.competitors.map((c: { id: string }) => c.id)).toEqual(['p1']);
    expect(view.view.competitors[0].status).toBe('absent');
  });

  it("tells the tablets when the organiser corrects a competitor's name, which their view then shows", async () => {
    const e4 = await connected('/expert', cookies.e4!);
    const changes = collect<{ competitionId: string }>(e4, 'view:changed');
    const runtime = await services.competitions.open(seeded.competitionId);
    const name = { last: 'Сейітқали', first: 'Әлия' };
    await runtime.renameCompetitor('organiser-1', 'p1', name, 'Misspelt in the registration file');
    await changes.until((pushes) => pushes.length >= 1);
    const view = await e4.timeout(10_000).emitWithAck('competition:view');
    expect(view.view.competitors[0]).toMatchObject({ id: 'p1', name });
  });
});
