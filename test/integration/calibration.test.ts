import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../server/src/services';
import { sampleScheme } from '@ashyq/shared/scoring/fixtures';
import {
  call,
  startSeededServer,
  type SeededCompetition,
  type SeededServer,
} from './competition-harness';

/**
 * The calibration round through the API (docs/judge-analytics.md): the chief opens it, the judges
 * score the sample blind, the chief closes it; refusals name what is wrong; results, the board and
 * the public never see any of it.
 */
let services: Services;
let app: SeededServer;
let base: string;
let seeded: SeededCompetition;
const cookies: Record<string, string> = {};

const chiefPath = (path = '') =>
  `/api/chief/competitions/${seeded.competitionId}/calibration${path}`;
const as = (expertId: string, method: string, path: string, body?: unknown) =>
  call(base, cookies[expertId], method, path, body);
const score = (expertId: string, aspect: string, value: number) =>
  as(expertId, 'POST', '/api/expert/calibration', { aspect, value });
const boardPath = () => `/api/public/competitions/${seeded.competitionId}/board`;
const refusal = (reply: { body: { error?: { details?: { code?: string; message: string }[] } } }) =>
  reply.body.error?.details?.[0];

beforeAll(async () => {
  app = await startSeededServer({ scheme: sampleScheme() });
  ({ services, seeded, base } = app);
  Object.assign(cookies, app.cookies);
  const runtime = await services.competitions.open(seeded.competitionId);
  await runtime.setPanel('chief', 'A1', ['e1', 'e2', 'e3']);
  // One real judgement cell, so there is a result the round must leave alone.
  for (const [expertId, value] of [
    ['e1', 2],
    ['e2', 2],
    ['e3', 3],
  ] as const) {
    const marks = [
      {
        id: `rl_${expertId}_00001`,
        competitor: 'p2',
        aspect: 'A1.J1',
        value: { kind: 'judgement', score: value },
      },
    ];
    expect((await as(expertId, 'POST', '/api/expert/marks', { marks })).status).toBe(200);
  }
});

afterAll(() => app.close());

describe('the calibration round', () => {
  it('opens, takes blind scores, closes and shows the spread, leaving results and the board alone', async () => {
    const runtime = await services.competitions.open(seeded.competitionId);
    const board = (await call(base, undefined, 'GET', boardPath())).body;
    const overview = (
      await as('chief', 'GET', `/api/chief/competitions/${seeded.competitionId}/overview`)
    ).body;
    const snapshot = JSON.stringify(runtime.state.scoring.snapshot());

    // Refusals (in the server's default language, Russian) before a round: no round to score, an empty choice, a measurement aspect, not the chief.
    const early = await score('e1', 'A1.J1', 2);
    expect(early.status).toBe(400);
    expect(refusal(early)?.message).toBe('Калибровочный раунд не открыт; ничего не изменено');
    expect(
      refusal(await as('chief', 'POST', chiefPath(), { sample: 'Sample A', aspects: [] }))?.code,
    ).toBe('noAspects');
    const measured = await as('chief', 'POST', chiefPath(), {
      sample: 'Sample A',
      aspects: ['A1.J1', 'A1.M1'],
    });
    expect(measured.status).toBe(400);
    expect(refusal(measured)?.message).toBe(
      'Калибровать можно только судейские аспекты; не подходят: A1.M1',
    );
    expect(
      (await as('deputy', 'POST', chiefPath(), { sample: 'Sample A', aspects: ['A1.J1'] })).status,
    ).toBe(403);
    expect(
      (await as('e1', 'POST', chiefPath(), { sample: 'Sample A', aspects: ['A1.J1'] })).status,
    ).toBe(403);

    const opened = await as('chief', 'POST', chiefPath(), {
      sample: 'Sample A',
      aspects: ['A1.J1', 'B1.J1'],
    });
    expect(opened.status).toBe(200);
    expect(opened.body.calibration).toMatchObject({
      sample: 'Sample A',
      open: true,
      aspects: ['A1.J1', 'B1.J1'],
    });

    for (const [expertId, a, b] of [
      ['e1', 2, 1],
      ['e2', 2, 1],
      ['e3', 1, 0],
      ['e4', 3, 3],
    ] as const) {
      expect((await score(expertId, 'A1.J1', a)).status).toBe(200);
      expect((await score(expertId, 'B1.J1', b)).status).toBe(200);
    }
    const offRound = await score('e1', 'A1.M1', 1);
    expect(refusal(offRound)?.message).toBe('Аспекта A1.M1 нет в открытом калибровочном раунде');

    // Blind: a judge reads its own scores only, and its tablet's view holds no calibration score.
    const mine = (await as('e1', 'GET', '/api/expert/calibration')).body.calibration;
    expect(mine).toMatchObject({ open: true, mine: { 'A1.J1': 2, 'B1.J1': 1 }, figures: null });
    expect(JSON.stringify(mine)).not.toMatch(/e2|e3|e4/);
    const view = await as('e1', 'GET', '/api/expert/competition');
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toContain('calibration');

    const closed = await as('chief', 'POST', chiefPath('/close'));
    expect(closed.status).toBe(200);
    const figures = closed.body.calibration.figures;
    expect(figures.aspects[1]).toMatchObject({
      aspect: 'B1.J1',
      n: 4,
      min: 0,
      max: 3,
      range: 3,
      median: 1,
    });
    const e4 = figures.judges.find((j: { judge: string }) => j.judge === 'e4');
    expect(e4).toMatchObject({ cells: 2, severity: { n: 2, mean: 1.5 }, flag: 'lenient' });

    // After the close, the judges see the figures too, and nothing more is taken.
    const after = (await as('e1', 'GET', '/api/expert/calibration')).body.calibration;
    expect(after.open).toBe(false);
    expect(after.figures.aspects[0].scores).toHaveLength(4);
    expect(refusal(await score('e1', 'A1.J1', 3))?.code).toBe('noOpenRound');
    expect(refusal(await as('chief', 'POST', chiefPath('/close')))?.code).toBe('noOpenRound');

    // The deputy reads it; the public does not.
    expect((await as('deputy', 'GET', chiefPath())).status).toBe(200);
    expect((await call(base, undefined, 'GET', chiefPath())).status).toBe(401);

    // Results, the board and the projection are exactly as before the round.
    expect(JSON.stringify(runtime.state.scoring.snapshot())).toBe(snapshot);
    expect((await call(base, undefined, 'GET', boardPath())).body).toEqual(board);
    const later = (
      await as('chief', 'GET', `/api/chief/competitions/${seeded.competitionId}/overview`)
    ).body;
    const { head: _head, ...laterRest } = later;
    const { head: _before, ...overviewRest } = overview;
    expect(laterRest).toEqual(overviewRest);
    expect(JSON.stringify(later)).not.toContain('calibration-');
  });
});
