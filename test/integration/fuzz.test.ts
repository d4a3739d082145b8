import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../seeds/demo';
import { loadDemo } from '../../seeds/load-demo';
import { collectionIndexes } from '../../server/src/collections';
import { createApp } from '../../server/src/http/app';
import { attachRealtime, type Realtime } from '../../server/src/realtime';
import type { Services } from '../../server/src/services';
import { createTestServices } from './api-support';
import { removeDataDir, tempDataDir } from '../support/server';

/**
 * Malformed input to every HTTP route and every socket command, as every role
 * (docs/security.md). The routes are read from the app's own router and the commands from the sockets'
 * own handlers, so a new one is fuzzed without being listed here. Each request carries at least
 * one malformed part (a path parameter, a body, a header), so none may change anything: no 5xx,
 * no stack trace in a reply, and the store (documents and every log head) exactly as before.
 * FUZZ_RUNS sets the requests per route and role (`npm run fuzz -- --runs 200`).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 1);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let services: Services;
let server: Server;
let realtime: Realtime;
let base: string;
let dataDir: string;
const cookies: Record<string, string> = {};

const [web] = demo.competitions;
const chief = web!.experts.find((e) => e.role === 'chief')!;
const expert = web!.experts.find((e) => e.role === 'expert')!;
/** Real ids for the parameters a request keeps well-formed, so the malformed part is reached. */
const realIds: Record<string, string> = {
  id: web!.competition.id,
  competitionId: web!.competition.id,
  championshipId: demo.championship.id,
  competitorId: web!.competitors[0]!.id,
  expertId: expert.id,
  subCriterionId: web!.competition.scheme!.criteria[0]!.subCriteria[0]!.id,
  sessionId: demo.examSession.id,
};

async function signIn(path: string, body: unknown): Promise<string> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

beforeAll(async () => {
  dataDir = tempDataDir('ashyq-fuzz-');
  services = await createTestServices(dataDir);
  await loadDemo(services);
  server = createServer(createApp(services));
  realtime = attachRealtime(server, services);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const password = 'Ashyq-Demo-2026';
  cookies.organiser = await signIn('/api/auth/login', { email: 'admin@ashyq.kz', password });
  cookies.examOfficer = await signIn('/api/auth/login', { email: 'exam@ashyq.kz', password });
  const pin = (id: string) => ({ competitionId: web!.competition.id, pin: demo.expertPins[id] });
  cookies.chief = await signIn('/api/auth/pin', pin(chief.id));
  cookies.expert = await signIn('/api/auth/pin', pin(expert.id));
  cookies.anonymous = '';
}, 120_000);

afterAll(async () => {
  await realtime?.close();
  await new Promise((resolve) => server?.close(resolve));
  await services?.close();
  if (dataDir) removeDataDir(dataDir);
});

/** Every document of every collection with its version, and every log's head. */
async function fingerprint(): Promise<string> {
  const { store } = services;
  const parts: string[] = [];
  // Sign-in sessions are touched by every authenticated request; they hold no results.
  const skipped = new Set(['sessions']);
  for (const collection of Object.keys(collectionIndexes).sort()) {
    if (skipped.has(collection)) continue;
    const documents = await store.findDocuments(collection);
    parts.push(collection, ...documents.map((d) => `${d.document.id}@${d.version}`).sort());
  }
  for (const stream of (await store.streams()).sort()) {
    const head = await store.head(stream);
    parts.push(`${stream}#${head.seq}:${head.hash}`);
  }
  return parts.join('\n');
}

interface Route {
  method: string;
  path: string;
}

/** The routes as the app's router holds them (Express 5: nested routers' stacks). */
function routesOf(app: ReturnType<typeof createApp>): Route[] {
  const routes: Route[] = [];
  type Layer = {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
  };
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          routes.push({ method: method.toUpperCase(), path: layer.route.path });
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes;
}

/** A lone surrogate has no UTF-8 form: it goes as the bytes a careless encoder would write. */
const escaped = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

/** Path segments no route expects: broken escapes, traversal, control and bidi characters. */
const badSegment = fc.oneof(
  fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%00', '..', '%2e%2e', '%C0%AF', '%u202e'),
  fc.string({ maxLength: 40 }).map(escaped),
  fc.constantFrom('\u202e', '\u0000', '\ud800', '😀'.repeat(50), 'x'.repeat(2000)).map(escaped),
);
const badJson = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    'null',
    '"\\ud800"',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{}}}',
  ),
  fc.string({ maxLength: 200 }),
);
const badHeaders = fc.oneof(
  fc.constant<Record<string, string>>({ 'content-type': 'application/json' }),
  fc.constant<Record<string, string>>({ 'content-type': 'application/json; charset=latin1' }),
  fc.constant<Record<string, string>>({
    'content-type': 'application/json',
    'content-encoding': 'gzip',
  }),
  fc.constant<Record<string, string>>({
    'content-type': 'application/json',
    'content-encoding': 'br, x-unknown',
  }),
  fc.constant<Record<string, string>>({ 'content-type': 'text/plain' }),
  fc.constant<Record<string, string>>({ 'content-type': 'application/octet-stream' }),
);

