import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CompetitionProjection,
  fullName,
  getProfile,
  shortName,
  type PersonName,
  type ScoringEvent,
} from '@ashyq/shared';
import { demo } from '../../seeds/demo';
import { collectionIndexes, collections } from '../../server/src/collections';
import { asScoringEvent } from '../../server/src/competitions/runtime-state';
import type { JsonObject } from '../../server/src/events/canonical-json';
import type { StoredEvent } from '../../server/src/store/port';
import { openSqliteStore } from '../../server/src/store/sqlite';
import { screenshotPath } from '../support/browser';
import { decodeQr, pdfPagePng, pdfText, pdfToolsAvailable } from '../support/pdf';
import { removeDataDir, startServer, type RunningServer } from '../support/server';
import { Client } from './api-support';
import { iinShapedNumbers } from '../support/privacy';

const publicUrl = 'https://ashyq.example.kz';
const web = demo.competitions.find((c) => c.competition.id.endsWith('-web'))!;
const competitionId = web.competition.id;
const chief = web.experts.find((expert) => expert.role === 'chief')!;
const summaryPath = (sub: string, lang: string) =>
  `/api/chief/competitions/${competitionId}/sub-criteria/${sub}/summary.pdf?lang=${lang}`;

let server: RunningServer;
let chiefClient: Client;

beforeAll(async () => {
  server = await startServer({ env: { PUBLIC_URL: publicUrl } });
  chiefClient = new Client(server.url);
  const signIn = await chiefClient.post('/api/auth/pin', {
    competitionId,
    pin: demo.expertPins[chief.id],
  });
  expect(signIn.status).toBe(200);
});

afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

/** The engine's A1 totals and names, replayed here from the log the chief can read. */
async function engineFigures() {
  const events: StoredEvent[] = [];
  let before: number | null | undefined;
  do {
    const query = `limit=2000${before ? `&before=${before}` : ''}`;
    const { body } = await chiefClient.get(
      `/api/chief/competitions/${competitionId}/events?${query}`,
    );
    events.unshift(...(body.events as StoredEvent[]));
    before = body.nextBefore as number | null | undefined;
  } while (before);
  const projection = CompetitionProjection.recompute(
    {
      scheme: web.competition.scheme,
      profile: getProfile(web.competition.profileId)!,
      competitors: [],
    },
    events.map(asScoringEvent).filter((event): event is ScoringEvent => event !== undefined),
  );
  const names = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'competitor.registered') continue;
    const data = event.data as { competitor: { id: string }; profile: { name: PersonName } };
    names.set(data.competitor.id, fullName(data.profile.name));
  }
  return projection.results().map((result) => ({
    name: names.get(result.competitor)!,
    total: result.subCriteria.A1!,
  }));
}

/** Each judge's current score on each A1 judgement aspect: `competitor|aspect` → expert → score. */
async function judgeScores() {
  const { body } = await chiefClient.get(
    `/api/chief/competitions/${competitionId}/events?type=mark.recorded&limit=2000`,
  );
  const scores = new Map<string, Map<string, number>>();
  for (const event of body.events as StoredEvent[]) {
    const { mark } = event.data as {
      mark: { competitor: string; aspect: string; value: { kind: string; score?: number } };
    };
    if (!mark.aspect.startsWith('A1.') || mark.value.kind !== 'judgement') continue;
    const key = `${mark.competitor}|${mark.aspect}`;
    if (!scores.has(key)) scores.set(key, new Map());
    scores.get(key)!.set(event.actor, mark.value.score!);
  }
  return scores;
}

/** `9,56` in kk and ru. */
const printed = (value: number) => value.toFixed(2).replace('.', ',');

async function download(sub: string, lang: string) {
  const res = await fetch(`${server.url}${summaryPath(sub, lang)}`, {
    headers: { cookie: (chiefClient as unknown as { cookie: string }).cookie },
  });
  return {
    status: res.status,
    code: res.headers.get('x-verification-code'),
    pdf: Buffer.from(await res.arrayBuffer()),
  };
}

