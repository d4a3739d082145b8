import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { io as connectTo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ItemResult } from '../../server/src/competitions/runtime-types';
import { loadConfig } from '../../server/src/config';
import { createApp } from '../../server/src/http/app';
import { createOps } from '../../server/src/ops';
import { verifyLogFile } from '../../server/src/ops/log-file';
import { attachRealtime, type Realtime } from '../../server/src/realtime';
import type { CommandAck as Ack } from '@ashyq/shared';
import { createServices, type Services } from '../../server/src/services';
import { removeDataDir, tempDataDir } from '../support/server';
import {
  binaryScheme,
  call,
  expertSignIn,
  seedCompetition,
  type SeededCompetition,
} from './competition-harness';

const metricsToken = 'metrics-token-for-the-test-0123456789abcdef';

let dataDir: string;
let services: Services;
let realtime: Realtime;
let server: Server;
let base: string;
let seeded: SeededCompetition;
let expert: { cookie: string; pin: string };
let organiser: string;
let organiserId: string;
/** Every line the server logged, as written. */
const written: string[] = [];
const sockets: Socket[] = [];

interface LogLine {
  kind?: string;
  msg: string;
  [field: string]: unknown;
}
const logLines = () => written.map((line) => JSON.parse(line) as LogLine);

let serial = 0;
const mark = (competitor: string, aspect = 'A1.M1') => ({
  id: `ops_${String(++serial).padStart(4, '0')}`,
  competitor,
  aspect,
  value: { kind: 'binary', achieved: true },
});

