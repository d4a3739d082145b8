import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from './api-support';

/**
 * Requests a fuzzer sends: a path whose %-escapes do not decode, a JSON body in another charset,
 * a Content-Encoding that is unknown or not what the body is in. Each is the caller's mistake: a
 * 400 saying what is wrong in the caller's language, never a 500, and nothing changes.
 */

const password = 'Malformed-Requests-2026';
let app: TestApp;
let cookie: string;

interface RawReply {
  status: number;
  code: string;
  message: string;
}

/** A request exactly as written: fetch would re-encode the path and set its own headers. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<RawReply> {
  const { hostname, port } = new URL(app.base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const { error } = JSON.parse(text) as { error: { code: string; message: string } };
        resolve({ status: res.statusCode ?? 0, code: error.code, message: error.message });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const login = Buffer.from(JSON.stringify({ email: 'fuzz@example.kz', password }));
const json = (more: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  ...more,
});

beforeAll(async () => {
  app = await startTestApp();
  await app.services.accounts.createOrganiser({
    email: 'fuzz@example.kz',
    name: 'Организатор',
    password,
    scope: { kind: 'all' },
    roles: ['organiser'],
  });
  const res = await fetch(`${app.base}/api/auth/login`, {
    method: 'POST',
    headers: json(),
    body: login,
  });
  expect(res.status).toBe(200);
  cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
});

afterAll(async () => {
  await app?.close();
});

describe('a path with a malformed %-escape', () => {
  it('is a 400 naming the escape, in the caller’s language', async () => {
    for (const escape of ['%', '%ZZ', '%E0%A4%A']) {
      expect(await raw('GET', `/api/public/competitions/${escape}/board?lang=en`)).toEqual({
        status: 400,
        code: 'bad_path',
        message:
          'The address has a malformed %-escape (a % must be followed by two hex digits of UTF-8)',
      });
    }
    expect(await raw('GET', '/api/public/verify/%E0%A4%A', { 'accept-language': 'kk' })).toEqual({
      status: 400,
      code: 'bad_path',
      message:
        'Мекенжайдағы %-тізбек қате (% белгісінен кейін UTF-8-тің екі он алтылық цифры тұруы керек)',
    });
    const changed = await raw('PATCH', '/api/organiser/championships/%ZZ', json({ cookie }));
    expect([changed.status, changed.code]).toEqual([400, 'bad_path']);
    // A well-formed escape still reaches its route.
    expect((await new Client(app.base).get('/api/public/verify/AB%2DCD')).status).toBe(404);
  });
});

describe('a body that cannot be read', () => {
  it('refuses JSON in a charset other than UTF-8 with a 400 naming the charset', async () => {
    const reply = await raw(
      'POST',
      '/api/auth/login?lang=ru',
      json({ 'content-type': 'application/json; charset=latin1' }),
      login,
    );
    expect(reply).toEqual({
      status: 400,
      code: 'bad_charset',
      message: 'Тело запроса должно быть JSON в UTF-8; кодировка «latin1» не принимается',
    });
  });

  it('refuses an unknown Content-Encoding and one the body is not in', async () => {
    const english = 'could not be read as its Content-Encoding';
    const unknown = await raw(
      'POST',
      '/api/auth/login?lang=en',
      json({ 'content-encoding': 'br2' }),
      login,
    );
    expect(unknown).toMatchObject({ status: 400, code: 'bad_encoding' });
    expect(unknown.message).toBe(
      `The request body ${english} “br2” says (accepted: gzip, deflate, br, or none)`,
    );
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const lying = await raw(
        'POST',
        '/api/auth/login?lang=en',
        json({ 'content-encoding': encoding }),
        login,
      );
      expect(lying).toMatchObject({ status: 400, code: 'bad_encoding' });
      expect(lying.message).toContain(`${english} “${encoding}” says`);
    }
    // A body that is what it says still signs in.
    const gzipped = await raw(
      'POST',
      '/api/auth/login',
      json({ 'content-encoding': 'gzip' }),
      gzipSync(Buffer.from(JSON.stringify({ email: 'fuzz@example.kz', password: 'wrong' }))),
    );
    expect(gzipped.code).toBe('unauthorized');
  });

  it('refuses an upload whose Content-Encoding lies, in Kazakh for a Kazakh caller', async () => {
    for (const encoding of ['gzip', 'x-unknown']) {
      const reply = await raw(
        'POST',
        '/api/exam/scheme/import',
        {
          cookie,
          'content-type': 'application/octet-stream',
          'content-encoding': encoding,
          'accept-language': 'kk',
        },
        Buffer.from('PK not really a workbook'),
      );
      expect(reply).toMatchObject({ status: 400, code: 'bad_encoding' });
      expect(reply.message).toContain(
        `Content-Encoding «${encoding}» айтқандай оқу мүмкін болмады`,
      );
    }
  });
});
