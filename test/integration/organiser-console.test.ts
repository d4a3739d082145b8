import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRng, syntheticIin } from '@ashyq/shared';
import { cisWorkbook } from '../fixtures/cis-workbook';
import { itNetworkScheme } from '../fixtures/schemes';
import { Client, startTestApp, type TestApp } from './api-support';

/** What the organiser console needs beyond the set-up routes: a scheme preview, naming the chief. */

const password = 'Organiser-2026!';
const competitionPath = '/api/organiser/competitions/console-web';
let app: TestApp;
let admin: Client;

beforeAll(async () => {
  app = await startTestApp();
  await app.services.accounts.createOrganiser({
    email: 'admin@example.kz',
    name: 'Админ',
    password,
    scope: { kind: 'all' },
    roles: ['organiser'],
  });
  admin = new Client(app.base);
  expect(
    (await admin.post('/api/auth/login', { email: 'admin@example.kz', password })).status,
  ).toBe(200);
  const championship = {
    id: 'console-2026',
    name: { kk: 'Чемпионат', ru: 'Чемпионат' },
    level: 'regional',
    track: 'wsk',
    season: 2026,
    hostRegionId: 'astana',
    startsOn: '2026-03-10',
    endsOn: '2026-03-13',
    profileId: 'wsk-championship@2024',
  };
  expect((await admin.post('/api/organiser/championships', championship)).status).toBe(201);
  const skill = { number: '39', name: { kk: 'IT желілері', ru: 'IT-сети' } };
  const path = '/api/organiser/championships/console-2026/competitions';
  expect((await admin.post(path, { id: 'console-web', skill })).status).toBe(201);
});

afterAll(async () => {
  await app?.close();
});

describe('scheme preview', () => {
  it('reports a workbook without accepting it, then accepts it on a real upload', async () => {
    const workbook = await cisWorkbook(itNetworkScheme);
    const preview = await admin.put(`${competitionPath}/scheme?dryRun=true`, workbook);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ accepted: false, schemeVersion: 0 });
    expect(preview.body.report.counts.criteria).toBe(itNetworkScheme.criteria.length);
    expect((await admin.get(competitionPath)).body.competition.scheme).toBeUndefined();
    expect((await admin.put(`${competitionPath}/scheme?dryRun=maybe`, workbook)).status).toBe(400);
    const accepted = await admin.put(`${competitionPath}/scheme`, workbook);
    expect(accepted.body.schemeVersion).toBe(1);
  });
});

