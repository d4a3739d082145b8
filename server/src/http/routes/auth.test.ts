import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express, { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountService, authCollections } from '../../auth/accounts';
import {
  originCheck,
  param,
  requireChampionshipScope,
  requireCollegeScope,
  requireCompetitionRole,
  requireOrganiser,
  sessionMiddleware,
} from '../../auth/middleware';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite';
import { errorHandler } from '../errors';
import { authRoutes } from './auth';

const password = 'Pavlodar-2026!';
const championshipOf: Record<string, string> = {
  'cooking-1': 'wsk-pavlodar',
  'welding-2': 'wsk-almaty',
};

let dataDir: string;
let store: SqliteStore;
let accounts: AccountService;
let server: Server;
let base: string;
/** What the guarded test routes changed: an Origin-refused request must leave it alone. */
const notes: string[] = [];

/** A few routes guarded the way real route files will be, to test the guards over HTTP. */
function guardedRoutes(): Router {
  const router = Router();
  router.post(
    '/api/championships/:championshipId/notes',
    requireChampionshipScope(param('championshipId')),
    (req, res) => {
      notes.push(String(req.params.championshipId));
      res.status(201).json({ notes: notes.length });
    },
  );
  router.get('/api/organiser', requireOrganiser(), (_req, res) => {
    res.json({ ok: true });
  });
  router.get(
    '/api/competitions/:competitionId/marks',
    requireCompetitionRole(
      ['chief', 'expert'],
      param('competitionId'),
      async (id) => championshipOf[id],
    ),
    (_req, res) => {
      res.json({ marks: [] });
    },
  );
  router.get(
    '/api/colleges/:collegeId/exams',
    requireCollegeScope(param('collegeId')),
    (_req, res) => {
      res.json({ exams: [] });
    },
  );
  return router;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-auth-http-'));
  store = await openSqliteStore(dataDir, { collections: authCollections });
  accounts = new AccountService(store);
  await accounts.createOrganiser({
    email: 'dana@example.kz',
    name: 'Дана Серікқызы',
    password,
    scope: { kind: 'championships', ids: ['wsk-pavlodar'] },
    roles: ['organiser'],
  });
  await accounts.createOrganiser({
    email: 'officer@ppk.kz',
    name: 'Ерлан Ахметов',
    password,
    scope: { kind: 'college', collegeId: 'ppk' },
    roles: ['exam-officer'],
  });
  await accounts.createOrganiser({
    email: 'guessed@example.kz',
    name: 'Бауыржан Сейітов',
    password,
    scope: { kind: 'all' },
    roles: ['organiser'],
  });
  const app = express();
  app.set('trust proxy', 'loopback');
  app.use('/api', originCheck, sessionMiddleware(accounts));
  app.use(authRoutes(accounts));
  app.use(guardedRoutes());
  app.use(errorHandler);
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A browser-like client: keeps the session cookie, speaks English, sends its Origin. */
class Client {
  cookie = '';
  constructor(
    readonly address = '127.0.0.1',
    /** null: a client that sends no Origin (CLI, tablet sync). */
    readonly origin: string | null = base,
  ) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(base + url, {
      method,
      headers: {
        'accept-language': 'en',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.origin ? { origin: this.origin } : {}),
        // The app trusts X-Forwarded-For from loopback: each test client gets its own address.
        'x-forwarded-for': this.address,
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('ashyq_session='));
    if (setCookie)
      this.cookie = setCookie.split(';')[0]!.endsWith('=') ? '' : setCookie.split(';')[0]!;
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      setCookie,
      body: text ? JSON.parse(text) : undefined,
    };
  }

  login(email = 'dana@example.kz', pass = password) {
    return this.request('POST', '/api/auth/login', { email, password: pass });
  }
}

