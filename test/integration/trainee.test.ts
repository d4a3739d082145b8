import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRng, syntheticIin } from '@ashyq/shared';
import { demo } from '../../seeds/demo';
import { removeDataDir, startServer, type RunningServer } from '../support/server';
import { Client } from './api-support';
import { iinShapedNumbers } from '../support/privacy';

/**
 * A trainee (shadow) judge (docs/judge-analytics.md): its scores are recorded and analysed
 * against the panel, but never count, never open a discrepancy, never fill a panel and are never
 * shown to the panel, a board or a result.
 */
const web = demo.competitions.find((c) => c.competition.id.endsWith('-web'))!;
const competitionId = web.competition.id;
const chief = web.experts.find((expert) => expert.role === 'chief')!;
const marker = web.experts.find((expert) => expert.role === 'expert')!;
const chiefBase = `/api/chief/competitions/${competitionId}`;
const trainee = 'web-trainee-1';

let server: RunningServer;
let chiefClient: Client;
let traineeClient: Client;

const signedIn = async (pin: string) => {
  const client = new Client(server.url);
  const reply = await client.post('/api/auth/pin', { competitionId, pin });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return client;
};

/** What the public and the chief see: nothing of it may move with a trainee's score. */
const official = async () => ({
  board: (await new Client(server.url).get(`/api/public/competitions/${competitionId}/board`)).body,
  overview: (await chiefClient.get(`${chiefBase}/overview`)).body as Record<string, unknown>,
  judges: (await chiefClient.get(`${chiefBase}/judges`)).body.judges,
});

// Day 1 is marked by the panels; A1 is locked; B2 is open.
const subCriteria = web.competition.scheme.criteria.flatMap((criterion) => criterion.subCriteria);
const b2 = subCriteria.find((sub) => sub.id === 'B2')!;
const a1 = subCriteria.find((sub) => sub.id === 'A1')!;
const judgement = b2.aspects.filter((aspect) => aspect.type === 'J').map((a) => a.code);
const measurement = b2.aspects.find((aspect) => aspect.type === 'M')!.code;
const lockedJudgement = a1.aspects.find((aspect) => aspect.type === 'J')!.code;
const competitors = web.competitors.map((c) => c.id);

const score = (id: string, competitor: string, aspect: string, value: number) => ({
  id,
  competitor,
  aspect,
  value: { kind: 'judgement', score: value },
});

