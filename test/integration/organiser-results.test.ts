import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullName, getRegion, type PersonName } from '@ashyq/shared';
import { binaryScheme, seedCompetition } from './competition-harness';
import { Client, startTestApp, type TestApp } from './api-support';
import { iinShapedNumbers } from '../support/privacy';

const password = 'Organiser-2026!';
const championshipPath = '/api/organiser/championships/champ-web-1';
/** Aspects achieved by each competitor (of 4 worth 0.5 each): totals 2, 1.5, 1.5, 0.5, 0. */
const achieved: Record<string, number> = { p1: 4, p2: 3, p3: 3, p4: 1, p5: 0 };
const regions: Record<string, string> = {
  p1: 'almaty-region',
  p2: 'abai',
  p3: 'almaty-region',
  p4: 'astana',
  p5: 'abai',
};

let app: TestApp;
let admin: Client;
let outsider: Client;

async function signIn(email: string): Promise<Client> {
  const client = new Client(app.base);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

async function sheetRows(bytes: Buffer, sheet = 'Results'): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  app = await startTestApp();
  const { services } = app;
  await seedCompetition(services, {
    scheme: binaryScheme(4),
    level: 'regional',
    competitors: Object.entries(regions).map(([id, regionId]) => ({ id, regionId })),
  });
  const runtime = await services.competitions.open('web-1');
  await runtime.setPanel('organiser-1', 'A1', ['e3']);
  const marks = Object.entries(achieved).flatMap(([competitor, count]) =>
    [1, 2, 3, 4].map((n) => ({
      id: `mark-${competitor}-${n}`,
      competitor,
      aspect: `A1.M${n}`,
      value: { kind: 'binary' as const, achieved: n <= count },
    })),
  );
  const recorded = await runtime.recordMarks('e3', marks);
  expect(recorded.every((r) => r.status === 'accepted')).toBe(true);
  // Finished the way the chief console does it, so the results may be published.
  await runtime.lock('organiser-1', 'A1');
  await runtime.signOff('e3', 'A1');
  const organiser = { name: 'Организатор', password, roles: ['organiser' as const] };
  await services.accounts.createOrganiser({
    ...organiser,
    email: 'admin@example.kz',
    scope: { kind: 'all' },
  });
  await services.accounts.createOrganiser({
    ...organiser,
    email: 'other@example.kz',
    scope: { kind: 'championships', ids: ['elsewhere'] },
  });
  admin = await signIn('admin@example.kz');
  outsider = await signIn('other@example.kz');
});

afterAll(async () => {
  await app?.close();
});

