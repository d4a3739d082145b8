import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LockState } from '@ashyq/shared';
import { loadConfig } from '../../server/src/config';
import { runtimeProjection } from '../../server/src/competitions/runtime-state';
import { createApp } from '../../server/src/http/app';
import { createServices, type Services } from '../../server/src/services';
import { sampleScheme } from '@ashyq/shared/scoring/fixtures';
import { removeDataDir, tempDataDir } from '../support/server';
import { call, expertSignIn, seedCompetition, type SeededCompetition } from './competition-harness';
import { iinShapedNumbers } from '../support/privacy';

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
const judged = (competitor: string, aspect: string, score: number) => ({
  id: markId(),
  competitor,
  aspect,
  value: { kind: 'judgement' as const, score },
});
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
    expect(iinShapedNumbers(res.body)).toEqual([]);
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

describe('re-score requests', () => {
  const request = (cookie: string, body: unknown) =>
    call(base, cookie, 'POST', chief('/rescore-requests'), body);
  const overview = async () => (await call(base, cookies.chief, 'GET', chief('/overview'))).body;
  const viewOf = async (expertId: string) =>
    (await call(base, cookies[expertId], 'GET', '/api/expert/competition')).body;

  beforeAll(async () => {
    // p2's A1.J1 is 0, 2, 3: an open discrepancy.
    for (const [expertId, score] of [
      ['e1', 0],
      ['e2', 2],
      ['e3', 3],
    ] as const) {
      const res = await sendMarks(expertId, [judged('p2', 'A1.J1', score)]);
      expect(res.body.results[0].status).toBe('accepted');
    }
  });

  it('refuses bad input and an aspect without an open discrepancy, changing nothing', async () => {
    const before = await head();
    for (const body of [
      {},
      { competitorId: 'p2' },
      { competitorId: 'p2', aspect: 'a1-j1' },
      { competitorId: 'p2', aspect: 'A1.J1', reason: '' },
      { competitorId: 'p2', aspect: 'A1.J1', expert: 'e1' },
    ]) {
      expect((await request(cookies.chief, body)).status, JSON.stringify(body)).toBe(400);
    }
    const agreed = await call(
      base,
      cookies.chief,
      'POST',
      `${chief('/rescore-requests')}?lang=ru`,
      {
        competitorId: 'p2',
        aspect: 'B1.J1',
      },
    );
    expect(agreed.status).toBe(409);
    expect(agreed.body.error.details[0]).toMatchObject({ code: 'no_open_discrepancy' });
    expect(agreed.body.error.details[0].message).toContain('нет открытого расхождения');
    expect((await request(cookies.chief, { competitorId: 'ghost', aspect: 'A1.J1' })).status).toBe(
      409,
    );
    expect(await head()).toBe(before);
    expect((await overview()).rescoreRequests).toEqual([]);
  });

  it('is refused to an expert', async () => {
    const res = await request(cookies.e1, { competitorId: 'p2', aspect: 'A1.J1' });
    expect(res.status).toBe(403);
  });

  it("lets the deputy ask the panel to re-score; logged, in the overview and on the judges' views", async () => {
    const reason = 'Look at the navigation on a phone before scoring again';
    const res = await request(cookies.deputy, { competitorId: 'p2', aspect: 'A1.J1', reason });
    expect(res.status).toBe(201);
    expect(res.body.request).toMatchObject({
      competitor: 'p2',
      aspect: 'A1.J1',
      subCriterion: 'A1',
      actor: 'deputy',
      reason,
      pending: ['e1', 'e2', 'e3'],
    });
    const { rescoreRequests, openDiscrepancies } = await overview();
    expect(rescoreRequests).toEqual([res.body.request]);
    expect(openDiscrepancies).toHaveLength(1);
    const trail = await call(base, cookies.chief, 'GET', chief('/events?type=rescore.requested'));
    expect(trail.body.events).toHaveLength(1);
    expect(trail.body.events[0]).toMatchObject({
      actor: 'deputy',
      data: { competitor: 'p2', aspect: 'A1.J1', experts: ['e1', 'e2', 'e3'], reason },
    });
    const byJudge = await call(base, cookies.chief, 'GET', chief('/events?expert=e3&kind=rescore'));
    expect(byJudge.body.events.map((e: { type: string }) => e.type)).toEqual(['rescore.requested']);
    const view = await viewOf('e1');
    expect(view.rescoreRequests).toEqual([
      { competitor: 'p2', aspect: 'A1.J1', at: res.body.request.at, reason },
    ]);
    expect(view.revealedScores).toContainEqual(
      expect.objectContaining({ competitor: 'p2', aspect: 'A1.J1', discrepancy: true }),
    );
    expect((await viewOf('chief')).rescoreRequests).toEqual([]);
  });

  it('stays pending for each judge until its new score, and closes once the scores agree', async () => {
    // 0, 2, 3 -> 1, 2, 3: still apart, so e2 and e3 are still asked.
    await sendMarks('e1', [judged('p2', 'A1.J1', 1)]);
    expect((await overview()).rescoreRequests[0].pending).toEqual(['e2', 'e3']);
    expect((await viewOf('e1')).rescoreRequests).toEqual([]);
    expect((await viewOf('e2')).rescoreRequests).toHaveLength(1);
    await sendMarks('e2', [judged('p2', 'A1.J1', 2)]);
    expect((await overview()).rescoreRequests[0].pending).toEqual(['e3']);
    // 1, 2, 2: the panel agrees, nothing is left to re-score.
    await sendMarks('e3', [judged('p2', 'A1.J1', 2)]);
    const after = await overview();
    expect(after.rescoreRequests).toEqual([]);
    expect(after.openDiscrepancies).toEqual([]);
    const revealed = (await viewOf('e3')).revealedScores.find(
      (entry: { competitor: string; aspect: string }) =>
        entry.competitor === 'p2' && entry.aspect === 'A1.J1',
    );
    expect(revealed).toMatchObject({ discrepancy: false });
    expect(revealed.scores.map((s: { score: number }) => s.score)).toEqual([1, 2, 2]);
  });

  it('closes when the chief resolves the discrepancy instead', async () => {
    const runtime = await services.competitions.open(seeded.competitionId);
    // p1 (e1's compatriot) is judged by e2, e3 and e4: 0, 3, 1.
    await sendMarks('e2', [judged('p1', 'A1.J1', 0)]);
    await sendMarks('e3', [judged('p1', 'A1.J1', 3)]);
    await runtime.recordMarks('e4', [judged('p1', 'A1.J1', 1)]);
    const asked = await request(cookies.chief, { competitorId: 'p1', aspect: 'A1.J1' });
    expect(asked.body.request).toMatchObject({ reason: null, pending: ['e2', 'e3', 'e4'] });
    const resolved = await call(base, cookies.chief, 'POST', chief('/discrepancies/resolve'), {
      competitorId: 'p1',
      aspect: 'A1.J1',
      reason: 'The panel agreed on 1 after discussion',
    });
    expect(resolved.status).toBe(200);
    expect((await overview()).rescoreRequests).toEqual([]);
    expect((await viewOf('e2')).rescoreRequests).toEqual([]);
  });

  it('comes back the same from a replay of the log and from a snapshot', async () => {
    const runtime = await services.competitions.open(seeded.competitionId);
    await sendMarks('e2', [judged('p2', 'B1.J1', 0)]);
    await runtime.setPanel('chief', 'B1', ['e2', 'e3', 'e4']);
    await sendMarks('e2', [judged('p2', 'B1.J1', 0)]);
    await sendMarks('e3', [judged('p2', 'B1.J1', 3)]);
    await runtime.recordMarks('e4', [judged('p2', 'B1.J1', 3)]);
    await request(cookies.chief, { competitorId: 'p2', aspect: 'B1.J1', reason: 'Recheck' });
    await sendMarks('e3', [judged('p2', 'B1.J1', 2)]);
    const live = runtime.state.rescore.list();
    expect(live).toHaveLength(1);
    expect(live[0]!.pending).toEqual(['e2', 'e4']);
    const projection = runtimeProjection({
      scheme: sampleScheme(),
      profile: runtime.context.profile,
      schemeVersion: 1,
    });
    const { state } = await services.log.replay(seeded.competitionId, projection, {
      snapshotEvery: Number.MAX_SAFE_INTEGER,
    });
    expect(state.rescore.list()).toEqual(live);
    const restored = projection.fromSnapshot!(
      JSON.parse(JSON.stringify(projection.toSnapshot!(runtime.state))),
    );
    expect(restored.rescore.list()).toEqual(live);
  });
});