describe('naming the chief expert', () => {
  const rng = seededRng(39);
  const iins = [0, 1].map(() => syntheticIin(rng, { from: '1980-01-01', to: '1995-12-31' }));
  const expert = (n: number, role = 'expert') => ({
    id: `x${n}`,
    name: { last: `Сарапшы${n}`, first: 'Айгүл' },
    iin: iins[n]!,
    regionId: 'astana',
    role,
  });

  it('makes one expert chief, the previous chief an expert, and revokes changed credentials', async () => {
    for (const [n, role] of [
      [0, 'chief'],
      [1, 'expert'],
    ] as const) {
      const reply = await admin.post(`${competitionPath}/experts`, expert(n, role));
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
    const issued = await app.services.accounts.issueCredential('console-web', 'x0', 'chief', {
      kind: 'user',
      userId: 'test',
    });
    const reply = await admin.patch(`${competitionPath}/experts/x1`, { role: 'chief' });
    expect(reply.status).toBe(200);
    expect(reply.body.demoted).toEqual(['x0']);
    const roles = (await admin.get(`${competitionPath}/experts`)).body.experts.map(
      (e: { id: string; role: string }) => [e.id, e.role],
    );
    expect(roles.sort()).toEqual([
      ['x0', 'expert'],
      ['x1', 'chief'],
    ]);
    const pin = await new Client(app.base).post('/api/auth/pin', {
      competitionId: 'console-web',
      pin: issued.pin,
    });
    expect(pin.status).toBe(401);
  });

  it('refuses unknown fields, unknown roles and another competition’s expert', async () => {
    const before = (await admin.get(`${competitionPath}/experts`)).body;
    expect((await admin.patch(`${competitionPath}/experts/x1`, { bogus: 1 })).status).toBe(400);
    expect((await admin.patch(`${competitionPath}/experts/x1`, { role: 'boss' })).status).toBe(400);
    expect((await admin.patch(`${competitionPath}/experts/nobody`, { role: 'chief' })).status).toBe(
      404,
    );
    expect((await admin.get(`${competitionPath}/experts`)).body).toEqual(before);
  });

  it('sets an expert’s papers and clears them with null', async () => {
    const path = `${competitionPath}/experts/x1`;
    const set = await admin.patch(path, { certificate: 'WSK-E-77', employer: 'ТОО «Qazaq»' });
    expect(set.body.expert).toMatchObject({ certificate: 'WSK-E-77', employer: 'ТОО «Qazaq»' });
    const cleared = await admin.patch(path, { certificate: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.expert).not.toHaveProperty('certificate');
    expect(cleared.body.expert.employer).toBe('ТОО «Qazaq»');
    expect((await admin.patch(path, { name: null })).status).toBe(400);
    expect((await admin.patch(path, { employer: '' })).status).toBe(400);
    // An override character would show the employer reversed on documents: refused, named.
    const reversed = await admin.patch(path, { employer: 'ТОО \u202E«Qazaq»' });
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(reversed.body.error.details)).toContain('U+202E');
  });
});

describe('small edits of the scheme', () => {
  const schemePath = `${competitionPath}/scheme`;

  it('applies names and max marks before marking, as a new version with its history', async () => {
    const before = (await admin.get(competitionPath)).body.competition;
    const reply = await admin.patch(schemePath, {
      edits: [{ target: 'criterion', id: 'A', name: 'Настройка сети' }],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.schemeVersion).toBe(before.schemeVersion + 1);
    const after = (await admin.get(competitionPath)).body.competition;
    expect(after.scheme.criteria[0].name).toBe('Настройка сети');
    expect(after.schemeEdits).toHaveLength(1);
  });

  it('refuses an edit of something the scheme lacks, naming it, and changes nothing', async () => {
    const before = (await admin.get(competitionPath)).body;
    const reply = await admin.patch(`${schemePath}?lang=ru`, {
      edits: [{ target: 'aspect', code: 'Z9.M9', description: 'нет такого' }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0]).toMatchObject({ path: 'edits[0]' });
    expect(reply.body.error.details[0].message).toContain('Z9.M9');
    expect((await admin.patch(schemePath, { edits: [] })).status).toBe(400);
    expect((await admin.get(competitionPath)).body).toEqual(before);
  });

  it('after the first mark needs a reason, and keeps it with the new version', async () => {
    const runtime = await app.services.competitions.open('console-web');
    const scheme = runtime.context.competition.scheme!;
    const sub = scheme.criteria
      .flatMap((criterion) => criterion.subCriteria)
      .find((candidate) => candidate.aspects.every((aspect) => aspect.type === 'M'))!;
    const binary = sub.aspects.find((a) => (a.measurement?.kind ?? 'binary') === 'binary')!;
    const competitor = await admin.post(`${competitionPath}/competitors`, {
      name: { last: 'Серікұлы', first: 'Әлихан' },
      iin: syntheticIin(seededRng(5), { from: '2005-01-01', to: '2006-12-31' }),
      regionId: 'astana',
    });
    expect(competitor.status, JSON.stringify(competitor.body)).toBe(201);
    await runtime.setPanel('test', sub.id, ['x0']);
    const marked = await runtime.recordMarks('x0', [
      {
        id: 'mark-edit-0001',
        competitor: competitor.body.competitor.id,
        aspect: binary.code,
        value: { kind: 'binary', achieved: true },
      },
    ]);
    expect(marked[0]?.status, JSON.stringify(marked)).toBe('accepted');

    const edit = { target: 'aspect', code: binary.code, description: 'Кабель обжат по T568B' };
    const noReason = await admin.patch(schemePath, { edits: [edit] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    const reply = await admin.patch(schemePath, {
      edits: [edit],
      reason: 'Опечатка в описании аспекта',
    });
    expect(reply.status).toBe(200);
    const after = (await admin.get(competitionPath)).body.competition;
    expect(after.schemeEdits.at(-1).reason).toBe('Опечатка в описании аспекта');
    const reopened = await app.services.competitions.open('console-web');
    expect(reopened.context.competition.schemeVersion).toBe(reply.body.schemeVersion);
    const result = reopened.state.scoring
      .results()
      .find((r) => r.competitor === competitor.body.competitor.id)!;
    expect(result.total).toBe(binary.maxMark);
  });
});

describe('correcting a competitor', () => {
  const rng = seededRng(77);
  const iins = [0, 1].map(() => syntheticIin(rng, { from: '2004-01-01', to: '2008-12-31' }));
  const competitor = (n: number) => ({
    id: `k${n}`,
    name: { last: `Қатысушы${n}`, first: 'Ержан' },
    iin: iins[n]!,
    regionId: 'astana',
  });
  const renamed = { last: 'Ахметова', first: 'Айгерим', middle: 'Болатқызы' };
  const rosterName = async (id: string) =>
    (await admin.get('/api/chief/competitions/console-web/roster')).body.competitors.find(
      (c: { id: string }) => c.id === id,
    )?.name;
  const renames = async () =>
    (await admin.get('/api/chief/competitions/console-web/events?type=competitor.renamed')).body
      .events as { actor: string; data: Record<string, unknown> }[];

  beforeAll(async () => {
    for (const n of [0, 1]) {
      const reply = await admin.post(`${competitionPath}/competitors`, competitor(n));
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
  });

  it('renames with a reason: the log keeps it, the roster shows the new name, the IIN stays out', async () => {
    const reply = await admin.patch(`${competitionPath}/competitors/k0`, {
      name: renamed,
      reason: 'Фамилия в списке с ошибкой',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.competitor).toMatchObject({ id: 'k0', name: renamed, iin: iins[0] });
    expect(await rosterName('k0')).toEqual(renamed);
    const events = await renames();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({
      competitor: 'k0',
      name: renamed,
      reason: 'Фамилия в списке с ошибкой',
    });
    expect(JSON.stringify(events)).not.toContain(iins[0]);

    // The same name again is no new event; a new IIN changes the record only.
    const newIin = syntheticIin(rng, { from: '2004-01-01', to: '2008-12-31' });
    const again = await admin.patch(`${competitionPath}/competitors/k0`, {
      name: renamed,
      iin: newIin,
      reason: 'ИИН с ошибкой',
    });
    expect(again.status).toBe(200);
    expect(await renames()).toHaveLength(1);
    const stored = (await admin.get(`${competitionPath}/competitors`)).body.competitors;
    expect(stored.find((c: { id: string }) => c.id === 'k0').iin).toBe(newIin);
  });

  it('refuses a change of region or college, a missing reason, a taken IIN, and changes nothing', async () => {
    const before = (await admin.get(`${competitionPath}/competitors`)).body;
    const path = `${competitionPath}/competitors/k1`;
    const region = await admin.patch(`${path}?lang=ru`, { regionId: 'almaty', reason: 'переезд' });
    expect(region.status).toBe(409);
    expect(region.body.error.details[0]).toMatchObject({
      path: 'regionId',
      code: 'delegationFixed',
    });
    expect(region.body.error.details[0].message).toContain('соотечественники');
    expect((await admin.patch(path, { collegeId: 'any', reason: 'x' })).status).toBe(409);
    expect((await admin.patch(path, { name: renamed })).status).toBe(400);
    expect((await admin.patch(path, { name: { last: '' }, reason: 'x' })).status).toBe(400);
    const taken = await admin.patch(path, { iin: before.competitors[0].iin, reason: 'x' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].code).toBe('iinRegistered');
    // A rule of the domain, not a concurrent change: the headline does not say "reload".
    expect(taken.body.error.message).toBe('Отклонено; ничего не изменено');
    expect((await admin.patch(`${competitionPath}/competitors/x0`, { reason: 'x' })).status).toBe(
      404,
    );
    expect((await admin.get(`${competitionPath}/competitors`)).body).toEqual(before);
    expect(await renames()).toHaveLength(1);
  });

  it('corrects an expert’s IIN too, refusing one another expert has', async () => {
    const experts = (await admin.get(`${competitionPath}/experts`)).body.experts;
    const taken = await admin.patch(`${competitionPath}/experts/x0`, { iin: experts[1].iin });
    expect(taken.status).toBe(409);
    const fresh = syntheticIin(rng, { from: '1980-01-01', to: '1995-12-31' });
    const reply = await admin.patch(`${competitionPath}/experts/x0`, { iin: fresh });
    expect(reply.status).toBe(200);
    expect(reply.body.expert.iin).toBe(fresh);
  });
});
