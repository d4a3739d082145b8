import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connectTo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BoardReplica,
  type Board,
  type BoardDiffMessage,
  type BoardSnapshotMessage,
  type BoardDiffMessage as Diff,
  type ChampionshipOverview,
  type Competition,
} from '@ashyq/shared';
import { collections } from '../../server/src/collections';
import { loadConfig } from '../../server/src/config';
import { createApp } from '../../server/src/http/app';
import { attachRealtime, type Realtime } from '../../server/src/realtime';
import type { CommandAck as Ack } from '@ashyq/shared';
import { createServices, type Services } from '../../server/src/services';
import type { StoredDocument } from '../../server/src/store/port';
import { removeDataDir, tempDataDir } from '../support/server';
import {
  binaryScheme,
  call,
  expertCookie,
  seedCompetition,
  type SeededCompetition,
} from './competition-harness';
import { iinShapedNumbers } from '../support/privacy';

let dataDir: string;
let services: Services;
let realtime: Realtime;
let base: string;
let seeded: SeededCompetition;
let chiefCookie: string;
let organiserCookie: string;
const opened: Socket[] = [];
/** Every payload a /board socket or a public route gave, swept for IIN-shaped values at the end. */
const publicPayloads: unknown[] = [];

type JoinAnswer = { room: string } & (
  | { kind: 'snapshot'; snapshot: BoardSnapshotMessage<Board> }
  | { kind: 'diffs'; diffs: BoardDiffMessage[] }
);

let serial = 0;
const pass = (competitor: string, aspect: number, achieved = true) => ({
  id: `bd_${String(++serial).padStart(6, '0')}`,
  competitor,
  aspect: `A1.M${aspect}`,
  value: { kind: 'binary' as const, achieved },
});

async function record(competitor: string, aspect: number, achieved = true) {
  const runtime = await services.competitions.open(seeded.competitionId);
  const [result] = await runtime.recordMarks('e2', [pass(competitor, aspect, achieved)]);
  expect(result!.status).toBe('accepted');
}

