import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleExamSession } from '@ashyq/shared/exam/sample';
import { decodeQr, pdfPagePng, pdfText, pdfToolsAvailable } from '../support/pdf';
import { Client, startTestApp, type TestApp } from './api-support';

/**
 * Who issues a demo exam's protocol: the college of the exam officer's account, as the reference
 * data names it, never a college the request names. An officer of one college could otherwise
 * print, and have /verify confirm, protocols in another college's name and BIN.
 */

const password = 'Exam-Issuer-2026!';
const astana = {
  id: 'astana-it',
  name: { kk: 'Астана IT колледжі', ru: 'Колледж «Астана IT»' },
  bin: '940140000385',
  regionId: 'astana',
};
const saryarka = {
  id: 'saryarka-college',
  name: { kk: 'Сарыарқа колледжі', ru: 'Колледж «Сарыарка»' },
  bin: '990140004654',
  regionId: 'karaganda',
};
const withoutBin = {
  id: 'new-college',
  name: { kk: 'Жаңа колледж', ru: 'Новый колледж' },
  regionId: 'abai',
};

const sample = sampleExamSession();
const {
  id: _id,
  collegeId: _collegeId,
  college: _college,
  regionId: _regionId,
  commission: _commission,
  students: _students,
  ...particulars
} = sample;
/** Saryarka's name, BIN and region, as a forged request would give them. */
const asSaryarka = {
  college: { name: saryarka.name, bin: saryarka.bin },
  regionId: saryarka.regionId,
};

let app: TestApp;
let officer: Client;
let organiser: Client;
let sessionId: string;

