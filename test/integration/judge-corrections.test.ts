import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullName } from '@ashyq/shared';
import type { Services } from '../../server/src/services';
import { sampleScheme } from '@ashyq/shared/scoring/fixtures';
import { iinShapedNumbers } from '../support/privacy';
import {
  call,
  startSeededServer,
  type SeededCompetition,
  type SeededServer,
} from './competition-harness';

/**
 * The Judges tab's re-score and correction figures, from what happened in the log: a re-score
 * the chief asked for, judges who changed or kept their score, a teammate's corrected measurement.
 */
let services: Services;
let app: SeededServer;
let base: string;
let seeded: SeededCompetition;
const cookies: Record<string, string> = {};

const chief = (path: string) => `/api/chief/competitions/${seeded.competitionId}${path}`;
let serial = 0;
const markId = () => `jc_${String(++serial).padStart(6, '0')}`;
const judged = (competitor: string, score: number) => ({
  id: markId(),
  competitor,
  aspect: 'A1.J1',
  value: { kind: 'judgement' as const, score },
});
const sendMarks = (expertId: string, marks: object[]) =>
  call(base, cookies[expertId], 'POST', '/api/expert/marks', { marks });
const nameOf = (id: string) => fullName(seeded.experts.find((e) => e.id === id)!.name);

beforeAll(async () => {
  app = await startSeededServer({ scheme: sampleScheme() });
  ({ services, seeded, base } = app);
  Object.assign(cookies, app.cookies);
  const runtime = await services.competitions.open(seeded.competitionId);
  await runtime.setPanel('chief', 'A1', ['e1', 'e2', 'e3', 'e4']);
});

afterAll(() => app.close());

describe('re-scores and corrections in the judge figures', () => {
  it('counts each judge’s re-scores and changed scores, and a teammate’s corrected measurement with its reason', async () => {
    // p2's A1.J1 is 0, 2, 3: a discrepancy the chief asks the panel to score again.
    for (const [expertId, score] of [
      ['e1', 0],
      ['e2', 2],
      ['e3', 3],
    ] as const) {
      expect((await sendMarks(expertId, [judged('p2', score)])).body.results[0].status).toBe(
        'accepted',
      );
    }
    // Asked once before the request: the figures below come from following the log on from here.
    const before = await call(base, cookies.chief, 'GET', chief('/judges'));
    expect(before.body.rescores.every((r: { asked: number }) => r.asked === 0)).toBe(true);
    const asked = await call(base, cookies.chief, 'POST', chief('/rescore-requests'), {
      competitorId: 'p2',
      aspect: 'A1.J1',
    });
    expect(asked.status).toBe(201);
    await sendMarks('e1', [judged('p2', 1)]); // changed; 1, 2, 3 is still apart
    await sendMarks('e2', [judged('p2', 2)]); // kept its score

    // e2 measures p2's header as present; e3, its teammate, corrects it with a reason.
    const measured = { id: markId(), competitor: 'p2', aspect: 'A1.M1' };
    await sendMarks('e2', [{ ...measured, value: { kind: 'binary', achieved: true } }]);
    const reason = 'The header is missing on the second page';
    const corrected = await call(base, cookies.e3, 'POST', '/api/expert/corrections', {
      markId: measured.id,
      mark: {
        id: markId(),
        competitor: 'p2',
        aspect: 'A1.M1',
        value: { kind: 'binary', achieved: false },
      },
      reason,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.result.status).toBe('accepted');

    const { status, body } = await call(base, cookies.chief, 'GET', chief('/judges'));
    expect(status).toBe(200);
    expect(body.rescores).toEqual([
      { judge: 'e1', name: nameOf('e1'), asked: 1, answered: 1, changed: 1, ownChanges: 1 },
      { judge: 'e2', name: nameOf('e2'), asked: 1, answered: 1, changed: 0, ownChanges: 0 },
      { judge: 'e3', name: nameOf('e3'), asked: 1, answered: 0, changed: 0, ownChanges: 0 },
    ]);
    const e2 = body.measurements.find((m: { expert: string }) => m.expert === 'e2');
    expect(e2).toMatchObject({
      name: nameOf('e2'),
      entered: 1,
      corrected: 1,
      selfCorrected: 0,
      by: [{ expert: 'e3', name: nameOf('e3'), n: 1 }],
    });
    expect(e2.corrections).toEqual([
      expect.objectContaining({
        competitor: 'p2',
        aspect: 'A1.M1',
        by: 'e3',
        byName: nameOf('e3'),
        kind: 'corrected',
        reason,
      }),
    ]);
    expect(iinShapedNumbers(body)).toEqual([]);
  });
});
