import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connectTo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandAck as Ack, LockState, OpenDiscrepancy } from '@ashyq/shared';
import type { RevealedScores } from '../../server/src/competitions/expert-view';
import type { ItemResult } from '../../server/src/competitions/runtime-types';
import { loadConfig } from '../../server/src/config';
import { createApp } from '../../server/src/http/app';
import { attachRealtime, type Realtime } from '../../server/src/realtime';
import { createServices, type Services } from '../../server/src/services';
import type { StoredEvent } from '../../server/src/store/port';
import { sampleScheme } from '@ashyq/shared/scoring/fixtures';
import { removeDataDir, tempDataDir } from '../support/server';
import { call, expertCookie, seedCompetition, type SeededCompetition } from './competition-harness';
import { iinShapedNumbers } from '../support/privacy';
import { collect, connected } from '../support/sockets';

let dataDir: string;
let services: Services;
let realtime: Realtime;
let base: string;
let seeded: SeededCompetition;
const cookies: Record<string, string> = {};
const opened: Socket[] = [];
/** Every payload any socket of this file received, to sweep for IIN-shaped tokens at the end. */
const received: unknown[] = [];

interface EventsPush {
  competitionId: string;
  fromSeq: number;
  events: StoredEvent[];
}
type ScoresPush = RevealedScores & { competitionId: string };

let serial = 0;
const markId = () => `rt_${String(++serial).padStart(6, '0')}`;
const judged = (competitor: string, aspect: string, score: number) => ({
  id: markId(),
  competitor,
  aspect,
  value: { kind: 'judgement', score },
});
const choice = (competitor: string, option: number) => ({
  id: markId(),
  competitor,
  aspect: 'A2.M1',
  value: { kind: 'choice', option },
});

function socketOf(
  namespace: '/expert' | '/chief' | '/board',
  cookie?: string,
  auth: object = {},
  /** Headers a browser adds (Origin), and the transport it uses. */
  browser: { headers?: Record<string, string>; transport?: 'websocket' | 'polling' } = {},
): Socket {
  const socket = connectTo(`${base}${namespace}`, {
    path: '/socket.io',
    transports: [browser.transport ?? 'websocket'],
    reconnection: false,
    forceNew: true,
    auth,
    extraHeaders: { ...(cookie ? { cookie } : {}), ...browser.headers },
  });
  socket.onAny((_name, payload) => received.push(payload));
  opened.push(socket);
  return socket;
}

/** The next push of `name` that satisfies `matches`, whether or not it arrived already. */
function pushed<T>(
  socket: Socket,
  name: string,
  matches: (payload: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!matches(payload)) return;
      socket.off(name, listener);
      resolve(payload);
    };
    socket.on(name, listener);
  });
}

const ask = <T>(socket: Socket, command: string, ...payload: unknown[]) =>
  socket.timeout(10_000).emitWithAck(command, ...payload) as Promise<Ack<T>>;

const record = (socket: Socket, marks: object[]) =>
  ask<{ results: ItemResult[] }>(socket, 'marks:record', { marks });

async function organiserCookie(email: string, championshipIds: string[]): Promise<string> {
  const password = 'correct horse battery';
  await services.accounts.createOrganiser({
    email,
    name: 'Organiser',
    password,
    scope: { kind: 'championships', ids: championshipIds },
    roles: ['organiser'],
  });
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

const chiefAuth = (lastSeq?: number) => ({ competitionId: seeded.competitionId, lastSeq });
const head = async () => (await services.log.head(seeded.competitionId)).seq;

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
  // e1 (almaty) is p1's compatriot; the judges of A1.J1 are e2, e3 and e4.
  await runtime.setPanel('chief', 'A1', ['e1', 'e2', 'e3', 'e4']);
  await runtime.setPanel('chief', 'A2', ['e2']);
});

afterAll(async () => {
  for (const socket of opened) socket.disconnect();
  await realtime.close();
  await services.close();
  removeDataDir(dataDir);
});