function board(): Socket {
  const socket = connectTo(`${base}/board`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  socket.onAny((_name, payload) => publicPayloads.push(payload));
  opened.push(socket);
  return socket;
}

/** A /board client following one room, as the web app does. */
async function follow(room: { competitionId?: string; championshipId?: string }, held?: Diff) {
  const socket = board();
  const replica = new BoardReplica<Board>();
  const diffs: BoardDiffMessage[] = [];
  const waiting = new Set<() => void>();
  socket.on('diff', (diff: BoardDiffMessage) => {
    diffs.push(diff);
    replica.diff(diff);
    for (const check of waiting) check();
  });
  const answer = await join(socket, {
    ...room,
    ...(held ? { epoch: held.epoch, version: held.version } : {}),
  });
  if (answer.kind === 'snapshot') replica.snapshot(answer.snapshot);
  /** Resolves once the replica satisfies `done`. */
  const until = (done: (data: Board) => boolean) =>
    new Promise<Board>((resolve) => {
      const check = () => {
        if (replica.data === undefined || !done(replica.data)) return;
        waiting.delete(check);
        resolve(replica.data);
      };
      waiting.add(check);
      check();
    });
  return { socket, replica, diffs, answer, until };
}

async function join(socket: Socket, payload: object): Promise<JoinAnswer> {
  const ack = (await socket.timeout(10_000).emitWithAck('join', payload)) as Ack<JoinAnswer>;
  publicPayloads.push(ack);
  if (!ack.ok) throw new Error(ack.error.code);
  return ack;
}

async function publicGet<T>(path: string): Promise<T> {
  const res = await fetch(`${base}${path}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as T;
  publicPayloads.push(body);
  return body;
}

const boardPath = () => `/api/public/competitions/${seeded.competitionId}/board`;
const totals = (data: Board) => data.rows?.map((row) => [row.competitor, row.total]);

async function setPublication(publication: Competition['publication']) {
  const stored = await services.store.getDocument(collections.competitions, seeded.competitionId);
  const competition = { ...(stored!.document as unknown as Competition), publication };
  if (!publication) delete competition.publication;
  await services.store.putDocument(
    collections.competitions,
    competition as unknown as StoredDocument,
  );
  await services.competitions.refresh(seeded.competitionId);
}

beforeAll(async () => {
  dataDir = tempDataDir();
  services = await createServices(loadConfig({ DATA_DIR: dataDir }));
  seeded = await seedCompetition(services, {
    scheme: binaryScheme(6),
    publication: { policy: 'live' },
    competitors: [
      { id: 'p1', regionId: 'almaty' },
      { id: 'p2', regionId: 'abai' },
      { id: 'p3', regionId: 'shymkent' },
    ],
  });
  const server = createServer(createApp(services));
  realtime = attachRealtime(server, services);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chief = seeded.experts.find((expert) => expert.id === 'chief')!;
  chiefCookie = await expertCookie(services, base, seeded.competitionId, chief);
  const runtime = await services.competitions.open(seeded.competitionId);
  await runtime.setPanel('chief', 'A1', ['e2']);
  await services.accounts.createOrganiser({
    email: 'boards@example.kz',
    name: 'Organiser',
    password: 'correct horse battery',
    scope: { kind: 'championships', ids: [seeded.championshipId] },
    roles: ['organiser'],
  });
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'boards@example.kz', password: 'correct horse battery' }),
  });
  organiserCookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
});

afterAll(async () => {
  for (const socket of opened) socket.disconnect();
  await realtime.close();
  await services.close();
  removeDataDir(dataDir);
});

describe('/board', () => {
  it('sends a snapshot on join, then versioned diffs as marks are recorded', async () => {
    const spectator = await follow({ competitionId: seeded.competitionId });
    expect(spectator.answer.kind).toBe('snapshot');
    expect(spectator.replica.data!.rows!.every((row) => row.total === 0)).toBe(true);
    expect(spectator.replica.data!.rows![0]!.college).toEqual({
      kk: 'Жоғары колледж',
      ru: 'Высший колледж',
    });
    await record('p2', 1);
    const data = await spectator.until((b) => b.rows![0]!.competitor === 'p2');
    expect(totals(data)).toEqual([
      ['p2', 0.5],
      ['p1', 0],
      ['p3', 0],
    ]);
    expect(
      spectator.diffs.every((diff, i) => i === 0 || diff.from === spectator.diffs[i - 1]!.version),
    ).toBe(true);
    expect(data).toEqual(await publicGet<Board>(boardPath()));
  });

  it('coalesces a burst of marks into fewer updates than marks', async () => {
    const spectator = await follow({ competitionId: seeded.competitionId });
    await Promise.all([2, 3, 4, 5, 6].map((aspect) => record('p2', aspect)));
    await record('p1', 1);
    const data = await spectator.until(
      (b) => b.rows!.find((r) => r.competitor === 'p1')!.total === 0.5,
    );
    expect(data.rows![0]).toMatchObject({ competitor: 'p2', total: 3 });
    expect(spectator.diffs.length).toBeLessThan(6);
  });

  it('gives a reconnecting board the diffs it missed, and a snapshot when it holds another epoch', async () => {
    const first = await follow({ competitionId: seeded.competitionId });
    const held = {
      room: first.answer.room,
      epoch: first.replica.epoch!,
      from: 0,
      version: first.replica.version!,
      ops: [],
    };
    first.socket.disconnect();
    await record('p3', 1);
    await record('p3', 2);
    const expected = await (async () => {
      const watcher = await follow({ competitionId: seeded.competitionId });
      return watcher.until((b) => b.rows!.find((r) => r.competitor === 'p3')!.total === 1);
    })();
    const again = await follow({ competitionId: seeded.competitionId }, held);
    expect(again.answer.kind).toBe('diffs');
    const caughtUp = new BoardReplica<Board>();
    caughtUp.snapshot({
      room: held.room,
      epoch: held.epoch,
      version: held.version,
      data: first.replica.data!,
    });
    if (again.answer.kind === 'diffs') for (const diff of again.answer.diffs) caughtUp.diff(diff);
    expect(caughtUp.data).toEqual(expected);
    const stranger = await follow(
      { competitionId: seeded.competitionId },
      { ...held, epoch: 'other' },
    );
    expect(stranger.answer.kind).toBe('snapshot');
  });

  it('refuses a malformed join and an unknown competition, and stays connected', async () => {
    const socket = board();
    await expect(join(socket, { competitionId: 'x', championshipId: 'y' })).rejects.toThrow(
      'validation_failed',
    );
    await expect(join(socket, { competitionId: 'no-such-competition' })).rejects.toThrow(
      'not_found',
    );
    expect(socket.connected).toBe(true);
  });

  it('pushes the championship overview with leaders, progress and medal tables', async () => {
    const overview = await follow({ championshipId: seeded.championshipId });
    const data = overview.replica.data as unknown as ChampionshipOverview;
    expect(data.competitions[0]).toMatchObject({
      id: seeded.competitionId,
      status: 'marking',
      leader: { competitor: 'p2', total: 3 },
      day: 1,
      lockedPercent: 0,
    });
    // Medal tables count final competitions only: a live, unfinished one adds nothing.
    expect(data.medals).toMatchObject({ provisional: true, counted: [], regions: [] });
    await record('p1', 2);
    await overview.until((d) => {
      const o = d as unknown as ChampionshipOverview;
      return o.competitions[0]!.markedPercent > data.competitions[0]!.markedPercent;
    });
  });
});

describe('publication policies', () => {
  it('embargo: progress only, no totals on HTTP or /board', async () => {
    await setPublication({ policy: 'embargo' });
    // The policy is no event: the boards' periodic check picks it up.
    const spectator = await follow({ competitionId: seeded.competitionId });
    const embargoed = await spectator.until((b) => b.rows === null);
    expect(embargoed.progress.marked).toBeGreaterThan(0);
    const overHttp = await publicGet<Board>(boardPath());
    expect(overHttp.rows).toBeNull();
    expect(JSON.stringify(overHttp)).not.toContain('"total"');
    const overview = await publicGet<ChampionshipOverview>(
      `/api/public/championships/${seeded.championshipId}/overview`,
    );
    expect(overview.competitions[0]!.leader).toBeNull();
    expect(overview.medals.regions).toEqual([]);
  });

  it('freeze: the public board stops changing, the staff board does not', async () => {
    await setPublication({ policy: 'live', freezeAt: new Date().toISOString() });
    const before = await publicGet<Board>(boardPath());
    expect(before.frozenAt).not.toBeNull();
    const spectator = await follow({ competitionId: seeded.competitionId });
    await spectator.until((b) => b.frozenAt !== null);
    await record('p3', 3);
    await record('p3', 4);
    const staff = await call(
      base,
      chiefCookie,
      'GET',
      `/api/chief/competitions/${seeded.competitionId}/board`,
    );
    expect(staff.status).toBe(200);
    expect(staff.body.rows.find((r: { competitor: string }) => r.competitor === 'p3').total).toBe(
      2,
    );
    const after = await publicGet<Board>(boardPath());
    expect(totals(after)).toEqual(totals(before));
    expect(totals(spectator.replica.data!)).toEqual(totals(before));
    await setPublication({ policy: 'live' });
  });

  it('answers an unchanged board with 304 Not Modified', async () => {
    const first = await fetch(`${base}${boardPath()}`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(`${base}${boardPath()}`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    await record('p1', 3);
    const changed = await fetch(`${base}${boardPath()}`, { headers: { 'if-none-match': etag! } });
    expect(changed.status).toBe(200);
  });

  it("heads the criterion columns with the scheme's names and maxima", async () => {
    const board = await publicGet<Board>(boardPath());
    const scheme = services.competitions.get(seeded.competitionId)!.state.scoring.index.scheme;
    expect(board.criteria.map(({ id, name }) => ({ id, name }))).toEqual(
      scheme.criteria.map(({ id, name }) => ({ id, name })),
    );
    expect(board.criteria.every((criterion) => criterion.max > 0)).toBe(true);
  });

  it("draws the QR code of a competition's own board, and of nothing else", async () => {
    const res = await fetch(`${base}/api/public/competitions/${seeded.competitionId}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await res.text()).toMatch(/^<svg[^>]*viewBox/);
    const unknown = await fetch(`${base}/api/public/competitions/no-such-competition/qr.svg`);
    expect(unknown.status).toBe(404);
  });
});