describe('password sign-in over HTTP', () => {
  it('signs in, answers who I am, and signs out', async () => {
    const client = new Client('10.1.0.1');
    const login = await client.login('Dana@Example.KZ');
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      kind: 'organiser',
      user: {
        email: 'dana@example.kz',
        roles: ['organiser'],
        scope: { kind: 'championships', ids: ['wsk-pavlodar'] },
      },
      session: { lang: 'en' },
    });
    expect(JSON.stringify(login.body)).not.toMatch(/passwordHash|scrypt/);

    const me = await client.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.name).toBe('Дана Серікқызы');

    const session = client.cookie;
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(204);
    expect(client.cookie).toBe('');
    const afterLogout = await client.request('GET', '/api/auth/me', undefined, { cookie: session });
    expect(afterLogout.status).toBe(401);
  });

  it('sets an httpOnly, SameSite=Lax session cookie for the whole site', async () => {
    const { setCookie } = await new Client('10.1.0.2').login();
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=28800/);
    expect(setCookie).not.toMatch(/; Secure/);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const { setCookie } = await new Client('10.1.0.3').request(
      'POST',
      '/api/auth/login',
      { email: 'dana@example.kz', password },
      { 'x-forwarded-proto': 'https', origin: base.replace('http:', 'https:') },
    );
    expect(setCookie).toMatch(/; Secure/);
  });

  it('refuses a wrong password in the caller language', async () => {
    const client = new Client('10.1.0.4');
    const refused = await client.request(
      'POST',
      '/api/auth/login',
      { email: 'dana@example.kz', password: 'nope' },
      { 'accept-language': 'kk' },
    );
    expect(refused.status).toBe(401);
    expect(refused.body.error.details[0].message).toBe('Электрондық пошта немесе құпиясөз қате');
    expect(refused.setCookie).toBeUndefined();
  });

  it('names the bad fields of a malformed body', async () => {
    const refused = await new Client('10.1.0.5').request('POST', '/api/auth/login', {
      email: 'dana',
      extra: 1,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      '',
      'email',
      'password',
    ]);
  });

  it('answers the 11th failed attempt in a minute with 429 and the wait', async () => {
    const client = new Client('10.1.0.6');
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await client.login('guessed@example.kz', `guess-${attempt}`)).status).toBe(401);
    }
    const limited = await client.login('guessed@example.kz');
    expect(limited.status).toBe(429);
    const seconds = Number(limited.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(limited.body.error.message).toBe(`Too many attempts; try again in ${seconds} s`);
  });
});