describe('the handshake', () => {
  it('refuses a connection without a session', async () => {
    await expect(connected(socketOf('/expert'))).rejects.toThrow('unauthorized');
    await expect(connected(socketOf('/chief', undefined, chiefAuth()))).rejects.toThrow(
      'unauthorized',
    );
  });

  it('keeps experts out of /chief and organisers of other competitions out of both', async () => {
    await expect(connected(socketOf('/chief', cookies.e1, chiefAuth()))).rejects.toThrow(
      'forbidden',
    );
    const elsewhere = { competitionId: 'another-competition' };
    await expect(connected(socketOf('/chief', cookies.chief, elsewhere))).rejects.toThrow(
      'forbidden',
    );
    await expect(connected(socketOf('/expert', cookies.e1, elsewhere))).rejects.toThrow(
      'forbidden',
    );
  });

  it('lets the chief expert and the deputy into /chief', async () => {
    await connected(socketOf('/chief', cookies.chief, chiefAuth()));
    await connected(socketOf('/chief', cookies.deputy, chiefAuth()));
  });

  it('lets an organiser into /chief only for a championship in its scope, never into /expert', async () => {
    const inScope = await organiserCookie('in-scope@example.kz', [seeded.championshipId]);
    const outOfScope = await organiserCookie('elsewhere@example.kz', ['champ-other']);
    await connected(socketOf('/chief', inScope, chiefAuth()));
    await expect(connected(socketOf('/chief', outOfScope, chiefAuth()))).rejects.toThrow(
      'forbidden',
    );
    await expect(connected(socketOf('/expert', inScope))).rejects.toThrow('forbidden');
  });
});

describe('the Origin of a browser', () => {
  const foreign = { origin: 'https://evil.example' };

  it('refuses a page of another site on /expert and /chief, even with a signed-in cookie', async () => {
    const before = await head();
    for (const transport of ['websocket', 'polling'] as const) {
      const expert = socketOf('/expert', cookies.e1, {}, { headers: foreign, transport });
      const chief = socketOf('/chief', cookies.chief, chiefAuth(0), {
        headers: foreign,
        transport,
      });
      const streamed = collect<EventsPush>(chief, 'events');
      await expect(connected(expert)).rejects.toThrow('bad_origin');
      await expect(connected(chief)).rejects.toThrow('bad_origin');
      // The refused chief socket was sent no page of the audit trail.
      expect(streamed.all).toEqual([]);
    }
    // Ashyq's own host over another scheme is another origin too.
    const otherScheme = { origin: base.replace('http:', 'https:') };
    await expect(
      connected(socketOf('/expert', cookies.e1, {}, { headers: otherScheme })),
    ).rejects.toThrow('bad_origin');
    await expect(
      connected(socketOf('/chief', cookies.chief, chiefAuth(), { headers: { origin: 'null' } })),
    ).rejects.toThrow('bad_origin');
    expect(await head()).toBe(before);
  });

  it('lets Ashyq’s own pages in, directly or through a TLS proxy on this machine', async () => {
    const own = { origin: base };
    const expert = await connected(socketOf('/expert', cookies.e2, {}, { headers: own }));
    expect((await ask<{ view: object }>(expert, 'competition:view')).ok).toBe(true);
    await connected(
      socketOf('/chief', cookies.chief, chiefAuth(), { headers: own, transport: 'polling' }),
    );
    const proxied = { origin: base.replace('http:', 'https:'), 'x-forwarded-proto': 'https' };
    await connected(socketOf('/chief', cookies.deputy, chiefAuth(), { headers: proxied }));
  });

  it('keeps the public board open to any site: it takes no command and carries no personal data', async () => {
    const board = await connected(socketOf('/board', undefined, {}, { headers: foreign }));
    const joined = await ask<{ kind: string }>(board, 'join', {
      competitionId: seeded.competitionId,
    });
    expect(joined).toMatchObject({ ok: true, kind: 'snapshot' });
  });
});