beforeAll(async () => {
  server = await startServer();
  chiefClient = await signedIn(demo.expertPins[chief.id]!);
  const organiser = new Client(server.url);
  await organiser.post('/api/auth/login', { email: 'admin@ashyq.kz', password: 'Ashyq-Demo-2026' });
  const added = await organiser.post(`/api/organiser/competitions/${competitionId}/experts`, {
    id: trainee,
    name: { last: 'Стажёрова', first: 'Дана' },
    iin: syntheticIin(seededRng(17), { from: '1990-01-01', to: '1999-12-31' }),
    // Of a region no competitor comes from: no compatriot rule bars a cell.
    regionId: 'mangystau',
    role: 'trainee',
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  // The chief hands the trainee its PIN, as to any marking expert.
  const issued = await chiefClient.post(`${chiefBase}/credentials/${trainee}`);
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  traineeClient = await signedIn(issued.body.pin);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (server) removeDataDir(server.dataDir);
});

describe('a trainee judge', () => {
  it('scores judgement aspects beside the panel and changes no board, result, discrepancy or judge figure', async () => {
    const before = await official();
    const marks = [
      // Far from any panel: would open a discrepancy if it counted.
      score('trainee-mark-1', competitors[0]!, judgement[0]!, 0),
      score('trainee-mark-2', competitors[1]!, judgement[0]!, 3),
      score('trainee-mark-3', competitors[2]!, judgement[0]!, 3),
    ];
    const reply = await traineeClient.post('/api/expert/marks', { marks });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    // Sent again (a tablet that lost the acknowledgement): once only.
    const again = await traineeClient.post('/api/expert/marks', { marks: [marks[0]] });
    expect(again.body.results[0].status).toBe('duplicate');

    const after = await official();
    expect(after.board).toEqual(before.board);
    expect(after.judges).toEqual(before.judges);
    const { head: headBefore, ...overviewBefore } = before.overview;
    const { head: headAfter, ...overviewAfter } = after.overview;
    expect(overviewAfter).toEqual(overviewBefore);
    expect(headAfter).not.toEqual(headBefore); // the log did take them
  });

  it('is refused a measurement, a locked sub-criterion and a reused mark id, and nothing is written', async () => {
    const head = (await chiefClient.get(`${chiefBase}/overview`)).body.head;
    const reply = await traineeClient.post('/api/expert/marks', {
      marks: [
        {
          id: 'trainee-mark-4',
          competitor: competitors[0],
          aspect: measurement,
          value: { kind: 'binary', achieved: true },
        },
        score('trainee-mark-5', competitors[0]!, lockedJudgement, 2),
        score('trainee-mark-1', competitors[0]!, judgement[0]!, 1),
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r: { reason?: string }) => r.reason)).toEqual([
      expect.stringMatching(/trainee_judgement_only|value/),
      'sub_criterion_locked',
      'mark_id_reused',
    ]);
    expect((await chiefClient.get(`${chiefBase}/overview`)).body.head).toEqual(head);
  });

  it('sees its own scores and the panel’s beside them; an official judge never sees the trainee’s', async () => {
    const own = (await traineeClient.get('/api/expert/competition')).body;
    expect(own.expert.role).toBe('trainee');
    // No panel closes a cell to a trainee, and no team's measurements are its business.
    expect(own.fullPanels).toEqual([]);
    expect(own.teamMarks).toEqual([]);
    expect(own.marks.map((m: { id: string }) => m.id).sort()).toEqual([
      'trainee-mark-1',
      'trainee-mark-2',
      'trainee-mark-3',
    ]);
    // Only judgement aspects are offered to a trainee.
    const offered = own.criteria.flatMap((c: { subCriteria: { aspects: { type: string }[] }[] }) =>
      c.subCriteria.flatMap((s) => s.aspects.map((a) => a.type)),
    );
    expect(new Set(offered)).toEqual(new Set(['J']));
    const revealed = own.revealedScores.find(
      (r: { competitor: string }) => r.competitor === competitors[0],
    );
    expect(revealed.scores.length).toBeGreaterThan(0);
    expect(revealed.scores.map((s: { expert: string }) => s.expert)).not.toContain(trainee);

    const judge = await signedIn(demo.expertPins[marker.id]!);
    const view = JSON.stringify((await judge.get('/api/expert/competition')).body);
    expect(view).not.toContain(trainee);
  });

  it('is measured in its own table against the official judges only', async () => {
    const reply = await chiefClient.get(`${chiefBase}/judges`);
    expect(reply.status).toBe(200);
    expect(reply.body.judges.map((j: { judge: string }) => j.judge)).not.toContain(trainee);
    const [figures] = reply.body.trainees;
    expect(figures).toMatchObject({ judge: trainee, name: 'Стажёрова Дана', cells: 3 });
    expect(figures.smallSample).toBe(true);
    expect(iinShapedNumbers(reply.body)).toEqual([]);
  });

  it('is refused a place on a panel, in the caller’s language', async () => {
    const panel = web.panels.find((p) => p.subCriterionId === 'B2')!.experts;
    const res = await fetch(`${server.url}${chiefBase}/panels/B2`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'ru',
        cookie: (chiefClient as unknown as { cookie: string }).cookie,
      },
      body: JSON.stringify({ expertIds: [...panel.slice(1), trainee] }),
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as {
      error: { message: string; details: { code: string; message: string }[] };
    };
    expect(body.error.message).toBe('Отклонено; ничего не изменено');
    expect(body.error.details).toEqual([
      expect.objectContaining({
        code: 'trainee_on_panel',
        message: `${trainee} — стажёр: стажёр оценивает рядом с группой оценки B2, но не входит в неё`,
      }),
    ]);
  });
});