describe.runIf(pdfToolsAvailable())('the marks summary PDF of a locked sub-criterion', () => {
  let kkCode = '';
  let ruCode = '';

  it('prints in Kazakh every competitor with the engine’s A1 total, the lock and the sign-offs', async () => {
    const { status, code, pdf } = await download('A1', 'kk');
    expect(status).toBe(200);
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    kkCode = code!;
    const text = pdfText(pdf);
    expect(text).toContain('A1 қосалқы критерийі бойынша бағалардың жиынтық ведомосы');
    expect(text).toContain('Бағалау тобы');
    // The day in words, the WorldSkills C-day beside it: not a bare "C1".
    expect(text).toMatch(/\d+-күн \(C\d+\)/);
    expect(text).toContain(`бас сарапшы ${fullName(chief.name)}`);
    expect(text).toContain(`Тексеру коды: ${code}`);
    expect(text).toMatch(/қосымшада қол\s+қойылды/);
    const figures = await engineFigures();
    expect(figures).toHaveLength(web.competitors.length);
    for (const { name, total } of figures) {
      const line = text.split('\n').find((row) => row.includes(name));
      expect(line, name).toBeDefined();
      expect(line!.trim().endsWith(printed(total)), `${name}: ${line}`).toBe(true);
    }
  });

  it('prints each judge’s score in the column under that judge’s name', async () => {
    const { pdf } = await download('A1', 'ru');
    const text = pdfText(pdf);
    expect(text).toContain('Оценки судей');
    const panel = web.panels.find((p) => p.subCriterionId === 'A1')!.experts;
    // Headed by surname and initials; the signature lines below give the full names.
    const expertName = (id: string) => web.experts.find((expert) => expert.id === id)!.name;
    for (const id of panel) {
      expect(text).toContain(shortName(expertName(id)).replace(/\u00a0/g, ' '));
    }
    const scores = await judgeScores();
    expect(scores.size).toBeGreaterThan(0);
    for (const [key, byJudge] of scores) {
      const [competitorId, aspect] = key.split('|') as [string, string];
      const competitor = web.competitors.find((c) => c.id === competitorId)!;
      const row = text
        .split('\n')
        .find((line) => line.includes(fullName(competitor.name)) && line.includes(aspect));
      expect(row, key).toBeDefined();
      // In the columns' order, the panel's: a judge who gave no score shows a dash.
      const expected = panel.map((id) => String(byJudge.get(id) ?? '—')).join('\\s+');
      expect(row, key).toMatch(new RegExp(`${aspect.replace('.', '\\.')}\\s+${expected}\\s`));
    }
  });

  it('prints in Russian, with a QR code that opens the verification page of its code', async () => {
    const { code, pdf } = await download('A1', 'ru');
    ruCode = code!;
    expect(ruCode).not.toBe(kkCode);
    const text = pdfText(pdf);
    expect(text).toContain('Сводная ведомость оценок по субкритерию A1');
    expect(text).toContain('Группа оценки');
    // The signature lines, as in the Kazakh copy: who signed in the app, and when.
    expect(text).toContain('Подпись');
    expect(text).toMatch(/подписано в\s+приложении/);
    expect(text).toContain('Страница 1 / ');
    for (const { name, total } of await engineFigures()) {
      expect(text).toMatch(new RegExp(`${name}.*${printed(total)}\\s*$`, 'm'));
    }
    const qr = decodeQr(pdfPagePng(pdf, 1, 150, screenshotPath('marks-summary-ru')));
    expect(qr).toBe(`${publicUrl}/verify/${ruCode.replace('-', '')}`);

    const again = await download('A1', 'ru');
    expect(again.code).toBe(ruCode);
  });

  it('verifies publicly: the summary, "matches", and never a full IIN', async () => {
    const anyone = new Client(server.url);
    const { status, body } = await anyone.get(`/api/public/verify/${kkCode.toLowerCase()}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: kkCode.replace('-', ''),
      kind: 'marks-summary',
      language: 'kk',
      matches: true,
      problem: null,
    });
    const figures = await engineFigures();
    expect(body.summary.competitors).toEqual(
      figures.map(({ name, total }) => ({ name, status: 'active', total })),
    );
    const payload = JSON.stringify(body);
    expect(iinShapedNumbers(payload)).toEqual([]);
    for (const competitor of web.competitors) expect(payload).not.toContain(competitor.iin);

    const unknown = await anyone.get('/api/public/verify/0000000000?lang=ru');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Не найдено');
  });

  it('reports a mismatch once the stored record is altered', async () => {
    const store = await openSqliteStore(server.dataDir, { collections: collectionIndexes });
    try {
      const id = kkCode.replace('-', '');
      const stored = (await store.getDocument(collections.issuedDocuments, id))!;
      const content = stored.document.content as JsonObject;
      const competitors = content.competitors as JsonObject[];
      await store.putDocument(collections.issuedDocuments, {
        ...stored.document,
        content: {
          ...content,
          competitors: [{ ...competitors[0]!, total: 10 }, ...competitors.slice(1)],
        },
      });
    } finally {
      await store.close();
    }
    const { body } = await new Client(server.url).get(`/api/public/verify/${kkCode}`);
    expect(body).toMatchObject({ matches: false, problem: 'record_altered' });
  });

  it('reports changed content once the figures behind the sheet change, and prints a draft while unlocked', async () => {
    const base = `/api/chief/competitions/${competitionId}`;
    const unlock = await chiefClient.post(`${base}/sub-criteria/A1/unlock`, {
      reason: 'Проверка: участник снят',
    });
    expect(unlock.status).toBe(200);
    const competitor = web.competitors[0]!;
    const withdrawn = await chiefClient.post(`${base}/competitors/${competitor.id}/status`, {
      status: 'withdrawn',
      reason: 'Проверка',
    });
    expect(withdrawn.status).toBe(200);

    const { body } = await new Client(server.url).get(`/api/public/verify/${ruCode}`);
    expect(body).toMatchObject({ matches: false, problem: 'content_changed' });

    const draft = await download('A1', 'ru');
    expect(draft.status).toBe(200);
    expect(draft.code).toBeNull();
    const text = pdfText(draft.pdf);
    expect(text).toContain('Не заблокировано');
    expect(text).not.toContain('Код проверки');
    const row = text.split('\n').find((line) => line.includes(fullName(competitor.name)))!;
    expect(row).toContain('снят');
  });

  it('keeps the same code when an expert signs off after printing: the hash covers the figures', async () => {
    const base = `/api/chief/competitions/${competitionId}`;
    expect((await chiefClient.post(`${base}/sub-criteria/A1/lock`)).status).toBe(200);
    const before = await download('A1', 'ru');
    expect(before.code).not.toBeNull();
    expect(pdfText(before.pdf)).not.toContain('подписано в приложении');

    const panelExpert = web.panels.find((panel) => panel.subCriterionId === 'A1')!.experts[0]!;
    const expert = new Client(server.url);
    const pin = demo.expertPins[panelExpert]!;
    await expert.post('/api/auth/pin', { competitionId, pin });
    expect((await expert.post('/api/expert/sign-off/A1', { pin })).status).toBe(200);

    const after = await download('A1', 'ru');
    expect(after.code).toBe(before.code);
    expect(pdfText(after.pdf)).toContain('подписано в приложении');
    const { body } = await new Client(server.url).get(`/api/public/verify/${before.code}`);
    expect(body.matches).toBe(true);
  });

  it('refuses unknown sub-criteria, bad languages and callers who are not the chief', async () => {
    expect((await chiefClient.get(summaryPath('Z9', 'ru'))).status).toBe(404);
    const bad = await chiefClient.get(summaryPath('A1', 'de'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.lang');
    expect((await new Client(server.url).get(summaryPath('A1', 'ru'))).status).toBe(401);
  });
});