function socketOf(namespace: '/expert' | '/board', cookie?: string): Promise<Socket> {
  const socket = connectTo(`${base}${namespace}`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

const ask = <T>(socket: Socket, command: string, payload: unknown) =>
  socket.timeout(10_000).emitWithAck(command, payload) as Promise<Ack<T>>;

/** A scrape with the configured token, another one, or none (null). */
async function scrape(token: string | null = metricsToken) {
  const res = await fetch(`${base}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** One sample of a scrape, e.g. `ashyq_marks_total{outcome="accepted",transport="socket"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

beforeAll(async () => {
  dataDir = tempDataDir('ashyq-ops-');
  const ops = createOps({ level: 'info', destination: { write: (line) => written.push(line) } });
  services = await createServices(
    loadConfig({ DATA_DIR: dataDir, METRICS_TOKEN: metricsToken }),
    ops,
  );
  seeded = await seedCompetition(services, { scheme: binaryScheme(10) });
  const runtime = await services.competitions.open(seeded.competitionId);
  await runtime.setPanel('organiser-1', 'A1', ['e2']);
  server = createServer(createApp(services));
  realtime = attachRealtime(server, services);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  expert = await expertSignIn(
    services,
    base,
    seeded.competitionId,
    seeded.experts.find((e) => e.id === 'e2')!,
  );
  const password = 'correct horse battery';
  const account = await services.accounts.createOrganiser({
    email: 'ops@example.kz',
    name: 'Organiser',
    password,
    scope: { kind: 'all' },
    roles: ['organiser'],
  });
  organiserId = account.id;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ops@example.kz', password }),
  });
  organiser = login.headers.getSetCookie()[0]!.split(';')[0]!;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await realtime.close();
  await services.close();
  removeDataDir(dataDir);
});

describe('the server log', () => {
  it('writes one line per request with the competition, the actor and the outcome, and no IIN', async () => {
    const { competitionId } = seeded;
    const iin = seeded.competitors[0]!.iin;
    // A list that holds IINs, asked for with an IIN in the query as well.
    const listed = await call(
      base,
      organiser,
      'GET',
      `/api/organiser/competitions/${competitionId}/competitors?iin=${iin}`,
    );
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toContain(iin);
    const refused = await call(base, expert.cookie, 'POST', '/api/expert/marks', { marks: 'none' });
    expect(refused.status).toBe(400);
    const lookedUp = await call(base, undefined, 'GET', `/api/public/verify/${iin}`);
    expect(lookedUp.status).toBe(404);
    // The page a QR sign-in link opens carries the link's token: it is a credential.
    const linkToken = 'qr-link-token-that-signs-a-tablet-in';
    await fetch(`${base}/login/${linkToken}`);

    await vi.waitFor(() => expect(logLines().length).toBeGreaterThanOrEqual(4));
    const requests = logLines().filter((line) => line.kind === 'request');
    expect(requests).toContainEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        method: 'GET',
        path: `/api/organiser/competitions/${competitionId}/competitors`,
        status: 200,
        outcome: 'ok',
        competition: competitionId,
        actor: `organiser:${organiserId}`,
      }),
    );
    expect(requests).toContainEqual(
      expect.objectContaining({
        method: 'POST',
        path: '/api/expert/marks',
        status: 400,
        outcome: 'validation_failed',
        competition: competitionId,
        actor: 'expert:e2',
      }),
    );
    expect(requests).toContainEqual(
      expect.objectContaining({
        path: '/api/public/verify/############',
        status: 404,
        outcome: 'not_found',
        actor: null,
      }),
    );
    expect(requests).toContainEqual(
      expect.objectContaining({ path: '/login/[not logged]', actor: null }),
    );
    const everything = written.join('');
    expect(everything).not.toContain(linkToken);
    for (const person of [...seeded.competitors, ...seeded.experts]) {
      expect(everything).not.toContain(person.iin);
    }
    // The PIN the tablet signed in with is nowhere either.
    expect(everything).not.toContain(expert.pin);
    expect(written.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(
      true,
    );
  });

  it('writes one line per socket command, with the counts of a batch of marks', async () => {
    const tablet = await socketOf('/expert', expert.cookie);
    const marks = [mark('p1'), mark('p2')];
    const first = await ask<{ results: ItemResult[] }>(tablet, 'marks:record', { marks });
    const again = await ask<{ results: ItemResult[] }>(tablet, 'marks:record', { marks });
    expect(first.ok && again.ok).toBe(true);
    const commands = () =>
      logLines().filter((line) => line.kind === 'command' && line.command === 'marks:record');
    await vi.waitFor(() => expect(commands()).toHaveLength(2));
    expect(commands()).toEqual([
      expect.objectContaining({
        namespace: '/expert',
        competition: seeded.competitionId,
        actor: 'expert:e2',
        outcome: 'ok',
        items: { accepted: 2 },
      }),
      expect.objectContaining({ outcome: 'ok', items: { duplicate: 2 } }),
    ]);
    tablet.disconnect();
  });
});

describe("the competition's log as a file", () => {
  it('downloads for the chief as JSON lines that verify without the server, up to the head', async () => {
    const { competitionId } = seeded;
    const url = `/api/chief/competitions/${competitionId}/log.jsonl`;
    expect((await fetch(`${base}${url}`)).status).toBe(401);
    const res = await fetch(`${base}${url}`, { headers: { cookie: organiser } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${competitionId}-log.jsonl"`,
    );
    const file = path.join(dataDir, 'downloaded.jsonl');
    await writeFile(file, await res.text());
    const head = await services.log.head(competitionId);
    expect(await verifyLogFile(file)).toEqual({
      ok: true,
      stream: competitionId,
      events: head.seq,
      head: head.hash,
    });
  });
});

describe('/metrics', () => {
  it('refuses the public: no token, a wrong token, and no route at all without METRICS_TOKEN', async () => {
    const anonymous = await scrape(null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(anonymous.text).not.toContain('ashyq_');
    expect(JSON.parse(anonymous.text).error.code).toBe('unauthorized');
    expect((await scrape('metrics-token-for-the-test-0123456789abcdeX')).status).toBe(401);

    const closed = createServer(
      createApp({ ...services, config: { ...services.config, metricsToken: undefined } }),
    );
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(res.status).toBe(404);
    await new Promise((resolve) => closed.close(resolve));
  });

  it('shows the marks, the acknowledgements, the tablets and the event-loop lag moving', async () => {
    const before = await scrape();
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(before.text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    const accepted = 'ashyq_marks_total{outcome="accepted",transport="socket"}';
    const refused = 'ashyq_marks_total{outcome="refused",transport="socket"}';
    const acks = 'ashyq_mark_ack_seconds_count{transport="socket"}';

    const tablet = await socketOf('/expert', expert.cookie);
    // p1 is accepted; an aspect the scheme does not have is refused.
    const reply = await ask<{ results: ItemResult[] }>(tablet, 'marks:record', {
      marks: [mark('p1', 'A1.M2'), mark('p1', 'Z9.M9')],
    });
    expect(reply.ok && reply.results.map((r) => r.status)).toEqual(['accepted', 'rejected']);

    const after = await scrape();
    expect(sample(after.text, accepted)).toBe(sample(before.text, accepted) + 1);
    expect(sample(after.text, refused)).toBe(sample(before.text, refused) + 1);
    expect(sample(after.text, acks)).toBe(sample(before.text, acks) + 1);
    expect(sample(after.text, 'ashyq_connected_tablets')).toBe(1);
    expect(
      sample(
        after.text,
        'ashyq_socket_commands_total{namespace="/expert",command="marks:record",outcome="ok"}',
      ),
    ).toBeGreaterThan(0);
    tablet.disconnect();
    await vi.waitFor(async () =>
      expect(sample((await scrape()).text, 'ashyq_connected_tablets')).toBe(0),
    );

    const rest = await call(base, expert.cookie, 'POST', '/api/expert/marks', {
      marks: [mark('p2', 'A1.M3')],
    });
    expect(rest.status).toBe(200);
    const afterRest = await scrape();
    expect(sample(afterRest.text, 'ashyq_marks_total{outcome="accepted",transport="http"}')).toBe(
      sample(after.text, 'ashyq_marks_total{outcome="accepted",transport="http"}') + 1,
    );
  });

  it('counts spectators and the board pushes a mark causes, with their latency', async () => {
    const board = await socketOf('/board');
    const joined = await ask<object>(board, 'join', { competitionId: seeded.competitionId });
    expect(joined.ok).toBe(true);
    const before = await scrape();
    expect(sample(before.text, 'ashyq_connected_spectators')).toBe(1);

    const diff = new Promise((resolve) => board.once('diff', resolve));
    const rest = await call(base, expert.cookie, 'POST', '/api/expert/marks', {
      marks: [mark('p2', 'A1.M4')],
    });
    expect(rest.status).toBe(200);
    await diff;
    const after = await scrape();
    expect(sample(after.text, 'ashyq_board_pushes_total')).toBe(
      sample(before.text, 'ashyq_board_pushes_total') + 1,
    );
    expect(sample(after.text, 'ashyq_board_push_latency_seconds_count')).toBe(
      sample(before.text, 'ashyq_board_push_latency_seconds_count') + 1,
    );
    board.disconnect();
  });
});
