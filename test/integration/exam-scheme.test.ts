import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkbook } from '../../server/src/cis/export';
import { sampleScheme } from '@ashyq/shared/exam/sample';
import { Client, startTestApp, type TestApp } from './api-support';

/**
 * POST /api/exam/scheme/import: the exam office reads a CIS workbook into a session form. It
 * answers the scheme the workbook holds and stores nothing; only exam officers and organisers
 * may call it, and a file that is not a workbook is refused with where and why.
 */

const password = 'Exam-Officer-2026!';
let app: TestApp;
let officer: Client;

beforeAll(async () => {
  app = await startTestApp();
  await app.services.accounts.createOrganiser({
    email: 'exam@example.kz',
    name: 'Экзаменационный отдел',
    password,
    scope: { kind: 'college', collegeId: 'astana-it' },
    roles: ['exam-officer'],
  });
  officer = new Client(app.base);
  const signedIn = await officer.post('/api/auth/login', { email: 'exam@example.kz', password });
  expect(signedIn.status).toBe(200);
});

afterAll(async () => {
  await app?.close();
});

describe('reading a marking scheme workbook for an exam session', () => {
  it('answers the scheme the workbook holds, and stores no session', async () => {
    const reply = await officer.post('/api/exam/scheme/import', await exportWorkbook(sampleScheme));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.scheme.criteria.map((c: { id: string }) => c.id)).toEqual(['A', 'B']);
    expect(reply.body.scheme.criteria.map((c: { maxMark: number }) => c.maxMark)).toEqual([60, 40]);
    expect(reply.body.report).toBeDefined();
    expect((await officer.get('/api/exam/sessions')).body.sessions).toEqual([]);
  });

  it('refuses a file that is not a workbook (415) and says why', async () => {
    const reply = await officer.post(
      '/api/exam/scheme/import',
      new TextEncoder().encode('ФИО;ИИН\r\nАхметов;000000000000'),
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(415);
    expect(reply.body.error.details.length).toBeGreaterThan(0);
  });

  it('is closed to callers who are not signed in as exam office or organiser', async () => {
    const workbook = await exportWorkbook(sampleScheme);
    expect((await new Client(app.base).post('/api/exam/scheme/import', workbook)).status).toBe(401);
  });
});