describe('the overview matrix', () => {
  it('has a cell per sub-criterion and competitor with who marked it', async () => {
    const { matrix, progress } = (await call(base, cookies.chief, 'GET', chief('/overview'))).body;
    expect(matrix).toHaveLength(3 * 2);
    expect(matrix).toContainEqual({
      subCriterion: 'A1',
      competitor: 'p2',
      marked: 1,
      required: 3,
      experts: ['e1', 'e2', 'e3'],
    });
    expect(matrix).toContainEqual(
      expect.objectContaining({ subCriterion: 'A2', competitor: 'p1', marked: 1, experts: ['e2'] }),
    );
    const a1 = progress.subCriteria.find((s: { subCriterion: string }) => s.subCriterion === 'A1');
    const cells = matrix.filter((c: { subCriterion: string }) => c.subCriterion === 'A1');
    expect(cells.reduce((sum: number, c: { marked: number }) => sum + c.marked, 0)).toBe(a1.marked);
  });
});

describe('the audit trail', () => {
  const trail = (query: string) => call(base, cookies.chief, 'GET', chief(`/events?${query}`));

  it('pages back from the newest events with limit and before', async () => {
    const whole = await (await services.competitions.open(seeded.competitionId)).events();
    const first = await trail('limit=4');
    expect(first.status).toBe(200);
    expect(first.body.events.map((e: { seq: number }) => e.seq)).toEqual(
      whole.slice(-4).map((e) => e.seq),
    );
    const second = await trail(`limit=4&before=${first.body.nextBefore}`);
    expect(second.body.events.map((e: { seq: number }) => e.seq)).toEqual(
      whole.slice(-8, -4).map((e) => e.seq),
    );
    const marks = await trail('kind=mark&competitor=p2&aspect=A1.J1&expert=e1');
    expect(marks.body.events.length).toBeGreaterThan(0);
    for (const event of marks.body.events) {
      expect(event.data.mark).toMatchObject({ competitor: 'p2', aspect: 'A1.J1', expert: 'e1' });
    }
    expect(marks.body.nextBefore).toBeNull();
  });

  it('refuses unknown types and kinds and pages out of range, naming the field', async () => {
    for (const query of ['type=mark.deleted', 'kind=marks', 'limit=0', 'limit=5000', 'before=x']) {
      const res = await trail(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.details[0].path).toBe(`query.${query.split('=')[0]}`);
    }
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
