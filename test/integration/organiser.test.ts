import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProfile, seededRng, syntheticIin, type MarkingScheme } from '@ashyq/shared';
import { syntheticBin } from '../../seeds/people';
import { importWorkbook } from '../../server/src/cis/import';
import { cisWorkbook } from '../fixtures/cis-workbook';
import { buildZip } from '../fixtures/zip';
import { itNetworkScheme } from '../fixtures/schemes';
import { Client, startTestApp, type Reply, type TestApp } from './api-support';

const password = 'Organiser-2026!';
const rng = seededRng(2026);
const iin = () => syntheticIin(rng, { from: '2003-01-01', to: '2007-12-31' });

const championship = {
  id: 'wsk-2026-test',
  name: { kk: 'Сынақ чемпионаты', ru: 'Тестовый чемпионат' },
  level: 'regional',
  track: 'wsk',
  season: 2026,
  hostRegionId: 'astana',
  startsOn: '2026-03-10',
  endsOn: '2026-03-13',
  profileId: 'wsk-championship@2024',
};
const competitionPath = '/api/organiser/competitions/web-test';
const college = {
  id: 'astana-it-test',
  name: { kk: 'Астана IT колледжі', ru: 'Астанинский IT колледж', en: 'Astana IT College' },
  bin: syntheticBin(rng, { year: 2004, month: 5 }),
  regionId: 'astana',
};

let app: TestApp;
let admin: Client;
let outsider: Client;
let expert: Client;
let anonymous: Client;

async function signIn(email: string): Promise<Client> {
  const client = new Client(app.base);
  const reply = await client.post('/api/auth/login', { email, password });
  expect(reply.status).toBe(200);
  return client;
}

/** Runs a refused request and checks that the listing it could have changed is the same after. */
async function refusedWithoutChange(
  listing: string,
  request: () => Promise<Reply>,
  status: number,
) {
  const before = await admin.get(listing);
  const reply = await request();
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect((await admin.get(listing)).body).toEqual(before.body);
  return reply.body;
}

function competitorsCsv(rows: string[][]): Uint8Array {
  const lines = [['ФИО', 'ИИН', 'Колледж', 'Регион'], ...rows].map((row) => row.join(';'));
  return new TextEncoder().encode(lines.join('\r\n'));
}

beforeAll(async () => {
  app = await startTestApp();
  const { accounts } = app.services;
  await accounts.createOrganiser({
    email: 'admin@example.kz',
    name: 'Админ',
    password,
    scope: { kind: 'all' },
    roles: ['organiser'],
  });
  await accounts.createOrganiser({
    email: 'other@example.kz',
    name: 'Другой организатор',
    password,
    scope: { kind: 'championships', ids: ['elsewhere'] },
    roles: ['organiser'],
  });
  admin = await signIn('admin@example.kz');
  outsider = await signIn('other@example.kz');
  anonymous = new Client(app.base);
  expect((await admin.post('/api/organiser/colleges', college)).status).toBe(201);
  expect((await admin.post('/api/organiser/championships', championship)).status).toBe(201);
  const created = await admin.post(`/api/organiser/championships/${championship.id}/competitions`, {
    id: 'web-test',
    skill: {
      number: '17',
      name: { kk: 'Веб-технологиялар', ru: 'Веб-технологии', en: 'Web Technologies' },
    },
  });
  expect(created.status).toBe(201);
  const issued = await accounts.issueCredential('web-test', 'expert-1', 'expert', {
    kind: 'user',
    userId: 'test',
  });
  expert = new Client(app.base);
  const pinReply = await expert.post('/api/auth/pin', {
    competitionId: 'web-test',
    pin: issued.pin,
  });
  expect(pinReply.status).toBe(200);
});

afterAll(async () => {
  await app?.close();
});

