import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullName } from '@ashyq/shared';
import { collections } from '../../server/src/collections';
import type { StoredDocument } from '../../server/src/store/port';
import { sampleScheme } from '@ashyq/shared/scoring/fixtures';
import { pdfText, pdfToolsAvailable } from '../support/pdf';
import { iinShapedNumbers } from '../support/privacy';
import { Client, startTestApp, type TestApp } from './api-support';
import { seedCompetition, type SeededCompetition } from './competition-harness';

/**
 * The organiser's view of how each expert judged across a championship: two competitions whose
 * expert records are the same people (same IIN), gathered under one key that is not the IIN, on
 * screen and in the XLSX and PDF exports in the language asked for.
 */
const password = 'Organiser-2026!';
const path = '/api/organiser/championships/champ-web-1/judges';
let app: TestApp;
let admin: Client;
let outsider: Client;
let first: SeededCompetition;

async function signIn(email: string): Promise<Client> {
  const client = new Client(app.base);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const nameOf = (id: string) => fullName(first.experts.find((e) => e.id === id)!.name);

beforeAll(async () => {
  app = await startTestApp();
  const { services } = app;
  first = await seedCompetition(services, { scheme: sampleScheme(), competitionId: 'web-1' });
  // A second competition of the same championship (skill 18) whose judges f1-f3 are e1-e3
  // again: other expert records (ids are unique), the same people (the same IINs).
  const web1 = (await services.store.getDocument(collections.competitions, 'web-1'))!.document;
  const put = (collection: string, document: object) =>
    services.store.putDocument(collection, document as StoredDocument);
  await put(collections.competitions, {
    ...web1,
    id: 'web-2',
    skill: { number: '18', name: { kk: 'Аспаздық', ru: 'Поварское дело' } },
  });
  for (const expert of first.experts.filter((e) => ['e1', 'e2', 'e3'].includes(e.id))) {
    await put(collections.experts, {
      ...expert,
      id: expert.id.replace('e', 'f'),
      competitionId: 'web-2',
    });
  }
  const p2 = first.competitors.find((c) => c.id === 'p2')!;
  const q2 = { ...p2, id: 'q2', competitionId: 'web-2' };
  await put(collections.competitors, q2);
  await (await services.competitions.open('web-2')).registerCompetitors('organiser-1', [q2]);
  const judges = { 'web-1': ['e1', 'e2', 'e3', 'p2'], 'web-2': ['f1', 'f2', 'f3', 'q2'] };
  // In each, the first judge scores the competitor's A1.J1 one point above the other two.
  for (const [competitionId, [one, two, three, competitor]] of Object.entries(judges)) {
    const runtime = await services.competitions.open(competitionId);
    await runtime.setPanel('organiser-1', 'A1', [one!, two!, three!]);
    for (const [expert, score] of [
      [one!, 3],
      [two!, 2],
      [three!, 2],
    ] as const) {
      const [result] = await runtime.recordMarks(expert, [
        {
          id: `${competitionId}-${expert}`,
          competitor: competitor!,
          aspect: 'A1.J1',
          value: { kind: 'judgement', score },
        },
      ]);
      expect(result!.status).toBe('accepted');
    }
  }
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

describe('judge figures across a championship', () => {
  it('gathers each person’s competitions under one key, never its IIN', async () => {
    const { status, body } = await admin.get(path);
    expect(status).toBe(200);
    expect(body.competitions.map((c: { id: string }) => c.id)).toEqual(['web-1', 'web-2']);
    // Chief and deputy marked nothing: only the three judges, each once.
    expect(body.experts.map((e: { key: string; name: string }) => [e.key, e.name])).toEqual([
      ['e1', nameOf('e1')],
      ['e2', nameOf('e2')],
      ['e3', nameOf('e3')],
    ]);
    const e1 = body.experts[0];
    expect(
      e1.competitions.map((c: { competitionId: string; expert: string; role: string }) => [
        c.competitionId,
        c.expert,
        c.role,
      ]),
    ).toEqual([
      ['web-1', 'e1', 'expert'],
      ['web-2', 'f1', 'expert'],
    ]);
    expect(e1.competitions[0].judging.severity).toEqual({ n: 1, mean: 1, spread: 0 });
    expect(e1.judging.severity).toEqual({ n: 2, mean: 1, spread: 0 });
    expect(e1.judging.smallSample).toBe(true);
    expect(iinShapedNumbers(body)).toEqual([]);
    expect(JSON.stringify(body)).not.toContain(first.experts[1]!.iin);
  });

  it('exports the same figures as a workbook in Kazakh', async () => {
    const reply = await admin.get(`${path}.xlsx?lang=kk`);
    expect(reply.status).toBe(200);
    const rows = await sheetRows(reply.body);
    expect(rows[0]).toEqual(['Сарапшылар қалай бағалады: Өңірлік чемпионат']);
    const header = rows.findIndex((row) => row[0] === 'Сарапшы');
    expect(rows[header]!.slice(0, 9)).toEqual([
      'Сарапшы',
      'Құзырет',
      'Бағалар',
      'Қатаңдық',
      'Шашырау',
      'Басқалармен бірдей',
      '1 балл шегінде',
      'Алшақтықта шеткі',
      'Қорытынды',
    ]);
    const e1 = rows.filter((row) => row[0] === nameOf('e1'));
    expect(e1.map((row) => row.slice(1, 9))).toEqual([
      ['17 Веб-технологиялар', 1, 1, 0, 0, 1, 0, 'Бағалар аз (1)'],
      ['18 Аспаздық', 1, 1, 0, 0, 1, 0, 'Бағалар аз (1)'],
      ['Барлық құзыреттер', 2, 1, 0, 0, 1, 0, 'Бағалар аз (2)'],
    ]);
    // e2 gave 2 where the others' median was 2.5 (3 and 2): half a point below, within one.
    const e2Total = rows.find((row) => row[0] === nameOf('e2') && row[1] === 'Барлық құзыреттер');
    expect(e2Total!.slice(2, 8)).toEqual([2, -0.5, 0, 0, 1, 0]);
    expect(iinShapedNumbers(rows)).toEqual([]);
  });

  it.skipIf(!pdfToolsAvailable())('prints the report as a PDF in Russian', async () => {
    const reply = await admin.get(`${path}.pdf?lang=ru`);
    expect(reply.status).toBe(200);
    const text = pdfText(reply.body).replace(/\s+/g, ' ');
    expect(text).toContain('Как оценивали эксперты: Региональный чемпионат');
    expect(text).toContain('Только для организаторов');
    // A name may wrap in its cell: each part is printed.
    for (const part of nameOf('e1').split(' ')) expect(text).toContain(part);
    expect(text).toContain('17 Веб-технологии');
    expect(text).toContain('18 Поварское дело');
    // e1 over both competitions: 2 cells, one point above the others, a small sample.
    expect(text).toMatch(/Все компетенции 2 \+1,00 \(0,00\) 0% 100 % 0 Мало оценок/);
    expect(text).toContain('Мало оценок (1)');
    expect(iinShapedNumbers(text)).toEqual([]);
  });

  it('is refused to an organiser out of scope and to the public', async () => {
    expect((await outsider.get(path)).status).toBe(403);
    expect((await outsider.get(`${path}.xlsx?lang=ru`)).status).toBe(403);
    expect((await new Client(app.base).get(path)).status).toBe(401);
    expect((await admin.get(`${path}.pdf?lang=de`)).status).toBe(400);
  });
});