describe('results exports', () => {
  it('writes the CIS results layout with the engine’s positions, medals and totals', async () => {
    const provisional = await sheetRows(
      (await admin.get('/api/organiser/competitions/web-1/results.xlsx?lang=ru')).body,
    );
    // Medals only ever appear on final results.
    expect(provisional.slice(1).every((row) => !row[7])).toBe(true);
    expect((await admin.post('/api/chief/competitions/web-1/publish')).status).toBe(200);
    const reply = await admin.get('/api/organiser/competitions/web-1/results.xlsx?lang=ru');
    expect(reply.status).toBe(200);
    const rows = await sheetRows(reply.body);
    expect(rows[0]).toEqual([
      'Position',
      'Member',
      'Member Name',
      'Skill Number',
      'Skill Name',
      'First Name',
      'Last Name',
      'Medal',
      'Total',
    ]);
    const engine = (await app.services.competitions.open('web-1')).state.scoring.results();
    const words = { gold: 'Gold', silver: 'Silver', bronze: 'Bronze' };
    expect(rows.slice(1).map((row) => [row[0], row[6], row[7] || '', row[8]])).toEqual(
      engine.map((result) => [
        result.position,
        `Сатпаев${Object.keys(regions).indexOf(result.competitor)}`,
        result.medal ? words[result.medal] : result.medallion ? 'Medallion for Excellence' : '',
        result.total,
      ]),
    );
    expect(
      rows
        .slice(1)
        .map((row) => [row[0], row[7], row[8]])
        .slice(0, 3),
    ).toEqual([
      [1, 'Gold', 2],
      [2, 'Silver', 1.5],
      [2, 'Silver', 1.5],
    ]);
    expect(rows[1]!.slice(1, 5)).toEqual([
      'almaty-region',
      'Алматинская область',
      '17',
      'Веб-технологии',
    ]);
  });

  it('exports the championship with medal tables by region and college', async () => {
    const reply = await admin.get(`${championshipPath}/results.xlsx?lang=kk`);
    expect(reply.status).toBe(200);
    expect(await sheetRows(reply.body)).toHaveLength(6);
    const byRegion = await sheetRows(reply.body, 'Medals by region');
    expect(byRegion[1]!.slice(2, 5)).toEqual([1, 1, 0]);
  });

  it('names the best competitor of each region, equal ones together', async () => {
    const reply = await admin.get(`${championshipPath}/best-of-delegation?team=region`);
    expect(reply.status).toBe(200);
    expect(
      reply.body.delegations.map((d: { team: string; best: { competitorId: string }[] }) => [
        d.team,
        d.best.map((b) => b.competitorId),
      ]),
    ).toEqual([
      ['almaty-region', ['p1']],
      ['abai', ['p2']],
      ['astana', ['p4']],
    ]);
    expect(JSON.stringify(reply.body)).not.toContain('900101');
    expect((await admin.get(`${championshipPath}/best-of-delegation?team=city`)).status).toBe(400);
  });

  it('downloads the best of each region as a workbook headed in the reader’s language', async () => {
    const path = `${championshipPath}/best-of-delegation.xlsx?team=region&lang=ru`;
    const reply = await admin.get(path);
    expect(reply.status).toBe(200);
    const rows = await sheetRows(reply.body, 'Лучший в делегации');
    expect(rows[0]).toEqual([
      'Делегация',
      'Лучший участник',
      'Номер компетенции',
      'Компетенция',
      'Место',
      'Сумма',
      '% от максимума компетенции',
    ]);
    // The same people as on screen, in the same order; no IIN anywhere.
    const onScreen = (await admin.get(`${championshipPath}/best-of-delegation?team=region`)).body
      .delegations as { team: string; best: { name: PersonName }[] }[];
    expect(rows.slice(1)).toEqual(
      onScreen.map(({ team, best }, i) => [
        getRegion(team)!.name.ru,
        fullName(best[0]!.name),
        '17',
        'Веб-технологии',
        [1, 2, 4][i],
        [2, 1.5, 0.5][i],
        [100, 75, 25][i],
      ]),
    );
    expect(iinShapedNumbers(rows)).toEqual([]);

    expect((await admin.get(`${championshipPath}/best-of-delegation.xlsx?team=city`)).status).toBe(
      400,
    );
  });

  it('refuses organisers out of scope and competitions without a scheme', async () => {
    expect((await outsider.get(`${championshipPath}/results.xlsx`)).status).toBe(403);
    expect((await outsider.get('/api/organiser/competitions/web-1/results.xlsx')).status).toBe(403);
    expect((await new Client(app.base).get(`${championshipPath}/results.xlsx`)).status).toBe(401);
  });
});