describe('championships and competitions', () => {
  it('creates with defaults, refuses bad input without a trace, and lists only what the scope covers', async () => {
    const got = await admin.get(`/api/organiser/championships/${championship.id}`);
    // No policy given: the rules profile's default, which holds back unlocked marks.
    expect(getProfile(championship.profileId)!.publicationDefault).toBe('locked');
    expect(got.body.championship.publication).toEqual({ policy: 'locked' });
    expect(got.body.competitions[0]).toMatchObject({
      id: 'web-test',
      profileId: 'wsk-championship@2024',
      hasScheme: false,
    });

    const listing = '/api/organiser/championships';
    await refusedWithoutChange(
      listing,
      () => admin.post(listing, { ...championship, id: 'x-1', hostRegionId: 'mars' }),
      400,
    );
    const reversed = await refusedWithoutChange(
      listing,
      () => admin.post(listing, { ...championship, id: 'x-2', endsOn: '2026-03-01' }),
      400,
    );
    expect(reversed.error.details[0]).toMatchObject({ path: 'endsOn', code: 'datesReversed' });
    await refusedWithoutChange(
      listing,
      () => admin.post(listing, { ...championship, extra: 1 }),
      400,
    );
    await refusedWithoutChange(listing, () => admin.post(listing, championship), 409);
    await refusedWithoutChange(
      listing,
      () => admin.post(listing, { ...championship, id: 'x-3', profileId: 'nope@1' }),
      400,
    );

    expect((await outsider.get(listing)).body.championships).toEqual([]);
    expect((await admin.get(listing)).body.championships).toMatchObject([
      { id: championship.id, status: 'draft' },
    ]);
  });

  it('keeps the publication the organiser gives', async () => {
    const publication = { policy: 'live', freezeAt: '2026-03-12T16:00:00+05:00' };
    const id = 'wsk-2026-live';
    expect(
      (await admin.post('/api/organiser/championships', { ...championship, id, publication }))
        .status,
    ).toBe(201);
    const got = await admin.get(`/api/organiser/championships/${id}`);
    expect(got.body.championship.publication).toEqual(publication);
  });

  it('patches what is valid and refuses the rest unchanged', async () => {
    const path = `/api/organiser/championships/${championship.id}`;
    const patched = await admin.patch(path, { venue: 'Astana, QazExpoCongress' });
    expect(patched.status).toBe(200);
    expect(patched.body.championship.venue).toBe('Astana, QazExpoCongress');
    await refusedWithoutChange(path, () => admin.patch(path, { startsOn: '2026-04-01' }), 400);
    await refusedWithoutChange(path, () => admin.patch(path, { id: 'renamed' }), 400);

    const renamed = await admin.patch(competitionPath, {
      skill: { number: '17', name: { kk: 'Веб', ru: 'Веб' } },
    });
    expect(renamed.status).toBe(200);
    await refusedWithoutChange(
      competitionPath,
      () => admin.patch(competitionPath, { profileId: 'nope@1' }),
      400,
    );
    await refusedWithoutChange(
      competitionPath,
      () => admin.patch(competitionPath, { schemeVersion: 9 }),
      400,
    );
    expect((await admin.get('/api/organiser/competitions/missing')).status).toBe(404);
  });

  it('clears an optional field sent as null, and refuses what the browser must not send', async () => {
    const path = `/api/organiser/championships/${championship.id}`;
    const freezeAt = '2026-03-13T15:00:00+05:00';
    const set = await admin.patch(path, {
      venue: 'Astana, QazExpoCongress',
      publication: { policy: 'locked', freezeAt },
    });
    expect(set.status).toBe(200);
    expect(set.body.championship.publication).toEqual({ policy: 'locked', freezeAt });

    const cleared = await admin.patch(path, { venue: null, publication: { policy: 'locked' } });
    expect(cleared.status).toBe(200);
    const stored = (await admin.get(path)).body.championship;
    expect(stored).not.toHaveProperty('venue');
    expect(stored.publication).toEqual({ policy: 'locked' });
    expect(stored.name).toEqual(championship.name);

    // Only optional fields clear; the stored record's own fields are not the client's to send.
    await refusedWithoutChange(path, () => admin.patch(path, { name: null }), 400);
    await refusedWithoutChange(path, () => admin.patch(path, { venue: 'x'.repeat(301) }), 400);
    await refusedWithoutChange(
      path,
      () => admin.patch(path, { ...stored, id: undefined, createdAt: stored.createdAt }),
      400,
    );
    await admin.patch(path, { publication: { policy: 'live' } });
  });

  it('sets a competition’s own publication and drops it with null', async () => {
    expect((await admin.get(competitionPath)).body.marked).toBe(false);
    const own = await admin.patch(competitionPath, { publication: { policy: 'embargo' } });
    expect(own.status).toBe(200);
    expect(own.body.competition.publication).toEqual({ policy: 'embargo' });
    const dropped = await admin.patch(competitionPath, { publication: null });
    expect(dropped.status).toBe(200);
    expect((await admin.get(competitionPath)).body.competition).not.toHaveProperty('publication');
    await refusedWithoutChange(
      competitionPath,
      () => admin.patch(competitionPath, { skill: null }),
      400,
    );
  });

  it('registers colleges with a valid BIN only', async () => {
    const listing = '/api/organiser/colleges';
    await refusedWithoutChange(
      listing,
      () => admin.post(listing, { ...college, id: 'bad-bin', bin: '123456789012' }),
      400,
    );
    await refusedWithoutChange(listing, () => admin.post(listing, college), 409);
    await refusedWithoutChange(
      listing,
      () => outsider.post(listing, { ...college, id: 'by-outsider' }),
      403,
    );
    expect((await admin.get(listing)).body.colleges).toEqual([college]);
  });
});