describe('expert commands', () => {
  it('records marks with per-mark acknowledgements and acknowledges a resend as duplicate', async () => {
    const e1 = await connected(socketOf('/expert', cookies.e1));
    const mark = {
      id: markId(),
      competitor: 'p2',
      aspect: 'A1.M1',
      value: { kind: 'binary', achieved: true },
    };
    expect(await record(e1, [mark])).toEqual({
      ok: true,
      results: [{ id: mark.id, status: 'accepted' }],
    });
    expect(await record(e1, [mark])).toEqual({
      ok: true,
      results: [{ id: mark.id, status: 'duplicate' }],
    });
  });

  it('acknowledges a compatriot mark as rejected with its reason code', async () => {
    const e1 = await connected(socketOf('/expert', cookies.e1));
    const mark = {
      id: markId(),
      competitor: 'p1',
      aspect: 'A1.M1',
      value: { kind: 'binary', achieved: true },
    };
    const ack = await record(e1, [mark]);
    expect(ack.ok && ack.results[0]).toMatchObject({ status: 'rejected', reason: 'compatriot' });
  });

  it('answers a bad payload with validation_failed and keeps serving the socket', async () => {
    const e1 = await connected(socketOf('/expert', cookies.e1));
    const bad = await ask(e1, 'marks:record', { marks: 'all of them' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(bad.ok || bad.error.details?.length).toBeGreaterThan(0);
    const forged = await record(e1, [{ ...judged('p2', 'A1.J1', 1), expert: 'e2' }]);
    expect(forged).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await ask(e1, 'marks:record')).toMatchObject({ ok: false });
    const view = await ask<{ view: { expert: { id: string } } }>(e1, 'competition:view');
    // Still serving: the view comes back, naming the signed-in expert (the tablet shows it).
    expect(view.ok && view.view.expert).toEqual({
      id: 'e1',
      role: 'expert',
      name: { first: 'Айгүл', last: 'Сарапшы0' },
    });
  });

  it('sends the same view as GET /api/expert/competition', async () => {
    const e1 = await connected(socketOf('/expert', cookies.e1));
    const rest = await call(base, cookies.e1, 'GET', '/api/expert/competition');
    const socketView = await ask<{ view: unknown }>(e1, 'competition:view');
    expect(socketView).toEqual({ ok: true, view: rest.body });
  });
});

describe('blind judgement and discrepancy alerts', () => {
  it('reveals the panel only to judges who scored, and alerts the chief to a discrepancy', async () => {
    const chief = await connected(socketOf('/chief', cookies.chief, chiefAuth()));
    const chiefEvents = collect<EventsPush>(chief, 'events');
    const judges = Object.fromEntries(
      await Promise.all(
        ['e2', 'e3', 'e4'].map(
          async (id) => [id, await connected(socketOf('/expert', cookies[id]))] as const,
        ),
      ),
    );
    const reveals = Object.fromEntries(
      Object.entries(judges).map(([id, socket]) => [id, collect<ScoresPush>(socket, 'scores').all]),
    );
    const onP2 = (push: ScoresPush) => push.competitor === 'p2' && push.aspect === 'A1.J1';

    const e2Sees = pushed<ScoresPush>(judges.e2!, 'scores', onP2);
    expect(await record(judges.e2!, [judged('p2', 'A1.J1', 0)])).toMatchObject({ ok: true });
    expect((await e2Sees).scores).toEqual([{ expert: 'e2', score: 0 }]);
    const e3Rest = await call(base, cookies.e3, 'GET', '/api/expert/competition');
    expect(e3Rest.body.revealedScores).toEqual([]);

    const e3Sees = pushed<ScoresPush>(
      judges.e3!,
      'scores',
      (p) => onP2(p) && p.scores.length === 2,
    );
    await record(judges.e3!, [judged('p2', 'A1.J1', 3)]);
    expect((await e3Sees).scores).toEqual([
      { expert: 'e2', score: 0 },
      { expert: 'e3', score: 3 },
    ]);

    const alert = pushed<OpenDiscrepancy>(chief, 'discrepancy');
    await record(judges.e4!, [judged('p2', 'A1.J1', 3)]);
    expect(await alert).toMatchObject({
      competitionId: seeded.competitionId,
      competitor: 'p2',
      aspect: 'A1.J1',
      spread: 3,
    });
    const e2Rest = await call(base, cookies.e2, 'GET', '/api/expert/competition');
    expect(e2Rest.body.revealedScores).toEqual([
      {
        competitor: 'p2',
        aspect: 'A1.J1',
        scores: expect.arrayContaining([{ expert: 'e4', score: 3 }]),
        discrepancy: true,
      },
    ]);
    // Whatever a judge was sent about an aspect includes its own score: nothing before it scored.
    for (const [id, pushes] of Object.entries(reveals)) {
      for (const push of pushes) expect(push.scores.map((s) => s.expert)).toContain(id);
    }
    const lastMark = await head();
    const pushes = await chiefEvents.until((all) => all.at(-1)?.events.at(-1)?.seq === lastMark);
    const marked = pushes.flatMap((push) => push.events).filter((e) => e.type === 'mark.recorded');
    expect(marked).toHaveLength(3);
  });
});

describe('locks', () => {
  it('acknowledges a mark on a locked sub-criterion as rejected and tells its panel', async () => {
    const e2 = await connected(socketOf('/expert', cookies.e2));
    await record(e2, [choice('p1', 0), choice('p2', 0)]);
    const lockPush = pushed<{ lock: LockState }>(e2, 'lock');
    const locked = await call(
      base,
      cookies.chief,
      'POST',
      `/api/chief/competitions/${seeded.competitionId}/sub-criteria/A2/lock`,
    );
    expect(locked.status).toBe(200);
    expect((await lockPush).lock).toMatchObject({ subCriterion: 'A2', locked: true });
    const ack = await record(e2, [choice('p1', 1)]);
    expect(ack.ok && ack.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'sub_criterion_locked',
    });
  });
});