describe('advancement', () => {
  const rules = { defaultRule: { kind: 'top', count: 2 }, quota: { team: 'region', max: 5 } };
  const decide = [
    {
      competitionId: 'web-1',
      competitorId: 'p2',
      action: 'include',
      reason: 'Лучше по критерию A',
    },
    {
      competitionId: 'web-1',
      competitorId: 'p3',
      action: 'exclude',
      reason: 'Решение оргкомитета',
    },
  ];

  beforeAll(async () => {
    const national = {
      id: 'wsk-2026-national',
      name: { kk: 'Республикалық чемпионат', ru: 'Республиканский чемпионат' },
      level: 'national',
      track: 'wsk',
      season: 2026,
      hostRegionId: 'astana',
      startsOn: '2026-10-01',
      endsOn: '2026-10-05',
      profileId: 'wsk-championship@2024',
    };
    expect((await admin.post('/api/organiser/championships', national)).status).toBe(201);
    const skill = { number: '17', name: { kk: 'Веб-технологиялар', ru: 'Веб-технологии' } };
    const competition = { id: 'national-web', skill };
    const path = '/api/organiser/championships/wsk-2026-national/competitions';
    expect((await admin.post(path, competition)).status).toBe(201);
  });

  it('reports the tie at the top-2 line and refuses to create lists until it is decided', async () => {
    const proposal = await admin.post(`${championshipPath}/advancement/proposal`, { rules });
    expect(proposal.status).toBe(200);
    expect(proposal.body.ready).toBe(false);
    expect(proposal.body.ties).toEqual([
      {
        line: 'competency',
        at: 'web-1',
        places: 1,
        competitors: [
          { competitionId: 'web-1', competitorId: 'p2' },
          { competitionId: 'web-1', competitorId: 'p3' },
        ],
        resolved: false,
      },
    ]);
    const apply = await admin.post(`${championshipPath}/advancement/apply?lang=en`, {
      rules,
      targetChampionshipId: 'wsk-2026-national',
    });
    expect(apply.status).toBe(409);
    expect(apply.body.error.details[0].message).toContain('not decided');
    expect(
      (await admin.get('/api/organiser/competitions/national-web/competitors')).body.competitors,
    ).toEqual([]);
  });

  it('refuses bad rules, unknown competitors and a national quota out of 5..30', async () => {
    const post = (body: unknown) =>
      admin.post(`${championshipPath}/advancement/apply?lang=ru`, body);
    const target = { targetChampionshipId: 'wsk-2026-national', adjustments: decide };
    expect(
      (await post({ ...target, rules: { defaultRule: { kind: 'top', count: 0 } } })).status,
    ).toBe(400);
    const quota = await post({
      ...target,
      rules: { ...rules, quota: { team: 'region', max: 40 } },
    });
    expect(quota.status).toBe(400);
    expect(quota.body.error.details[0].message).toContain('от 5 до 30');
    const unknown = await post({
      ...target,
      rules,
      adjustments: [{ ...decide[0], competitorId: 'nobody' }],
    });
    expect(unknown.status).toBe(400);
    const noReason = await post({ ...target, rules, adjustments: [{ ...decide[0], reason: '' }] });
    expect(noReason.status).toBe(400);
    expect((await post({ ...target, rules, targetChampionshipId: 'champ-web-1' })).status).toBe(
      400,
    );
    expect(
      (await outsider.post(`${championshipPath}/advancement/proposal`, { rules })).status,
    ).toBe(403);
    expect(
      (await admin.get('/api/organiser/competitions/national-web/competitors')).body.competitors,
    ).toEqual([]);
  });

  it('creates the next level’s list from the decided proposal: same people, history kept', async () => {
    const apply = await admin.post(`${championshipPath}/advancement/apply`, {
      rules,
      adjustments: decide,
      targetChampionshipId: 'wsk-2026-national',
    });
    expect(apply.status).toBe(201);
    expect(apply.body.alreadyRegistered).toBe(0);
    const listed = (await admin.get('/api/organiser/competitions/national-web/competitors')).body
      .competitors as { iin: string; advancedFrom: { competitorId: string } }[];
    const source = (await admin.get('/api/organiser/competitions/web-1/competitors')).body
      .competitors as { id: string; iin: string }[];
    expect(listed.map((c) => c.advancedFrom.competitorId).sort()).toEqual(['p1', 'p2']);
    for (const person of listed) {
      expect(source.find((s) => s.id === person.advancedFrom.competitorId)!.iin).toBe(person.iin);
    }
    const again = await admin.post(`${championshipPath}/advancement/apply`, {
      rules,
      adjustments: decide,
      targetChampionshipId: 'wsk-2026-national',
    });
    expect(again.body).toMatchObject({ created: [], alreadyRegistered: 2 });
    const history = (await admin.get(`${championshipPath}/advancements`)).body.advancements;
    expect(history).toHaveLength(2);
    const first = history.find((h: { id: string }) => h.id === apply.body.advancementId);
    expect(first).toMatchObject({
      targetChampionshipId: 'wsk-2026-national',
      adjustments: decide,
      sent: [
        { competitorId: 'p1', status: 'selected', name: { last: expect.any(String) } },
        { competitorId: 'p2', status: 'included', name: { last: expect.any(String) } },
      ],
    });
    // Named for the organiser's screen, never by IIN.
    expect(first.adjustments[0].name).toMatchObject({ first: expect.any(String) });
    for (const person of source) expect(JSON.stringify(history)).not.toContain(person.iin);
    expect(first.created).toHaveLength(2);
  });
});