async function signIn(email: string): Promise<Client> {
  const client = new Client(app.base);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

beforeAll(async () => {
  app = await startTestApp();
  const { accounts, store } = app.services;
  for (const college of [astana, saryarka, withoutBin]) {
    await store.putDocument('colleges', college);
  }
  await accounts.createOrganiser({
    email: 'exam@astana-it.kz',
    name: 'Экзаменационный отдел',
    password,
    scope: { kind: 'college', collegeId: astana.id },
    roles: ['exam-officer'],
  });
  await accounts.createOrganiser({
    email: 'operator@example.kz',
    name: 'Оператор',
    password,
    scope: { kind: 'all' },
    roles: ['organiser'],
  });
  officer = await signIn('exam@astana-it.kz');
  organiser = await signIn('operator@example.kz');
});

afterAll(async () => {
  await app?.close();
});

const ownCollegeRu =
  'Документы сессии выдаёт её колледж, «Колледж «Астана IT»» (БИН 940140000385, Астана): сессия не может называть другой колледж или регион';

describe('an exam officer’s sessions', () => {
  it('are refused when they name another college’s name, BIN or region, saying whose they are', async () => {
    const forged = await officer.post('/api/exam/sessions?lang=ru', {
      ...particulars,
      ...asSaryarka,
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.details).toEqual(
      ['college.name.kk', 'college.name.ru', 'college.bin', 'regionId'].map((path) => ({
        path,
        code: 'not_own_college',
        message: ownCollegeRu,
      })),
    );
    // Only the BIN borrowed: refused all the same.
    const borrowed = await officer.post('/api/exam/sessions?lang=en', {
      ...particulars,
      college: { name: astana.name, bin: saryarka.bin },
    });
    expect(borrowed.status).toBe(403);
    expect(borrowed.body.error.details).toEqual([
      {
        path: 'college.bin',
        code: 'not_own_college',
        message:
          'The session’s documents are issued by its college, “Колледж «Астана IT»” (BIN 940140000385, Astana): a session cannot name another college or region',
      },
    ]);
    const otherId = await officer.post('/api/exam/sessions?lang=ru', {
      ...particulars,
      collegeId: saryarka.id,
    });
    expect(otherId.status).toBe(403);
    expect(otherId.body.error.details).toEqual([
      { path: 'collegeId', code: 'not_own_college', message: ownCollegeRu },
    ]);
    expect((await organiser.get('/api/exam/sessions')).body.sessions).toEqual([]);
  });

  it('carry the college of the officer’s account, from the reference data', async () => {
    expect((await officer.get('/api/exam/college')).body).toEqual({
      collegeId: astana.id,
      college: { name: astana.name, bin: astana.bin },
      regionId: astana.regionId,
    });
    const created = await officer.post('/api/exam/sessions', particulars);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    sessionId = created.body.session.id;
    expect(created.body.session).toMatchObject({
      collegeId: astana.id,
      college: { name: astana.name, bin: astana.bin },
      regionId: astana.regionId,
    });
    // A script that repeats its own college's details is still served.
    const repeated = await officer.post('/api/exam/sessions', {
      ...particulars,
      college: { name: astana.name, bin: astana.bin },
      regionId: astana.regionId,
    });
    expect(repeated.status).toBe(201);
  });

  it('cannot be moved to another college by editing them', async () => {
    const path = `/api/exam/sessions/${sessionId}`;
    const before = (await officer.get(path)).body;
    const forged = await officer.put(`${path}?lang=ru`, { ...particulars, ...asSaryarka });
    expect(forged.status).toBe(403);
    expect(forged.body.error.details[0]).toEqual({
      path: 'college.name.kk',
      code: 'not_own_college',
      message: ownCollegeRu,
    });
    expect((await officer.get(path)).body).toEqual(before);
    const edited = await officer.put(path, { ...particulars, site: 'Аудитория 305' });
    expect(edited.status).toBe(200);
    expect(edited.body.session).toMatchObject({
      site: 'Аудитория 305',
      college: before.session.college,
    });
  });
});

describe.runIf(pdfToolsAvailable())('the printed and verified protocol', () => {
  it('names the officer’s college and BIN, and /verify confirms that college', async () => {
    const reply = await officer.get(
      `/api/exam/sessions/${sessionId}/documents/protocol.pdf?language=ru`,
    );
    expect(reply.status).toBe(200);
    const text = pdfText(reply.body as Buffer);
    expect(text).toMatch(/Колледж\s+«Астана\s+IT»/);
    expect(text).toContain(astana.bin);
    expect(text).not.toContain(saryarka.bin);
    expect(text).not.toMatch(/Сарыарка/);
    const url = decodeQr(pdfPagePng(reply.body as Buffer, 1, 150));
    const code = url!.split('/').pop()!;
    const verified = await new Client(app.base).get(`/api/public/verify/${code}`);
    expect(verified.body).toMatchObject({
      kind: 'exam-protocol',
      matches: true,
      summary: { college: astana.name.ru },
    });
  });
});

describe('an organiser’s sessions', () => {
  it('need a college of the reference data, and print that college', async () => {
    const unknown = await organiser.post('/api/exam/sessions?lang=en', {
      ...particulars,
      collegeId: 'nowhere',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: 'collegeId', message: 'Not found' }]);

    const noBin = await organiser.post('/api/exam/sessions?lang=kk', {
      ...particulars,
      collegeId: withoutBin.id,
    });
    expect(noBin.status).toBe(409);
    expect(noBin.body.error.details).toEqual([
      {
        path: 'collegeId',
        code: 'college_without_bin',
        message:
          '«Жаңа колледж» колледжінің анықтамалықта жарамды БСН-і жоқ, ал онсыз хаттама берілмейді; оны ұйымдастырушы енгізуі керек',
      },
    ]);

    const forged = await organiser.post('/api/exam/sessions', {
      ...particulars,
      collegeId: saryarka.id,
      college: { name: astana.name, bin: astana.bin },
    });
    expect(forged.status).toBe(403);

    const created = await organiser.post('/api/exam/sessions', {
      ...particulars,
      collegeId: saryarka.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.session).toMatchObject({
      collegeId: saryarka.id,
      college: { name: saryarka.name, bin: saryarka.bin },
      regionId: saryarka.regionId,
    });
  });
});