describe('people', () => {
  const listing = `${competitionPath}/competitors`;

  it('adds one competitor as JSON and refuses a bad IIN, an unknown college or a second registration', async () => {
    const person = {
      name: { last: 'Серікұлы', first: 'Әлихан' },
      iin: iin(),
      collegeId: college.id,
      regionId: 'astana',
    };
    const added = await admin.post(listing, person);
    expect(added.status).toBe(201);
    expect(added.body.competitor).toMatchObject({
      ...person,
      guest: false,
      competitionId: 'web-test',
    });
    await refusedWithoutChange(listing, () => admin.post(listing, { ...person, iin: '123' }), 400);
    await refusedWithoutChange(
      listing,
      () => admin.post(listing, { ...person, iin: iin(), collegeId: 'nowhere' }),
      400,
    );
    await refusedWithoutChange(listing, () => admin.post(listing, person), 409);
    const experts = `${competitionPath}/experts`;
    const chief = await admin.post(experts, {
      name: { last: 'Ахметова', first: 'Гүлнар' },
      iin: iin(),
      regionId: 'astana',
      role: 'chief',
    });
    expect(chief.status).toBe(201);
    expect((await admin.get(experts)).body.experts).toHaveLength(1);
  });

  it('imports a clean CSV list whole, with IINs for the organiser', async () => {
    const rows = [
      ['Иванов Иван Иванович', iin(), 'Астанинский IT колледж', 'Астана'],
      ['Нұрланова Аружан', iin(), 'astana-it-test', 'г. Астана'],
    ];
    const reply = await admin.post(`${listing}/import`, competitorsCsv(rows));
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.imported).toBe(2);
    const all = (await admin.get(listing)).body.competitors;
    expect(all).toHaveLength(3);
    expect(all.map((c: { iin: string }) => c.iin)).toEqual(
      expect.arrayContaining([rows[0]![1], rows[1]![1]]),
    );
    expect(all.every((c: { collegeId: string }) => c.collegeId === college.id)).toBe(true);
  });

  it('imports a list with a column it does not know, and says where and why it was ignored', async () => {
    const experts = `${competitionPath}/experts`;
    const lines = [
      ['ФИО', 'ИИН', 'Регион', 'Телефон'],
      ['Омарова Дана', iin(), 'Астана', '+7 701 000 00 00'],
    ];
    const file = new TextEncoder().encode(lines.map((row) => row.join(';')).join('\r\n'));
    const reply = await admin.post(`${experts}/import?lang=ru`, file);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.imported).toBe(1);
    expect(reply.body.warnings).toEqual([
      {
        path: 'Строка 1, столбец D (Телефон)',
        message: 'Столбец не распознан и пропущен',
        code: 'unknown_column',
      },
    ]);
  });

  it('refuses a list with any bad row, naming row and column, and imports nothing', async () => {
    const rows = [
      ['Петров Пётр', iin(), 'Астанинский IT колледж', 'Астана'],
      ['Смагулов Ержан', '990101300000', 'Астанинский IT колледж', 'Астана'],
    ];
    const body = await refusedWithoutChange(
      `${listing}`,
      () => admin.post(`${listing}/import?lang=ru`, competitorsCsv(rows)),
      400,
    );
    expect(body.error.details[0]).toMatchObject({
      path: 'Строка 3, столбец B (ИИН)',
      code: 'invalid_iin',
    });

    const unknown = [['Петров Пётр', iin(), 'Колледж на Луне', 'Астана']];
    const refused = await refusedWithoutChange(
      listing,
      () => admin.post(`${listing}/import?lang=en`, competitorsCsv(unknown)),
      400,
    );
    expect(refused.error.details).toEqual([
      {
        path: 'Row 2, column C (Колледж)',
        message:
          'College "Колледж на Луне" is not registered: register it first or correct the name',
        code: 'unknown_college',
      },
    ]);

    // Every problem of the file in one report: the bad IIN of row 3 and the unknown college of
    // row 5, so the organiser fixes both before the next upload.
    const several = [
      ['Петров Пётр', iin(), 'Астанинский IT колледж', 'Астана'],
      ['Смагулов Ержан', '990101300000', 'Астанинский IT колледж', 'Астана'],
      ['Ахметова Айгерим', iin(), college.id, 'Астана'],
      ['Ким Виктор', iin(), 'Колледж на Луне', 'Астана'],
    ];
    const both = await refusedWithoutChange(
      listing,
      () => admin.post(`${listing}/import?lang=ru`, competitorsCsv(several)),
      400,
    );
    expect(
      both.error.details.map((detail: { path: string; code: string }) => [
        detail.path,
        detail.code,
      ]),
    ).toEqual([
      ['Строка 3, столбец B (ИИН)', 'invalid_iin'],
      ['Строка 5, столбец C (Колледж)', 'unknown_college'],
    ]);

    const longName = [[`${'Ә'.repeat(150)} Бауыржан`, iin(), college.id, 'Астана']];
    const tooLong = await refusedWithoutChange(
      listing,
      () => admin.post(`${listing}/import?lang=en`, competitorsCsv(longName)),
      400,
    );
    expect(tooLong.error.details[0].path).toBe('Row 2: name.last');

    const binary = new Uint8Array([0, 1, 2, 3, 4, 5]);
    await refusedWithoutChange(listing, () => admin.post(`${listing}/import`, binary), 415);
  });
});