describe('clone last year', () => {
  it('copies competitions and schemes, not people, into a later season', async () => {
    const clone = { id: 'champ-web-2', season: 2027, startsOn: '2027-05-11', endsOn: '2027-05-14' };
    expect((await admin.post(`${championshipPath}/clone`, { ...clone, season: 2026 })).status).toBe(
      400,
    );
    expect((await admin.post(`${championshipPath}/clone`, { ...clone, extra: 1 })).status).toBe(
      400,
    );
    expect((await outsider.post(`${championshipPath}/clone`, clone)).status).toBe(403);
    const reply = await admin.post(`${championshipPath}/clone`, clone);
    expect(reply.status).toBe(201);
    const got = await admin.get('/api/organiser/championships/champ-web-2');
    expect(got.body.championship).toMatchObject({ season: 2027, level: 'regional' });
    expect(got.body.competitions).toMatchObject([
      { skill: { number: '17' }, hasScheme: true, schemeVersion: 1 },
    ]);
    const id = got.body.competitions[0].id;
    expect(
      (await admin.get(`/api/organiser/competitions/${id}/competitors`)).body.competitors,
    ).toEqual([]);
    expect((await admin.post(`${championshipPath}/clone`, clone)).status).toBe(409);
  });

  it('takes the new edition’s name, all of it or none', async () => {
    const clone = { id: 'champ-web-3', season: 2028, startsOn: '2028-05-09', endsOn: '2028-05-12' };
    const name = { kk: 'Веб чемпионаты 2028', ru: 'Веб-чемпионат 2028', en: 'Web 2028' };
    const listing = '/api/organiser/championships';
    const before = (await admin.get(listing)).body;
    const partial = await admin.post(`${championshipPath}/clone`, { ...clone, name: { kk: 'x' } });
    expect(partial.status).toBe(400);
    expect((await admin.get(listing)).body).toEqual(before);
    expect((await admin.post(`${championshipPath}/clone`, { ...clone, name })).status).toBe(201);
    const got = await admin.get('/api/organiser/championships/champ-web-3');
    expect(got.body.championship).toMatchObject({ name, season: 2028, startsOn: '2028-05-09' });
  });
});

