import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LockState } from '@ashyq/shared';
import { loadConfig } from '../../server/src/config';
import { createApp } from '../../server/src/http/app';
import { createServices, type Services } from '../../server/src/services';
import { sampleScheme } from '../../shared/src/scoring/fixtures';
import { removeDataDir, tempDataDir } from '../support/server';
import { call, expertSignIn, seedCompetition, type SeededCompetition } from './competition-harness';

/**
 * The chief expert's console and the tablet's sign-off over REST: the roster, re-score requests,
 * the progress matrix, the audit trail's paging, and signing off with the expert's own PIN.
 */
let dataDir: string;
let services: Services;
let server: Server;
let base: string;
let seeded: SeededCompetition;
const cookies: Record<string, string> = {};
const pins: Record<string, string> = {};

const chief = (path: string) => `/api/chief/competitions/${seeded.competitionId}${path}`;
const head = async () => (await services.log.head(seeded.competitionId)).seq;
let serial = 0;
const markId = () => `cc_${String(++serial).padStart(6, '0')}`;
const binary = (competitor: string, aspect: string) => ({
  id: markId(),
  competitor,
  aspect,
  value: { kind: 'binary', achieved: true },
});
const sendMarks = (expertId: string, marks: object[]) =>
  call(base, cookies[expertId], 'POST', '/api/expert/marks', { marks });
const signOff = (expertId: string, subCriterion: string, body?: unknown) =>
  call(base, cookies[expertId], 'POST', `/api/expert/sign-off/${subCriterion}`, body);

beforeAll(async () => {
  dataDir = tempDataDir();
  services = await createServices(loadConfig({ DATA_DIR: dataDir }));
  seeded = await seedCompetition(services, { scheme: sampleScheme() });
  server = createServer(createApp(services));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // e4 never gets a credential: the roster shows it without one.
  for (const expert of seeded.experts.filter((e) => e.id !== 'e4')) {
    const session = await expertSignIn(services, base, seeded.competitionId, expert);
    cookies[expert.id] = session.cookie;
    pins[expert.id] = session.pin;
  }
  const runtime = await services.competitions.open(seeded.competitionId);
  // e1 (almaty) is p1's compatriot; A1.J1 is judged by e2, e3 and e4 for p1.
  await runtime.setPanel('chief', 'A1', ['e1', 'e2', 'e3', 'e4']);
  await runtime.setPanel('chief', 'A2', ['e2', 'e3']);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await services.close();
  removeDataDir(dataDir);
});