describe('catch-up', () => {
  it('sends a reconnecting chief exactly the events it missed, then live ones', async () => {
    let chief = socketOf('/chief', cookies.chief, chiefAuth(await head()));
    const firstSync = pushed<{ seq: number }>(chief, 'synced');
    await connected(chief);
    const lastSeen = (await firstSync).seq;
    chief.disconnect();

    const e3 = await connected(socketOf('/expert', cookies.e3));
    await record(e3, [judged('p1', 'A1.J1', 2)]);
    await record(e3, [
      {
        id: markId(),
        competitor: 'p1',
        aspect: 'A1.M1',
        value: { kind: 'binary', achieved: false },
      },
    ]);
    const missed = (await services.competitions.open(seeded.competitionId)).events();
    const expected = (await missed).filter((event) => event.seq > lastSeen);
    expect(expected).toHaveLength(2);

    chief = socketOf('/chief', cookies.chief, chiefAuth(lastSeen));
    const caughtUp = collect<EventsPush>(chief, 'events').all;
    const synced = pushed<{ seq: number }>(chief, 'synced');
    await connected(chief);
    expect((await synced).seq).toBe(expected.at(-1)!.seq);
    expect(caughtUp.flatMap((push) => push.events)).toEqual(expected);

    const live = pushed<EventsPush>(chief, 'events');
    await record(e3, [judged('p2', 'A1.J1', 2)]);
    expect((await live).fromSeq).toBe(expected.at(-1)!.seq + 1);
  });

  it('replays the whole log from lastSeq 0, then sends the overview at that point', async () => {
    const chief = socketOf('/chief', cookies.deputy, chiefAuth(0));
    const pages = collect<EventsPush>(chief, 'events').all;
    const synced = pushed<{ seq: number }>(chief, 'synced');
    // Listening from the start: the overview can arrive in the same read as `synced`, before
    // this test's next line runs.
    const overview = pushed<{ head: { seq: number } }>(chief, 'overview');
    await connected(chief);
    const last = (await synced).seq;
    const seqs = pages.flatMap((push) => push.events.map((event) => event.seq));
    expect(seqs).toEqual(Array.from({ length: last }, (_, n) => n + 1));
    expect((await overview).head.seq).toBe(last);
  });
});

describe('sessions', () => {
  it('refuses a command once the expert credential behind the socket is revoked', async () => {
    const e4 = await connected(socketOf('/expert', cookies.e4));
    const closed = new Promise((resolve) => e4.once('disconnect', resolve));
    await services.accounts.revokeCredentialsOf(seeded.competitionId, 'e4');
    expect(await ask(e4, 'competition:view')).toEqual({
      ok: false,
      error: { code: 'unauthorized' },
    });
    await closed;
  });

  it('refuses marks once the credential is revoked, after the second a socket trusts it for', async () => {
    const e3 = await connected(socketOf('/expert', cookies.e3));
    const closed = new Promise((resolve) => e3.once('disconnect', resolve));
    const nobody = () => ({ marks: [{ ...choice('p1', 0), competitor: 'nobody' }] });
    // Read and trusted: the mark itself is refused by the rules, so nothing is appended.
    expect(await ask(e3, 'marks:record', nobody())).toMatchObject({ ok: true });
    const before = await head();
    await services.accounts.revokeCredentialsOf(seeded.competitionId, 'e3');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await ask(e3, 'marks:record', nobody())).toEqual({
      ok: false,
      error: { code: 'unauthorized' },
    });
    await closed;
    expect(await head()).toBe(before);
  });
});

describe('personal data', () => {
  it('sends no IIN-shaped token in any payload of this file', () => {
    expect(received.length).toBeGreaterThan(0);
    expect(iinShapedNumbers(received)).toEqual([]);
  });
});