describe('result sheet PDF', () => {
  const pdfText = (bytes: Buffer) =>
    execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8');

  it('prints a draft while results are reopened and an issued sheet with a code after, in kk and ru', async () => {
    // Published by the exports above; the chief reopens them for a correction.
    const runtime = await app.services.competitions.open('web-1');
    await runtime.unlock('chief', 'A1', 'a mark entered for the wrong competitor');
    const draft = await admin.get('/api/organiser/competitions/web-1/results.pdf?lang=kk');
    expect(draft.status).toBe(200);
    expect(draft.body.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftotext')) {
      const text = pdfText(draft.body);
      expect(text).toContain('Нәтижелердің қорытынды ведомосы');
      // Not final: no medal is printed.
      expect(text).not.toContain('Алтын');
      expect(text).not.toContain('900101');
    }
    await runtime.lock('organiser-1', 'A1');
    await runtime.signOff('e3', 'A1');
    expect((await admin.post('/api/chief/competitions/web-1/publish')).status).toBe(200);
    // The verification code travels in a header, which the JSON client does not keep.
    const login = await fetch(`${app.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.kz', password }),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const res = await fetch(`${app.base}/api/organiser/competitions/web-1/results.pdf?lang=ru`, {
      headers: { cookie },
    });
    expect(res.status).toBe(200);
    const code = res.headers.get('x-verification-code');
    expect(code).toMatch(/\w/);
    const verified = await fetch(
      `${app.base}/api/public/verify/${encodeURIComponent(code!.replace(/\W/g, ''))}`,
    );
    expect(((await verified.json()) as { matches: boolean }).matches).toBe(true);
    if (existsSync('/usr/bin/pdftotext')) {
      const text = pdfText(Buffer.from(await res.arrayBuffer()));
      expect(text).toContain('Итоговая ведомость результатов');
      expect(text).toMatch(/1\s+Сатпаев0 Арман/);
      // Published first by the exports above: this publication is a correction.
      expect(text).toMatch(/Исправлено\s+\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    }

    // A second correction: unlocked with a reason, locked and published again. The new sheet
    // gets a new code; the sheet issued before reports that the records changed since.
    const unlocked = await admin.post('/api/chief/competitions/web-1/sub-criteria/A1/unlock', {
      reason: 'Апелляция участника: пересчёт A1',
    });
    expect(unlocked.status).toBe(200);
    await runtime.lock('organiser-1', 'A1');
    await runtime.signOff('e3', 'A1');
    expect((await admin.post('/api/chief/competitions/web-1/publish')).status).toBe(200);
    const corrected = await fetch(
      `${app.base}/api/organiser/competitions/web-1/results.pdf?lang=ru`,
      {
        headers: { cookie },
      },
    );
    expect(corrected.headers.get('x-verification-code')).not.toBe(code);
    const before = await fetch(`${app.base}/api/public/verify/${code!.replace(/\W/g, '')}`);
    expect(await before.json()).toMatchObject({ matches: false, problem: 'content_changed' });
    if (existsSync('/usr/bin/pdftotext')) {
      const text = pdfText(Buffer.from(await corrected.arrayBuffer()));
      expect(text).toMatch(/Исправлено\s+\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
    }
  });

  it('prints only in Kazakh or Russian and only for organisers in scope', async () => {
    expect((await admin.get('/api/organiser/competitions/web-1/results.pdf?lang=en')).status).toBe(
      400,
    );
    expect((await outsider.get('/api/organiser/competitions/web-1/results.pdf')).status).toBe(403);
  });
});

describe('access to the new organiser routes', () => {
  const competition = '/api/organiser/competitions/web-1';
  const routes: [method: string, path: string, body: unknown][] = [
    ['GET', `${competition}/results.xlsx`, undefined],
    ['GET', `${competition}/results.pdf?lang=ru`, undefined],
    ['PATCH', `${competition}/scheme`, { edits: [{ target: 'criterion', id: 'A', name: 'X' }] }],
    ['PATCH', `${competition}/experts/e1`, { role: 'chief' }],
    ['GET', `${championshipPath}/results.xlsx`, undefined],
    ['GET', `${championshipPath}/best-of-delegation`, undefined],
    ['GET', `${championshipPath}/best-of-delegation.xlsx`, undefined],
    ['GET', `${championshipPath}/advancements`, undefined],
    [
      'POST',
      `${championshipPath}/clone`,
      { id: 'x', season: 2030, startsOn: '2030-01-01', endsOn: '2030-01-02' },
    ],
    [
      'POST',
      `${championshipPath}/advancement/proposal`,
      { rules: { defaultRule: { kind: 'medalists' } } },
    ],
    [
      'POST',
      `${championshipPath}/advancement/apply`,
      { rules: { defaultRule: { kind: 'medalists' } }, targetChampionshipId: 'wsk-2026-national' },
    ],
  ];
  let expert: Client;

  beforeAll(async () => {
    const { pin } = await app.services.accounts.issueCredential('web-1', 'e1', 'expert', {
      kind: 'user',
      userId: 'test',
    });
    expert = new Client(app.base);
    expect((await expert.post('/api/auth/pin', { competitionId: 'web-1', pin })).status).toBe(200);
  });

  it.each(routes)(
    '%s %s: anonymous 401, expert 403, organiser out of scope 403',
    async (method, path, body) => {
      expect((await new Client(app.base).request(method, path, body)).status).toBe(401);
      expect((await expert.request(method, path, body)).status).toBe(403);
      expect((await outsider.request(method, path, body)).status).toBe(403);
    },
  );
});
