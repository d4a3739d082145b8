import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryScheme, seedCompetition } from './competition-harness';
import { Client, startTestApp, type TestApp } from './api-support';

/**
 * The best of each delegation across a championship whose second competency has not started:
 * there everyone ties first on 0, which must not make a region appear twice with a 0.00 row.
 */

const password = 'Organiser-2026!';
let app: TestApp;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp();
  const { services } = app;
  await seedCompetition(services, {
    scheme: binaryScheme(2),
    level: 'regional',
    competitors: [
      { id: 'p1', regionId: 'astana' },
      { id: 'p2', regionId: 'abai' },
    ],
  });
  const runtime = await services.competitions.open('web-1');
  await runtime.setPanel('organiser-1', 'A1', ['e3']);
  const marks = ['p1', 'p2'].flatMap((competitor) =>
    [1, 2].map((n) => ({
      id: `mark-${competitor}-${n}`,
      competitor,
      aspect: `A1.M${n}`,
      value: { kind: 'binary' as const, achieved: competitor === 'p1' || n === 1 },
    })),
  );
  expect((await runtime.recordMarks('e3', marks)).every((r) => r.status === 'accepted')).toBe(true);
  await seedCompetition(services, {
    scheme: binaryScheme(2),
    competitionId: 'cook-1',
    championshipId: 'champ-web-1',
    competitors: [
      { id: 'q1', regionId: 'astana' },
      { id: 'q2', regionId: 'abai' },
    ],
  });
  await services.accounts.createOrganiser({
    name: 'Организатор',
    password,
    roles: ['organiser'],
    email: 'admin@example.kz',
    scope: { kind: 'all' },
  });
  admin = new Client(app.base);
  expect(
    (await admin.post('/api/auth/login', { email: 'admin@example.kz', password })).status,
  ).toBe(200);
});

afterAll(async () => {
  await app?.close();
});

describe('best of delegation', () => {
  it('names each region once, from the competency under way only', async () => {
    const reply = await admin.get(
      '/api/organiser/championships/champ-web-1/best-of-delegation?team=region',
    );
    expect(reply.status).toBe(200);
    expect(
      reply.body.delegations.map(
        (d: { team: string; best: { competitorId: string; total: number }[] }) => [
          d.team,
          d.best.map((b) => [b.competitorId, b.total]),
        ],
      ),
    ).toEqual([
      ['astana', [['p1', 1]]],
      ['abai', [['p2', 0.5]]],
    ]);
  });
});