describe('names that would show otherwise than they are stored', () => {
  // A competition of its own, so the people added here do not change the other tests' lists.
  const listing = '/api/organiser/competitions/names-test/competitors';

  beforeAll(async () => {
    const created = await admin.post(
      `/api/organiser/championships/${championship.id}/competitions`,
      {
        id: 'names-test',
        skill: { number: '39', name: { kk: 'IT желілері', ru: 'ИТ-сети' } },
      },
    );
    expect(created.status).toBe(201);
  });
  const person = () => ({
    name: { last: 'Серікұлы', first: 'Әлихан' },
    iin: iin(),
    collegeId: college.id,
    regionId: 'astana',
  });

  it('refuses a name hiding a right-to-left override, saying so in the caller’s language', async () => {
    // "Серікұлы" with U+202E before "лы": a board would show "Серікұ" and then "ыл".
    const disguised = { ...person(), name: { last: 'Серікұ\u202Eлы', first: 'Әлихан' } };
    const messages: Record<string, string> = {};
    for (const lang of ['kk', 'ru', 'en']) {
      const body = await refusedWithoutChange(
        listing,
        () => admin.post(`${listing}?lang=${lang}`, disguised),
        400,
      );
      expect(body.error.details).toHaveLength(1);
      expect(body.error.details[0].path).toBe('name.last');
      messages[lang] = body.error.details[0].message;
    }
    expect(messages).toEqual({
      kk: 'Мәтін бағытын басқаратын көрінбейтін U+202E таңбасы болмауы керек (7-таңба): ол мәтінді терілген ретінен басқаша көрсетеді',
      ru: 'Не должно содержать невидимый символ направления текста U+202E (символ 7): из-за него текст показывается не в том порядке, в каком набран',
      en: 'Must not contain the invisible text-direction control U+202E (character 7): it makes text show in another order than it was typed',
    });
  });

  it('refuses NUL and broken characters in championship, college and skill names, and stores nothing', async () => {
    const championships = '/api/organiser/championships';
    const withNul = {
      ...championship,
      id: 'wsk-nul',
      name: { ...championship.name, ru: 'Тест\u0000' },
    };
    const nul = await refusedWithoutChange(
      championships,
      () => admin.post(`${championships}?lang=en`, withNul),
      400,
    );
    expect(nul.error.details).toEqual([
      {
        path: 'name.ru',
        message: 'Must not contain the null character (U+0000); it is character 5',
      },
    ]);

    // JSON carries a lone half of a surrogate pair as the escape \ud800.
    const broken = {
      ...college,
      id: 'broken-college',
      name: { ...college.name, en: 'Astana IT\ud800' },
    };
    const surrogate = await refusedWithoutChange(
      '/api/organiser/colleges',
      () => admin.post('/api/organiser/colleges?lang=ru', broken),
      400,
    );
    expect(surrogate.error.details).toEqual([
      {
        path: 'name.en',
        message:
          'Содержит испорченный символ (половину пары UTF-16, U+D800) на месте 10; наберите текст заново',
      },
    ]);

    const isolate = await refusedWithoutChange(
      competitionPath,
      () =>
        admin.patch(`${competitionPath}?lang=en`, {
          skill: { number: '17', name: { kk: 'Веб\u2067-технологиялар', ru: 'Веб-технологии' } },
        }),
      400,
    );
    expect(isolate.error.details[0]).toMatchObject({ path: 'skill.name.kk' });
    expect(isolate.error.details[0].message).toContain('U+2067 (character 4)');
  });

  it('refuses a people list with a bidi control in a name, at its row and column', async () => {
    const rows = [
      ['Петров Пётр', iin(), college.id, 'Астана'],
      ['Смагулов\u202D Ержан', iin(), college.id, 'Астана'],
    ];
    const body = await refusedWithoutChange(
      listing,
      () => admin.post(`${listing}/import?lang=en`, competitorsCsv(rows)),
      400,
    );
    expect(body.error.details).toEqual([
      {
        path: 'Row 3, column A (ФИО)',
        code: 'unsafe_character',
        message:
          'Must not contain the invisible text-direction control U+202D (character 9): it makes text show in another order than it was typed',
      },
    ]);
  });

  it('keeps names in every alphabet the championships use, with apostrophes, hyphens and marks', async () => {
    const names = [
      { last: 'Әбілқасымова-Ли', first: 'Іңкәр' },
      { last: 'O’Connor', first: 'Siobhán' },
      // U+200F (right-to-left mark) only hints a direction: it reorders nothing after it.
      { last: 'Нұрғали\u200F', first: 'Ұлжан', middle: 'Қайратқызы' },
    ];
    for (const name of names) {
      const added = await admin.post(listing, { ...person(), name });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(added.body.competitor.name).toEqual(name);
    }
  });

  it('still reads a record stored before these characters were refused, without them', async () => {
    const earlier = {
      id: 'stored-earlier',
      competitionId: 'names-test',
      name: { last: 'Жақсылықов\u202E', first: 'Бол\ud800ат' },
      iin: iin(),
      regionId: 'astana',
      guest: false,
    };
    await app.services.store.putDocument('competitors', earlier, 0);
    const listed = (await admin.get(listing)).body.competitors;
    const found = listed.find((competitor: { id: string }) => competitor.id === earlier.id);
    expect(found.name).toEqual({ last: 'Жақсылықов', first: 'Бол\uFFFDат' });
  });
});