/** A request with at least one malformed part; a route without parameters gets a malformed body. */
function requestFor(route: Route) {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  return fc
    .record({
      params: fc.tuple(...names.map(() => fc.option(badSegment, { nil: undefined }))),
      forced: fc.nat(),
      body: badJson,
      headers: badHeaders,
      query: fc.option(fc.webQueryParameters(), { nil: undefined }),
    })
    .map(({ params, forced, body, headers, query }) => {
      const values = names.map((name, i) => params[i] ?? realIds[name] ?? 'x');
      // Without a parameter to break, the body (or the whole request, for a GET) is the bad part.
      if (names.length > 0 && params.every((p) => p === undefined))
        values[forced % names.length] = '%ZZ';
      let path = route.path;
      names.forEach((name, i) => (path = path.replace(`:${name}`, values[i]!)));
      if (query) path += `?${query}`;
      return { path, body: hasBody ? body : undefined, headers };
    });
}

// Signing out ends the caller's own session, by design; it changes no data.
const exempt = new Set(['POST /api/auth/logout']);

describe('fuzz: malformed HTTP requests as every role', () => {
  it('never answer 5xx or a stack trace, and change nothing in the store', async () => {
    const routes = routesOf(createApp(services)).filter(
      (r) => !exempt.has(`${r.method} ${r.path}`),
    );
    expect(routes.length).toBeGreaterThan(80);
    const before = await fingerprint();
    for (const [role, cookie] of Object.entries(cookies)) {
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(requestFor(route), async ({ path, body, headers }) => {
            const res = await fetch(`${base}${path}`, {
              method: route.method,
              headers: { ...headers, origin: base, ...(cookie ? { cookie } : {}) },
              body,
            }).catch((e: Error & { cause?: Error }) => {
              // A reset connection is a failure too: say which request it was.
              throw new Error(`${role} ${route.method} ${path}: ${e.cause?.message ?? e.message}`);
            });
            const text = await res.text();
            const where = `${role} ${route.method} ${path} -> ${res.status} ${text.slice(0, 200)}`;
            expect(res.status, where).toBeLessThan(500);
            expect(text, where).not.toMatch(/\n\s+at |"stack"\s*:/);
          }),
          { numRuns: runs, seed },
        );
      }
    }
    expect(await fingerprint()).toBe(before);
  }, 600_000);
});

describe('fuzz: malformed socket commands as every role', () => {
  const sockets: Socket[] = [];
  afterAll(() => sockets.forEach((s) => s.disconnect()));

  function open(namespace: string, cookie: string, auth?: object): Promise<Socket | undefined> {
    const socket = connect(`${base}${namespace}`, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { origin: base, ...(cookie ? { cookie } : {}) },
      auth,
      reconnection: false,
      // One connection per role: a shared one would carry the first socket's cookie.
      forceNew: true,
    });
    sockets.push(socket);
    return new Promise((resolve) => {
      socket.on('connect', () => resolve(socket));
      socket.on('connect_error', () => resolve(undefined));
    });
  }

  /** Socket.IO's own events, which no client may send. */
  const reserved = new Set([
    'error',
    'connect',
    'disconnect',
    'disconnecting',
    'newListener',
    'removeListener',
  ]);

  /** The events a namespace's sockets handle, read from a server-side socket. */
  function commandsOf(namespace: string): string[] {
    const [serverSocket] = realtime.io.of(namespace).sockets.values();
    return (serverSocket?.eventNames() ?? []).map(String).filter((name) => !reserved.has(name));
  }

  it('never crash a socket or leak a stack trace, and change nothing in the store', async () => {
    const before = await fingerprint();
    const competitionAuth = { competitionId: web!.competition.id };
    const namespaces: Array<[string, string, object | undefined]> = [
      ['/expert', cookies.expert!, undefined],
      ['/chief', cookies.chief!, competitionAuth],
      ['/chief', cookies.organiser!, competitionAuth],
      ['/board', '', undefined],
    ];
    let fuzzed = 0;
    for (const [namespace, cookie, auth] of namespaces) {
      const socket = await open(namespace, cookie, auth);
      expect(socket, `${namespace} refused its own role`).toBeDefined();
      const commands = commandsOf(namespace);
      const payload = fc.oneof(
        fc.jsonValue(),
        fc.constant(undefined),
        fc.record({ marks: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
        fc.record({ competitionId: fc.string(), epoch: fc.jsonValue(), version: fc.jsonValue() }),
      );
      for (const command of commands) {
        await fc.assert(
          fc.asyncProperty(payload, async (value) => {
            const reply = await socket!
              .timeout(5000)
              .emitWithAck(command, value)
              .catch((e: Error) => ({ timeout: e.message }));
            const where = `${namespace} ${command} ${JSON.stringify(value)?.slice(0, 120)} -> ${JSON.stringify(reply).slice(0, 200)}`;
            expect(JSON.stringify(reply), where).not.toMatch(/\n\s+at |"stack"/);
            expect(socket!.connected, where).toBe(true);
          }),
          { numRuns: runs * 10, seed },
        );
        fuzzed++;
      }
    }
    expect(fuzzed).toBeGreaterThanOrEqual(5);
    expect(await fingerprint()).toBe(before);
  }, 300_000);
});