describe('the roster', () => {
  it('lists the scheme, experts with their credential state, competitors and colleges, no IIN', async () => {
    const res = await call(base, cookies.chief, 'GET', chief('/roster'));
    expect(res.status).toBe(200);
    const { competition, scheme, experts, competitors, colleges } = res.body;
    expect(competition).toMatchObject({
      id: seeded.competitionId,
      championshipId: seeded.championshipId,
      profileId: 'wsk-championship@2024',
    });
    const aspects = scheme.criteria.flatMap((c: { subCriteria: { aspects: object[] }[] }) =>
      c.subCriteria.flatMap((sub) => sub.aspects),
    );
    expect(aspects.find((a: { code: string }) => a.code === 'A2.M1')).toMatchObject({
      kind: 'choice',
      max: 1,
      choices: ['Full Marks', 'Partial', 'No Marks'],
    });
    expect(aspects.find((a: { code: string }) => a.code === 'A1.J1')).toMatchObject({
      kind: 'judgement',
      max: 1.5,
      choices: null,
    });
    expect(experts.slice(0, 2).map((e: { role: string }) => e.role)).toEqual([
      'chief',
      'deputy-chief',
    ]);
    const e4 = experts.find((e: { id: string }) => e.id === 'e4');
    expect(e4).toMatchObject({ regionId: 'pavlodar', collegeId: null, employer: null });
    expect(e4.credential).toEqual({ active: false, issuedAt: null });
    const e1 = experts.find((e: { id: string }) => e.id === 'e1');
    expect(e1.credential.active).toBe(true);
    expect(Date.parse(e1.credential.issuedAt)).not.toBeNaN();
    expect(competitors).toEqual([
      expect.objectContaining({ id: 'p1', regionId: 'almaty', status: 'active', guest: false }),
      expect.objectContaining({ id: 'p2', regionId: 'abai', collegeId: 'college-1' }),
    ]);
    expect(colleges).toEqual([
      { id: 'college-1', name: { kk: 'Жоғары колледж', ru: 'Высший колледж' } },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/\b\d{12}\b/);
    expect(JSON.stringify(res.body)).not.toMatch(/iin|pin/i);
  });

  it('is for the leads: the deputy may read it, an expert may not', async () => {
    expect((await call(base, cookies.deputy, 'GET', chief('/roster'))).status).toBe(200);
    expect((await call(base, cookies.e1, 'GET', chief('/roster'))).status).toBe(403);
    expect((await call(base, undefined, 'GET', chief('/roster'))).status).toBe(401);
  });
});

describe('sign-off with the PIN', () => {
  beforeAll(async () => {
    const marks = [binary('p1', 'A2.M1'), binary('p2', 'A2.M1')].map((mark) => ({
      ...mark,
      value: { kind: 'choice', option: 0 },
    }));
    expect(
      (await sendMarks('e2', marks)).body.results.map((r: { status: string }) => r.status),
    ).toEqual(['accepted', 'accepted']);
    expect((await call(base, cookies.chief, 'POST', chief('/sub-criteria/A2/lock'))).status).toBe(
      200,
    );
  });

  it('refuses a body-less call and a malformed PIN, and signs nothing', async () => {
    const before = await head();
    expect((await signOff('e2', 'A2')).status).toBe(400);
    const short = await signOff('e2', 'A2', { pin: '12345' });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].path).toBe('pin');
    expect(await head()).toBe(before);
  });

  it("refuses another expert's PIN as invalid_pin, in the caller's language, and signs nothing", async () => {
    const before = await head();
    const res = await call(base, cookies.e2, 'POST', '/api/expert/sign-off/A2?lang=kk', {
      pin: pins.e3,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('invalid_pin');
    expect(res.body.error.message).toBe('PIN-код қате; ештеңеге қол қойылмады');
    expect(await head()).toBe(before);
  });

  it('signs off with the own PIN once the sub-criterion is locked; a repeat is acknowledged', async () => {
    expect((await signOff('e2', 'A1', { pin: pins.e2 })).body.error.details[0].code).toBe(
      'not_locked',
    );
    const signed = await signOff('e2', 'A2', { pin: pins.e2 });
    expect(signed.status).toBe(200);
    expect(signed.body.ok).toBe(true);
    const lock = signed.body.locks.find((l: LockState) => l.subCriterion === 'A2');
    expect(lock.signOffs.map((s: { expert: string }) => s.expert)).toEqual(['e2']);
    const before = await head();
    const again = await signOff('e2', 'A2', { pin: pins.e2 });
    expect(again.status).toBe(200);
    expect(await head()).toBe(before);
  });
});

// Last in the file: it spends the loopback address's budget of wrong PIN attempts.
describe('guessing PINs through sign-off', () => {
  it('is rate limited like sign-in', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const guess = String(100000 + attempt);
      if (guess === pins.e3) continue;
      statuses.push((await signOff('e3', 'A2', { pin: guess })).status);
    }
    // Wrong PINs are refused until the budget (10 a minute, one used above) runs out.
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(firstLimited).toBeLessThanOrEqual(10);
    expect(statuses.slice(0, firstLimited).every((status) => status === 403)).toBe(true);
    expect(statuses.slice(firstLimited).every((status) => status === 429)).toBe(true);
    const right = await signOff('e3', 'A2', { pin: pins.e3 });
    expect(right.status).toBe(429);
  });
});