describe('marking scheme', () => {
  const schemePath = `${competitionPath}/scheme`;

  it('imports a CIS workbook, registers the competitors in the log and exports it back', async () => {
    const reply = await admin.put(schemePath, await cisWorkbook(itNetworkScheme));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.schemeVersion).toBe(1);
    expect(reply.body.report.counts.aspects).toBeGreaterThan(0);
    const runtime = await app.services.competitions.open('web-test');
    expect(runtime.state.people.size).toBe(3);

    const exported = await admin.get(`${schemePath}.xlsx`);
    expect(exported.status).toBe(200);
    const reread = await importWorkbook(exported.body as Buffer);
    expect(reread.scheme).toEqual(
      (await app.services.competitions.open('web-test')).context.competition.scheme,
    );

    const again = await admin.put(schemePath, await cisWorkbook(itNetworkScheme));
    expect(again.body.schemeVersion).toBe(2);
    const replayed = app.services.competitions.get('web-test')!;
    expect(replayed.context.competition.schemeVersion).toBe(2);
    expect(replayed.state.people.size).toBe(3);

    const person = { name: { last: 'Кейінгі', first: 'Қатысушы' }, iin: iin(), regionId: 'astana' };
    expect((await admin.post(`${competitionPath}/competitors`, person)).status).toBe(201);
    expect(app.services.competitions.get('web-test')!.state.people.size).toBe(4);
  });

  it('shows what it read and derived; a workbook without a title takes the skill the organiser names', async () => {
    const untitled = await cisWorkbook(itNetworkScheme, {
      edit: (sheet) => (sheet.getCell('A1').value = null),
    });
    const preview = await admin.put(`${schemePath}?dryRun=true`, untitled);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.reading).toMatchObject({
      sheet: 'CIS Marking Scheme Import',
      layout: 'cis-2019',
      derived: ['skill'],
    });
    expect(preview.body.warnings[0].message).toMatch(/^Над блоками нет названия компетенции/);
    const accepted = await admin.put(
      `${schemePath}?skillNumber=39&skillName=${encodeURIComponent('IT Network Systems Administration')}`,
      untitled,
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const stored = (await app.services.competitions.open('web-test')).context.competition.scheme!;
    expect(stored.skill).toEqual({ number: '39', name: 'IT Network Systems Administration' });
  });

  it('refuses a workbook that unpacks to gigabytes before reading it, and changes nothing', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024) },
    ]);
    const body = await refusedWithoutChange(
      competitionPath,
      () => admin.put(`${schemePath}?dryRun=true`, bomb),
      400,
    );
    expect(body.error.details[0].message).toMatch(/распаковывается в объём больше 64 MiB/);
  });

  it('refuses a file that is not a workbook (415) and a broken workbook at its sheet and cell', async () => {
    const csv = new TextEncoder().encode('a;b\n1;2\n');
    await refusedWithoutChange(competitionPath, () => admin.put(schemePath, csv), 415);
    const broken = await cisWorkbook(itNetworkScheme as MarkingScheme, {
      edit: (sheet, layout) => {
        const row = Object.values(layout.aspectRow)[0]!;
        sheet.getCell(`${layout.column.maxMark}${row}`).value = 'ten';
      },
    });
    const body = await refusedWithoutChange(
      competitionPath,
      () => admin.put(schemePath, broken),
      400,
    );
    expect(body.error.details[0].path).toMatch(/^CIS Marking Scheme Import![A-Z]+\d+$/);
    expect(typeof body.error.details[0].message).toBe('string');
  });

  it('freezes the scheme once the first mark is recorded', async () => {
    const runtime = await app.services.competitions.open('web-test');
    const scheme = runtime.context.competition.scheme!;
    const sub = scheme.criteria
      .flatMap((criterion) => criterion.subCriteria)
      .find((candidate) => candidate.aspects.every((aspect) => aspect.type === 'M'))!;
    const binary = sub.aspects.find(
      (aspect) => (aspect.measurement?.kind ?? 'binary') === 'binary',
    )!;
    const experts = (await admin.get(`${competitionPath}/experts`)).body.experts;
    await runtime.setPanel('test', sub.id, [experts[0].id]);
    const competitor = [...runtime.state.people.keys()][0]!;
    const results = await runtime.recordMarks(experts[0].id, [
      {
        id: 'mark-0001',
        competitor,
        aspect: binary.code,
        value: { kind: 'binary', achieved: true },
      },
    ]);
    expect(results[0]?.status, JSON.stringify(results)).toBe('accepted');
    const refused = await refusedWithoutChange(
      competitionPath,
      async () => admin.put(schemePath, await cisWorkbook(itNetworkScheme)),
      409,
    );
    expect(refused.error.details[0].code).toBe('schemeFrozen');
  });

  it('pins the rules profile once the first mark is recorded, and says so to the console', async () => {
    const got = (await admin.get(competitionPath)).body;
    expect(got.marked).toBe(true);
    const listed = (await admin.get('/api/organiser/championships')).body.championships;
    expect(listed).toContainEqual(
      expect.objectContaining({ id: championship.id, status: 'underWay' }),
    );
    const refused = await refusedWithoutChange(
      competitionPath,
      () => admin.patch(competitionPath, { profileId: 'wsi-cis@2024' }),
      409,
    );
    expect(refused.error.details[0]).toMatchObject({ path: 'profileId', code: 'profilePinned' });
    // The same profile again is no change; names and publication stay editable.
    const edited = await admin.patch(competitionPath, {
      profileId: got.competition.profileId,
      skill: { number: '17', name: { kk: 'Веб-технологиялар', ru: 'Веб-технологии' } },
      publication: { policy: 'locked', freezeAt: '2026-03-13T15:00:00+05:00' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.competition.publication.policy).toBe('locked');
  });
});