describe('expert sign-in over HTTP', () => {
  it('signs in with a PIN and with a QR link, and refuses them once revoked', async () => {
    const issued = await accounts.issueCredential('cooking-1', 'expert-3', 'expert', {
      kind: 'user',
      userId: 'chief',
    });
    const tablet = new Client('10.2.0.1');
    const byPin = await tablet.request('POST', '/api/auth/pin', {
      competitionId: 'cooking-1',
      pin: issued.pin,
    });
    expect(byPin.status).toBe(200);
    expect(byPin.body).toMatchObject({
      kind: 'expert',
      credential: { competitionId: 'cooking-1', expertId: 'expert-3', role: 'expert' },
    });
    expect(JSON.stringify(byPin.body)).not.toMatch(/Digest/);
    expect(byPin.setCookie).toMatch(/Max-Age=43200/);

    const phone = new Client('10.2.0.2');
    expect(
      (await phone.request('POST', '/api/auth/link', { token: issued.linkToken })).status,
    ).toBe(200);
    expect((await phone.request('GET', '/api/competitions/cooking-1/marks')).status).toBe(200);

    await accounts.revokeCredential(issued.credential.id);
    expect((await tablet.request('GET', '/api/auth/me')).status).toBe(401);
    const again = await new Client('10.2.0.3').request('POST', '/api/auth/pin', {
      competitionId: 'cooking-1',
      pin: issued.pin,
    });
    expect(again.status).toBe(401);
    expect(again.body.error.details[0].path).toBe('pin');
    expect(
      (await new Client('10.2.0.3').request('POST', '/api/auth/link', { token: issued.linkToken }))
        .status,
    ).toBe(401);
  });

  it('refuses a PIN that is not six digits before looking it up', async () => {
    const refused = await new Client('10.2.0.4').request('POST', '/api/auth/pin', {
      competitionId: 'cooking-1',
      pin: '12ab',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('pin');
  });
});

describe('Origin check', () => {
  it('refuses a sign-in and a change sent from another site, and changes nothing', async () => {
    const attacker = new Client('10.3.0.1', 'https://evil.example');
    const login = await attacker.login();
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('bad_origin');
    expect(login.setCookie).toBeUndefined();

    const victim = new Client('10.3.0.2');
    await victim.login();
    const before = notes.length;
    const forged = await victim.request(
      'POST',
      '/api/championships/wsk-pavlodar/notes',
      {},
      { origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    const viaReferer = await new Client('10.3.0.2', null).request(
      'POST',
      '/api/championships/wsk-pavlodar/notes',
      {},
      { cookie: victim.cookie, referer: 'https://evil.example/page' },
    );
    expect(viaReferer.status).toBe(403);
    expect(notes.length).toBe(before);

    expect((await victim.request('POST', '/api/championships/wsk-pavlodar/notes', {})).status).toBe(
      201,
    );
    expect(notes.length).toBe(before + 1);
  });

  it('refuses Ashyq’s own host over another scheme, unless a proxy on this machine says so', async () => {
    const victim = new Client('10.3.0.4');
    await victim.login();
    const before = notes.length;
    const https = base.replace('http:', 'https:');
    const forged = await victim.request(
      'POST',
      '/api/championships/wsk-pavlodar/notes',
      {},
      { origin: https },
    );
    expect(forged.status).toBe(403);
    expect(forged.body.error).toEqual({
      code: 'bad_origin',
      message: 'The request came from another site and was refused',
      details: [],
    });
    const viaReferer = await new Client('10.3.0.4', null).request(
      'POST',
      '/api/championships/wsk-pavlodar/notes',
      {},
      { cookie: victim.cookie, referer: `${https}/admin` },
    );
    expect(viaReferer.status).toBe(403);
    expect(notes.length).toBe(before);
    // Behind a TLS proxy on this machine the page is https, and the proxy says so.
    const proxied = await victim.request(
      'POST',
      '/api/championships/wsk-pavlodar/notes',
      {},
      { origin: https, 'x-forwarded-proto': 'https' },
    );
    expect(proxied.status).toBe(201);
  });

  it('lets non-browser clients without Origin or Referer through', async () => {
    const cli = new Client('10.3.0.3', null);
    expect((await cli.login()).status).toBe(200);
    expect((await cli.request('POST', '/api/championships/wsk-pavlodar/notes', {})).status).toBe(
      201,
    );
  });
});

describe('guards', () => {
  it('answers 401 without a session and 403 without the right', async () => {
    const anonymous = new Client('10.4.0.1');
    expect((await anonymous.request('GET', '/api/organiser')).status).toBe(401);
    expect((await anonymous.request('GET', '/api/auth/me')).status).toBe(401);
    expect(
      (await anonymous.request('POST', '/api/championships/wsk-pavlodar/notes', {})).status,
    ).toBe(401);

    const officer = new Client('10.4.0.2');
    await officer.login('officer@ppk.kz');
    expect((await officer.request('GET', '/api/organiser')).status).toBe(403);
    expect((await officer.request('GET', '/api/colleges/ppk/exams')).status).toBe(200);
    expect((await officer.request('GET', '/api/colleges/other/exams')).status).toBe(403);
  });

  it('keeps an organiser inside the championships of their scope', async () => {
    const dana = new Client('10.4.0.3');
    await dana.login();
    expect((await dana.request('POST', '/api/championships/wsk-almaty/notes', {})).status).toBe(
      403,
    );
    expect((await dana.request('GET', '/api/competitions/cooking-1/marks')).status).toBe(200);
    expect((await dana.request('GET', '/api/competitions/welding-2/marks')).status).toBe(403);
  });

  it('keeps an expert inside their competition and role', async () => {
    const deputy = await accounts.issueCredential('cooking-1', 'expert-4', 'deputy-chief', {
      kind: 'user',
      userId: 'chief',
    });
    const welder = await accounts.issueCredential('welding-2', 'expert-5', 'expert', {
      kind: 'user',
      userId: 'chief',
    });
    const deputyTablet = new Client('10.4.0.4');
    await deputyTablet.request('POST', '/api/auth/link', { token: deputy.linkToken });
    expect((await deputyTablet.request('GET', '/api/competitions/cooking-1/marks')).status).toBe(
      403,
    );
    const welderTablet = new Client('10.4.0.5');
    await welderTablet.request('POST', '/api/auth/pin', {
      competitionId: 'welding-2',
      pin: welder.pin,
    });
    expect((await welderTablet.request('GET', '/api/competitions/welding-2/marks')).status).toBe(
      200,
    );
    expect((await welderTablet.request('GET', '/api/competitions/cooking-1/marks')).status).toBe(
      403,
    );
    expect((await welderTablet.request('GET', '/api/organiser')).status).toBe(403);
  });
});
