import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './api-support';

/**
 * Sign-in limits as people meet them over HTTP. The app trusts X-Forwarded-For from loopback
 * (its reverse proxy), so these requests can come from any address a test names.
 */

const password = 'Organiser-2026!';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  for (const email of ['organiser@example.kz', 'a@venue.kz', 'b@venue.kz']) {
    await app.services.accounts.createOrganiser({
      email,
      name: 'Организатор',
      password,
      scope: { kind: 'all' },
      roles: ['organiser'],
    });
  }
});

afterAll(async () => {
  await app?.close();
});

async function post(path: string, body: unknown, from: string, lang = 'ru') {
  const res = await fetch(`${app.base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': from,
      'accept-language': lang,
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as { error?: { code: string; message: string } },
  };
}

describe('password sign-in under attack', () => {
  it('lets the organiser in from any address while strangers guess from ten others', async () => {
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const guess = { email: 'organiser@example.kz', password: `guess-${attempt}` };
      expect((await post('/api/auth/login', guess, `203.0.113.${attempt}`)).status).toBe(401);
    }
    const own = { email: 'organiser@example.kz', password };
    expect((await post('/api/auth/login', own, '198.51.100.7')).status).toBe(200);
    expect((await post('/api/auth/login', own, '198.51.100.8')).status).toBe(200);
  });

  it('signs 100 people in at once from one venue address', async () => {
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(
          '/api/auth/login',
          { email: i % 2 ? 'a@venue.kz' : 'b@venue.kz', password },
          '95.56.1.20',
        ),
      ),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(100).fill(200));
  });

  it('stops the guesser’s own address after 10 wrong passwords, saying when to retry in its language', async () => {
    const guess = { email: 'a@venue.kz', password: 'not-the-password' };
    const burst = await Promise.all(
      Array.from({ length: 15 }, () => post('/api/auth/login', guess, '192.0.2.66', 'kk')),
    );
    expect(burst.filter((reply) => reply.status === 401)).toHaveLength(10);
    const limited = burst.filter((reply) => reply.status === 429);
    expect(limited).toHaveLength(5);
    expect(Number(limited[0]!.retryAfter)).toBeGreaterThan(50);
    expect(limited[0]!.body.error?.message).toMatch(/^Әрекет тым көп; \d+ с кейін қайталаңыз$/);
    const right = await post('/api/auth/login', { email: 'a@venue.kz', password }, '192.0.2.66');
    expect(right.status).toBe(429);
    const elsewhere = await post(
      '/api/auth/login',
      { email: 'a@venue.kz', password },
      '192.0.2.67',
    );
    expect(elsewhere.status).toBe(200);
  });
});