describe('registration after the first lock', () => {
  const listing = `${competitionPath}/competitors`;

  it('refuses a competitor or a list added after a lock, whole, with the reason, and stores nothing', async () => {
    const runtime = await app.services.competitions.open('web-test');
    const scheme = runtime.context.competition.scheme!;
    const sub = scheme.criteria
      .flatMap((criterion) => criterion.subCriteria)
      .find((candidate) => candidate.aspects.every((aspect) => aspect.type === 'M'))!;
    const [marker] = (await admin.get(`${competitionPath}/experts`)).body.experts;
    await runtime.setPanel('test', sub.id, [marker.id]);
    let serial = 0;
    const marks = [...runtime.state.people.keys()].flatMap((competitor) =>
      sub.aspects
        .filter(
          (aspect) => !runtime.state.scoring.aspectState(competitor, aspect.code)?.current.length,
        )
        .map((aspect) => {
          const spec = aspect.measurement ?? { kind: 'binary' as const };
          const value =
            spec.kind === 'deduction'
              ? { kind: 'deduction' as const, measured: spec.target }
              : spec.kind === 'choice'
                ? { kind: 'choice' as const, option: 0 }
                : { kind: 'binary' as const, achieved: true };
          return {
            id: `full-${String(++serial).padStart(4, '0')}`,
            competitor,
            aspect: aspect.code,
            value,
          };
        }),
    );
    const recorded = await runtime.recordMarks(marker.id, marks);
    expect(recorded.every((result) => result.status === 'accepted')).toBe(true);
    await runtime.lock('test', sub.id);
    const board = runtime.board('staff');
    const registered = runtime.state.people.size;

    const person = { name: { last: 'Кешіккен', first: 'Ерлан' }, iin: iin(), regionId: 'astana' };
    const one = await refusedWithoutChange(
      listing,
      () => admin.post(`${listing}?lang=en`, person),
      409,
    );
    expect(one.error.details).toEqual([
      {
        path: 'id',
        code: 'registration_closed',
        message: `Registration is closed: sub-criterion ${sub.id} is already locked`,
      },
    ]);

    const rows = [
      ['Кешіккен Айдана', iin(), 'astana-it-test', 'Астана'],
      ['Кешіккен Нұржан', iin(), 'astana-it-test', 'Астана'],
    ];
    const list = await refusedWithoutChange(
      listing,
      () => admin.post(`${listing}/import`, competitorsCsv(rows)),
      409,
    );
    expect(list.error.details).toEqual(
      [2, 3].map((row) => ({
        path: `Строка ${row}`,
        code: 'registration_closed',
        message: `Регистрация закрыта: подкритерий ${sub.id} уже заблокирован`,
      })),
    );
    // Nobody was added anywhere: no IIN kept, no one in the log, the board as it was.
    const iins = (await admin.get(listing)).body.competitors.map((c: { iin: string }) => c.iin);
    for (const refused of [person.iin, rows[0]![1], rows[1]![1]])
      expect(iins).not.toContain(refused);
    expect(runtime.state.people.size).toBe(registered);
    expect(runtime.board('staff')).toEqual(board);

    // Unlocked again, the same competitor is registered: on the list and in the log.
    await runtime.unlock('test', sub.id, 'a late competitor admitted by the jury');
    expect((await admin.post(listing, person)).status).toBe(201);
    expect(runtime.state.people.size).toBe(registered + 1);
  });
});