describe('freeze on the championship overview', () => {
  it('keeps status, progress and day as they stood at the freeze time, for the public only', async () => {
    const overviewPath = `/api/public/championships/${seeded.championshipId}/overview`;
    const publicOverview = async () =>
      (await publicGet<ChampionshipOverview>(overviewPath)).competitions[0]!;
    const listed = async () => {
      const { championships } = await publicGet<{
        championships: { id: string; competitions: { id: string; progress: unknown }[] }[];
      }>('/api/public/championships');
      return championships.find((c) => c.id === seeded.championshipId)!.competitions[0]!.progress;
    };
    // A millisecond back: every mark recorded from now on is after the freeze.
    await setPublication({ policy: 'live', freezeAt: new Date(Date.now() - 1).toISOString() });
    const before = { summary: await publicOverview(), progress: await listed() };
    expect(before.summary).toMatchObject({ status: 'marking', lockedPercent: 0, day: 1 });

    for (const aspect of [4, 5, 6]) await record('p1', aspect);
    for (const aspect of [5, 6]) await record('p3', aspect, false);
    const runtime = await services.competitions.open(seeded.competitionId);
    await runtime.lock('chief', 'A1');

    expect(await publicOverview()).toEqual(before.summary);
    expect(await listed()).toEqual(before.progress);
    const staff = await call(
      base,
      chiefCookie,
      'GET',
      `/api/chief/competitions/${seeded.competitionId}/board`,
    );
    expect(staff.body.progress).toEqual({ marked: 18, required: 18 });
    expect(runtime.overview().progress).toMatchObject({ marked: 18, required: 18 });
    await setPublication({ policy: 'live' });
    expect(await publicOverview()).toMatchObject({
      status: 'locked',
      markedPercent: 100,
      lockedPercent: 100,
      day: null,
    });
  });
});

describe('ceremony reveal', () => {
  const path = () => `/api/organiser/competitions/${seeded.competitionId}/ceremony`;

  it('shows the same step on two boards, from last place up, and survives as stored state', async () => {
    const one = await follow({ competitionId: seeded.competitionId });
    const two = await follow({ competitionId: seeded.competitionId });
    expect((await call(base, undefined, 'POST', path(), { mode: 'ascending' })).status).toBe(401);
    expect((await call(base, organiserCookie, 'POST', path(), { mode: 'sideways' })).status).toBe(
      400,
    );
    // Marking is done and A1 locked (above), but not signed off: the results are not final.
    const refused = await call(base, organiserCookie, 'POST', path(), { mode: 'ascending' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0]).toMatchObject({ code: 'results_not_final' });
    const runtime = await services.competitions.open(seeded.competitionId);
    await runtime.signOff('e2', 'A1');
    await runtime.publish('chief');
    expect((await call(base, organiserCookie, 'POST', path(), { mode: 'ascending' })).status).toBe(
      201,
    );
    for (const spectator of [one, two]) {
      const data = await spectator.until((b) => b.ceremony?.step === 0);
      expect(data.rows).toEqual([]);
    }
    const step = await call(base, organiserCookie, 'POST', `${path()}/step`, { move: 'next' });
    expect(step.body.ceremony.step).toBe(1);
    const shown = await Promise.all([one, two].map((s) => s.until((b) => b.ceremony?.step === 1)));
    expect(shown[0]).toEqual(shown[1]);
    expect(shown[0]!.rows!.map((row) => row.position)).toEqual([3]);
    // p1 and p2 finished equal first: they are revealed together in the last step.
    expect(shown[0]!.ceremony).toMatchObject({ steps: 2, hidden: 2 });
    const stored = await call(base, organiserCookie, 'GET', path());
    expect(stored.body.ceremony).toMatchObject({ mode: 'ascending', step: 1 });
    expect((await call(base, organiserCookie, 'DELETE', path())).status).toBe(204);
    const ended = await one.until((b) => b.ceremony === null);
    expect(ended.rows).toHaveLength(3);
  });
});

describe('personal data', () => {
  it('no public payload carries an IIN-shaped value', async () => {
    await publicGet(`/api/public/championships/${seeded.championshipId}/medals`);
    await publicGet(`/api/public/competitions/${seeded.competitionId}/competitors/p1`);
    const text = JSON.stringify(publicPayloads);
    expect(publicPayloads.length).toBeGreaterThan(10);
    expect(iinShapedNumbers(text)).toEqual([]);
    for (const competitor of seeded.competitors) expect(text).not.toContain(competitor.iin);
  });
});