describe('access to every organiser route', () => {
  const xlsx = () => cisWorkbook(itNetworkScheme);
  const routes: [method: 'get' | 'post' | 'put' | 'patch', path: string, body?: () => unknown][] = [
    ['get', '/api/organiser/championships'],
    [
      'post',
      '/api/organiser/championships',
      () => ({ ...championship, id: `c-${rng().toString(36).slice(2, 8)}` }),
    ],
    ['get', `/api/organiser/championships/${championship.id}`],
    ['patch', `/api/organiser/championships/${championship.id}`, () => ({ venue: 'Astana' })],
    [
      'post',
      `/api/organiser/championships/${championship.id}/competitions`,
      () => ({
        id: `k-${rng().toString(36).slice(2, 8)}`,
        skill: { number: '1', name: { kk: 'Ә', ru: 'А' } },
      }),
    ],
    ['get', competitionPath],
    ['patch', competitionPath, () => ({ publication: { policy: 'live' } })],
    ['get', `${competitionPath}/scheme.xlsx`],
    ['get', `${competitionPath}/competitors`],
    [
      'post',
      `${competitionPath}/competitors`,
      () => ({ name: { last: 'А', first: 'Б' }, iin: iin(), regionId: 'astana' }),
    ],
    [
      'post',
      `${competitionPath}/competitors/import`,
      () => competitorsCsv([['Әбішев Бауыржан', iin(), college.id, 'Астана']]),
    ],
    ['get', `${competitionPath}/experts`],
    [
      'post',
      `${competitionPath}/experts`,
      () => ({ name: { last: 'А', first: 'Б' }, iin: iin(), regionId: 'astana' }),
    ],
    [
      'post',
      `${competitionPath}/experts/import`,
      () => new TextEncoder().encode(`ФИО;ИИН;Регион\nЕсімов Ерлан;${iin()};Астана\n`),
    ],
    ['get', '/api/organiser/colleges'],
    [
      'post',
      '/api/organiser/colleges',
      () => ({ ...college, id: `col-${rng().toString(36).slice(2, 8)}` }),
    ],
  ];

  it.each(routes)(
    '%s %s: anonymous 401, expert 403, organiser out of scope 403, in scope 2xx',
    async (method, path, body) => {
      expect((await anonymous[method](path, body?.())).status).toBe(401);
      expect((await expert[method](path, body?.())).status).toBe(403);
      const outOfScope = await outsider[method](path, body?.());
      // Listing championships or colleges is open to any organiser; the list is what the scope covers.
      if (method === 'get' && (path.endsWith('/championships') || path.endsWith('/colleges')))
        expect(outOfScope.status).toBe(200);
      else expect(outOfScope.status).toBe(403);
      const allowed = await admin[method](path, body?.());
      expect(allowed.status, JSON.stringify(allowed.body)).toBeGreaterThanOrEqual(200);
      expect(allowed.status).toBeLessThan(300);
    },
  );

  /** The chief expert's read routes (another router) follow the same matrix for organisers. */
  const chiefRoutes = ['overview', 'events'].map(
    (what) => `/api/chief/competitions/web-test/${what}`,
  );

  it.each(chiefRoutes)(
    'GET %s: anonymous 401, expert 403, out of scope 403, in scope 200',
    async (path) => {
      expect((await anonymous.get(path)).status).toBe(401);
      expect((await expert.get(path)).status).toBe(403);
      expect((await outsider.get(path)).status).toBe(403);
      expect((await admin.get(path)).status).toBe(200);
    },
  );

  /** The chief expert's write routes: refused to everyone but the chief (tested in expert-chief). */
  const chief = '/api/chief/competitions/web-test';
  const chiefWrites: [method: string, path: string, body: unknown][] = [
    ['PUT', `${chief}/panels/A1`, { expertIds: ['expert-1'] }],
    ['POST', `${chief}/conflicts`, { expertId: 'expert-1', competitorId: 'x', reason: 'trainer' }],
    ['POST', `${chief}/competitors/x/status`, { status: 'absent', reason: 'ill' }],
    ['POST', `${chief}/discrepancies/resolve`, { aspect: 'A1.J1', competitor: 'x', reason: 'ok' }],
    ['POST', `${chief}/sub-criteria/A1/lock`, {}],
    ['POST', `${chief}/sub-criteria/A1/unlock`, { reason: 'typo' }],
    ['POST', `${chief}/publish`, {}],
    ['POST', `${chief}/credentials/expert-1`, {}],
    ['DELETE', `${chief}/credentials/expert-1`, undefined],
  ];

  it.each(chiefWrites)(
    '%s %s: anonymous 401, expert 403, organiser out of scope 403',
    async (method, path, body) => {
      expect((await anonymous.request(method, path, body)).status).toBe(401);
      expect((await expert.request(method, path, body)).status).toBe(403);
      expect((await outsider.request(method, path, body)).status).toBe(403);
    },
  );

  /** Expert routes take the expert from the session: no session 401, an organiser 403. */
  const expertRoutes: [method: string, path: string, body: unknown][] = [
    ['GET', '/api/expert/competition', undefined],
    ['POST', '/api/expert/marks', { marks: [] }],
    ['POST', '/api/expert/corrections', {}],
    ['POST', '/api/expert/sign-off/A1', {}],
  ];

  it.each(expertRoutes)('%s %s: anonymous 401, organiser 403', async (method, path, body) => {
    expect((await anonymous.request(method, path, body)).status).toBe(401);
    expect((await admin.request(method, path, body)).status).toBe(403);
  });

  it('PUT scheme: anonymous 401, expert 403, organiser out of scope 403', async () => {
    const workbook = await xlsx();
    expect((await anonymous.put(`${competitionPath}/scheme`, workbook)).status).toBe(401);
    expect((await expert.put(`${competitionPath}/scheme`, workbook)).status).toBe(403);
    expect((await outsider.put(`${competitionPath}/scheme`, workbook)).status).toBe(403);
  });
});
