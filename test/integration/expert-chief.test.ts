import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Criterion, LockState, MarkEntry, SubCriterionProgress } from '@ashyq/shared';
import type { Board, BoardRow } from '../../server/src/boards/board';
import type { ItemResult } from '../../server/src/competitions/runtime-types';
import type { ErrorDetail } from '../../server/src/http/errors';
import type { StoredEvent } from '../../server/src/store/port';
import { sampleScheme } from '@ashyq/shared/scoring/fixtures';
import type { Services } from '../../server/src/services';
import {
  call,
  finishCompetition,
  pinCookie,
  startSeededServer,
  type SeededCompetition,
  type SeededServer,
} from './competition-harness';
import { iinShapedNumbers } from '../support/privacy';

let services: Services;
let app: SeededServer;
let base: string;
let seeded: SeededCompetition;
const cookies: Record<string, string> = {};
const pins: Record<string, string> = {};

const chief = (path: string) => `/api/chief/competitions/${seeded.competitionId}${path}`;
let serial = 0;
const markId = () => `mark_${String(++serial).padStart(6, '0')}`;
const binary = (competitor: string, aspect: string, achieved = true) => ({
  id: markId(),
  competitor,
  aspect,
  value: { kind: 'binary', achieved },
});
const judged = (competitor: string, aspect: string, score: number) => ({
  id: markId(),
  competitor,
  aspect,
  value: { kind: 'judgement', score },
});

type MarkEvent = StoredEvent & { data: { mark: MarkEntry } };

async function sendMarks(expertId: string, marks: object[]) {
  return call(base, cookies[expertId], 'POST', '/api/expert/marks', { marks });
}

async function sendSignOff(expertId: string, subCriterion: string) {
  const pin = pins[expertId];
  return call(base, cookies[expertId], 'POST', `/api/expert/sign-off/${subCriterion}`, { pin });
}

beforeAll(async () => {
  app = await startSeededServer({ scheme: sampleScheme() });
  ({ services, seeded, base } = app);
  Object.assign(cookies, app.cookies);
  Object.assign(pins, app.pins);
  // e1 is from almaty like p1: a compatriot, so p1 is marked by the others.
  const panels = { A1: ['e1', 'e2', 'e3', 'e4'], A2: ['e2'], B1: ['e2', 'e3', 'e4'] };
  for (const [sub, expertIds] of Object.entries(panels)) {
    const res = await call(base, cookies.chief, 'PUT', chief(`/panels/${sub}`), { expertIds });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});

afterAll(() => app.close());

describe('panels', () => {
  it('refuses a judgement panel smaller than the profile allows, in the caller language', async () => {
    const res = await call(base, cookies.chief, 'PUT', `${chief('/panels/B1')}?lang=ru`, {
      expertIds: ['e2'],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0]).toMatchObject({ code: 'panel_size' });
    expect(res.body.error.details[0].message).toContain('от 3 до 5');
  });

  it('lets only the leads of the competition set panels', async () => {
    const res = await call(base, cookies.e2, 'PUT', chief('/panels/A2'), { expertIds: ['e2'] });
    expect(res.status).toBe(403);
    const anonymous = await call(base, undefined, 'GET', chief('/overview'));
    expect(anonymous.status).toBe(401);
  });
});

describe('marks over REST', () => {
  it('accepts a mark and acknowledges a resent one as a duplicate, stored once', async () => {
    const mark = binary('p2', 'A1.M1');
    const first = await sendMarks('e1', [mark]);
    expect(first.body.results).toEqual([{ id: mark.id, status: 'accepted' }]);
    const again = await sendMarks('e1', [mark]);
    expect(again.body.results).toEqual([{ id: mark.id, status: 'duplicate' }]);
    const trail = await call(base, cookies.chief, 'GET', chief('/events?type=mark.recorded'));
    expect(trail.body.events.filter((e: MarkEvent) => e.data.mark.id === mark.id)).toHaveLength(1);
  });

  it('takes the expert from the session, never from the body', async () => {
    const forged = { ...binary('p2', 'A1.M1'), expert: 'e2' };
    const res = await sendMarks('e1', [forged]);
    expect(res.status).toBe(400);
  });

  it('names the reason of every rejected mark and stores none of them', async () => {
    const before = (await services.log.head(seeded.competitionId)).seq;
    const batch = [
      binary('p2', 'A2.M1'), // e1 is not on A2's panel
      binary('p1', 'A1.M1'), // p1 is e1's compatriot (both almaty)
      { ...binary('p2', 'A1.M2'), value: { kind: 'judgement', score: 2 } }, // wrong kind
      binary('p2', 'Z9.M1'), // no such aspect
      binary('ghost', 'A1.M1'), // no such competitor
    ];
    const res = await sendMarks('e1', batch);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: ItemResult) => [r.status, r.reason])).toEqual([
      ['rejected', 'not_on_panel'],
      ['rejected', 'compatriot'],
      ['rejected', 'value_kind_mismatch'],
      ['rejected', 'unknown_aspect'],
      ['rejected', 'unknown_competitor'],
    ]);
    expect((await services.log.head(seeded.competitionId)).seq).toBe(before);
  });

  it('refuses a competitor the expert declared a conflict with', async () => {
    const declared = await call(base, cookies.chief, 'POST', chief('/conflicts'), {
      expertId: 'e4',
      competitorId: 'p2',
    });
    expect(declared.status).toBe(200);
    const res = await sendMarks('e4', [judged('p2', 'B1.J1', 2)]);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'declared_conflict' });
    const view = await call(base, cookies.e4, 'GET', '/api/expert/competition');
    expect(view.body.competitors.map((c: { id: string }) => c.id)).toEqual(['p1']);
  });

  it("shows an expert only its panels' sub-criteria, competitors it may mark, its own marks", async () => {
    const view = await call(base, cookies.e1, 'GET', '/api/expert/competition');
    expect(view.status).toBe(200);
    const subs = view.body.criteria.flatMap((c: Criterion) => c.subCriteria.map((s) => s.id));
    expect(subs).toEqual(['A1']);
    expect(view.body.competitors.map((c: { id: string }) => c.id)).toEqual(['p2']);
    expect(view.body.marks.every((m: MarkEntry) => m.competitor === 'p2')).toBe(true);
    expect(iinShapedNumbers(view.body)).toEqual([]);
  });
});

describe('locking', () => {
  let lockedMark: { id: string };
  it('refuses a lock with the list of blockers, then locks once all is marked', async () => {
    const refused = await call(base, cookies.chief, 'POST', chief('/sub-criteria/A2/lock'));
    expect(refused.status).toBe(409);
    const codes = refused.body.error.details.map((d: ErrorDetail) => d.code);
    expect(codes).toEqual(['lock_blocked', 'aspect_unmarked', 'aspect_unmarked']);
    const choice = (competitor: string) => ({
      id: markId(),
      competitor,
      aspect: 'A2.M1',
      value: { kind: 'choice', option: 0 },
    });
    lockedMark = choice('p1');
    const marked = await sendMarks('e2', [lockedMark, choice('p2')]);
    expect(marked.body.results.map((r: ItemResult) => r.status)).toEqual(['accepted', 'accepted']);
    const locked = await call(base, cookies.chief, 'POST', chief('/sub-criteria/A2/lock'));
    expect(locked.status).toBe(200);
    expect(locked.body.locks.find((l: LockState) => l.subCriterion === 'A2').locked).toBe(true);
  });

  it('rejects marks on a locked sub-criterion, but still acknowledges a resent one', async () => {
    const res = await sendMarks('e2', [
      { id: markId(), competitor: 'p1', aspect: 'A2.M1', value: { kind: 'choice', option: 1 } },
    ]);
    expect(res.body.results[0]).toMatchObject({ reason: 'sub_criterion_locked' });
    const resent = await sendMarks('e2', [lockedMark]);
    expect(resent.body.results[0]).toEqual({ id: lockedMark.id, status: 'duplicate' });
  });

  it('takes sign-offs of a locked sub-criterion from its panel only, a repeat acknowledged', async () => {
    const signed = await sendSignOff('e2', 'A2');
    expect(signed.status).toBe(200);
    const lock = signed.body.locks.find((l: LockState) => l.subCriterion === 'A2');
    expect(lock.signOffs.map((s: { expert: string }) => s.expert)).toEqual(['e2']);
    const before = (await services.log.head(seeded.competitionId)).seq;
    const repeat = await sendSignOff('e2', 'A2');
    expect(repeat.status).toBe(200);
    expect(repeat.body.ok).toBe(true);
    expect((await services.log.head(seeded.competitionId)).seq).toBe(before);
    expect((await sendSignOff('e1', 'A2')).body.error.details[0].code).toBe('not_on_panel');
    expect((await sendSignOff('e1', 'A1')).body.error.details[0].code).toBe('not_locked');
  });

  it('unlocks only by the chief, with a reason', async () => {
    const bare = await call(base, cookies.chief, 'POST', chief('/sub-criteria/A2/unlock'), {});
    expect(bare.status).toBe(400);
    const reason = { reason: 'Contrast re-measured after the projector was replaced' };
    const byDeputy = await call(
      base,
      cookies.deputy,
      'POST',
      chief('/sub-criteria/A2/unlock'),
      reason,
    );
    expect(byDeputy.status).toBe(403);
    const res = await call(base, cookies.chief, 'POST', chief('/sub-criteria/A2/unlock'), reason);
    expect(res.status).toBe(200);
    const trail = await call(
      base,
      cookies.chief,
      'GET',
      chief('/events?type=subCriterion.unlocked'),
    );
    expect(trail.body.events[0].data.reason).toContain('projector');
  });

  it('takes a correction with a reason once unlocked, from the panel only', async () => {
    const correction = {
      markId: lockedMark.id,
      mark: {
        id: markId(),
        competitor: 'p1',
        aspect: 'A2.M1',
        value: { kind: 'choice', option: 1 },
      },
      reason: 'Contrast measured again with the new projector',
    };
    const unreasoned = await call(base, cookies.e2, 'POST', '/api/expert/corrections', {
      ...correction,
      reason: ' ',
    });
    expect(unreasoned.status).toBe(400);
    const byOutsider = await call(base, cookies.e1, 'POST', '/api/expert/corrections', correction);
    expect(byOutsider.body.result).toMatchObject({ status: 'rejected', reason: 'not_on_panel' });
    const accepted = await call(base, cookies.e2, 'POST', '/api/expert/corrections', correction);
    expect(accepted.body.result).toEqual({ id: correction.mark.id, status: 'accepted' });
    const resent = await call(base, cookies.e2, 'POST', '/api/expert/corrections', correction);
    expect(resent.body.result).toEqual({ id: correction.mark.id, status: 'duplicate' });
    const trail = await call(base, cookies.chief, 'GET', chief('/events?type=mark.superseded'));
    expect(trail.body.events).toHaveLength(1);
    expect(trail.body.events[0].data).toMatchObject({ markId: lockedMark.id });
  });

  it('shows the chief the progress, locks and blockers', async () => {
    const res = await call(base, cookies.chief, 'GET', chief('/overview'));
    expect(res.status).toBe(200);
    expect(res.body.progress.subCriteria.map((s: SubCriterionProgress) => s.subCriterion)).toEqual([
      'A1',
      'A2',
      'B1',
    ]);
    expect(res.body.blockers.A2).toEqual([]);
    expect(res.body.panels.A2).toEqual(['e2']);
  });
});

describe('discrepancies, statuses and the audit trail', () => {
  it('shows an open discrepancy that blocks the lock until the chief resolves it', async () => {
    const scores = { e2: 0, e3: 3, e4: 3 };
    for (const [judge, score] of Object.entries(scores)) {
      const res = await sendMarks(judge, [judged('p1', 'A1.J1', score)]);
      expect(res.body.results[0].status).toBe('accepted');
    }
    const overview = await call(base, cookies.deputy, 'GET', chief('/overview'));
    expect(overview.body.openDiscrepancies).toMatchObject([
      { competitor: 'p1', aspect: 'A1.J1', spread: 3 },
    ]);
    expect(overview.body.blockers.A1).toContainEqual({
      reason: 'discrepancy_open',
      competitor: 'p1',
      aspect: 'A1.J1',
    });
    const unreasoned = await call(base, cookies.deputy, 'POST', chief('/discrepancies/resolve'), {
      competitorId: 'p1',
      aspect: 'A1.J1',
    });
    expect(unreasoned.status).toBe(400);
    const resolved = await call(base, cookies.deputy, 'POST', chief('/discrepancies/resolve'), {
      competitorId: 'p1',
      aspect: 'A1.J1',
      reason: 'Judge e2 scored the draft, not the final page',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.openDiscrepancies).toEqual([]);
  });

  it('marks a competitor absent and refuses an unknown one', async () => {
    const unknown = await call(base, cookies.chief, 'POST', chief('/competitors/ghost/status'), {
      status: 'absent',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].code).toBe('unknown_competitor');
    const absent = await call(base, cookies.chief, 'POST', chief('/competitors/p2/status'), {
      status: 'absent',
      reason: 'Did not arrive on day 1',
    });
    expect(absent.status).toBe(200);
    const back = await call(base, cookies.chief, 'POST', chief('/competitors/p2/status'), {
      status: 'active',
      reason: 'Arrived late with the organisers’ consent',
    });
    expect(back.status).toBe(200);
  });

  it('narrows the audit trail by expert, aspect, competitor and type', async () => {
    const byJudge = await call(base, cookies.chief, 'GET', chief('/events?expert=e3&aspect=A1.J1'));
    expect(byJudge.body.events.map((e: MarkEvent) => e.data.mark.expert)).toEqual(['e3']);
    const aboutP2 = await call(base, cookies.chief, 'GET', chief('/events?competitor=p2'));
    const types = new Set(aboutP2.body.events.map((e: StoredEvent) => e.type));
    expect(types).toEqual(
      new Set(['competitor.registered', 'mark.recorded', 'competitor.status', 'conflict.declared']),
    );
    const bad = await call(base, cookies.chief, 'GET', chief('/events?aspect=not an aspect'));
    expect(bad.status).toBe(400);
  });
});

describe('credentials', () => {
  it('lets the chief issue and revoke an expert PIN, but not a chief credential', async () => {
    const issued = await call(base, cookies.chief, 'POST', chief('/credentials/e3'));
    expect(issued.status).toBe(201);
    expect(issued.body.pin).toMatch(/^\d+$/);
    const cookie = await pinCookie(base, seeded.competitionId, issued.body.pin);
    expect((await call(base, cookie, 'GET', '/api/expert/competition')).status).toBe(200);

    const revoked = await call(base, cookies.chief, 'DELETE', chief('/credentials/e3'));
    expect(revoked.body).toEqual({ revoked: 1 });
    expect((await call(base, cookie, 'GET', '/api/expert/competition')).status).toBe(401);

    const ownRank = await call(base, cookies.deputy, 'POST', chief('/credentials/chief'));
    expect(ownRank.status).toBe(403);
    const unknown = await call(base, cookies.chief, 'POST', chief('/credentials/nobody'));
    expect(unknown.status).toBe(404);
  });
});

describe('publication and the public board', () => {
  it('refuses to publish unfinished results, naming each sub-criterion and what it lacks', async () => {
    const runtime = await services.competitions.open(seeded.competitionId);
    const head = runtime.head.seq;
    const refused = await call(base, cookies.chief, 'POST', chief('/publish'));
    expect(refused.status).toBe(409);
    const details = refused.body.error.details as ErrorDetail[];
    expect(details[0]).toMatchObject({ code: 'publication_blocked' });
    expect(details.slice(1).map((d) => d.path)).toContain('B1');
    expect(details.find((d) => d.path === 'B1')).toMatchObject({
      code: 'not_locked',
      message: 'Подкритерий B1 не заблокирован',
    });
    expect(runtime.head.seq).toBe(head);
    const board = await call(
      base,
      undefined,
      'GET',
      `/api/public/competitions/${seeded.competitionId}/board`,
    );
    expect(board.body).toMatchObject({ published: false, provisional: true });
  });

  it('lets only the chief (not the deputy) publish, then shows the final board', async () => {
    for (const who of ['e2', 'deputy']) {
      const denied = await call(base, cookies[who], 'POST', chief('/publish'));
      expect(denied.status, who).toBe(403);
    }
    const runtime = await services.competitions.open(seeded.competitionId);
    // e4 declared a conflict with p2: the chief adds e1 so that p2's B1 gets its three judges.
    await runtime.setPanel('chief', 'B1', ['e1', 'e2', 'e3', 'e4']);
    await finishCompetition(runtime);
    const published = await call(base, cookies.chief, 'POST', chief('/publish'));
    expect(published.status).toBe(200);
    expect(published.body.stage).toBe('final');
    // No mark is accepted on published results: the expert is told why.
    const late = await call(base, cookies.e2, 'POST', '/api/expert/marks?lang=en', {
      marks: [judged('p1', 'B1.J1', 3)],
    });
    expect(late.body.results[0]).toMatchObject({ status: 'rejected', reason: 'results_published' });
    const board = await call(
      base,
      undefined,
      'GET',
      `/api/public/competitions/${seeded.competitionId}/board`,
    );
    expect(board.status).toBe(200);
    expect(board.body.published).toBe(true);
    expect(board.body.rows.map((r: BoardRow) => r.competitor).sort()).toEqual(['p1', 'p2']);
    expect(board.body.rows[0].college).toMatchObject({ ru: 'Высший колледж' });
  });

  it('reopens published results on an unlock with a reason; re-published, the board says corrected', async () => {
    const publicBoard = async () =>
      (await call(base, undefined, 'GET', `/api/public/competitions/${seeded.competitionId}/board`))
        .body as Board;
    const deputyTries = await call(base, cookies.deputy, 'POST', chief('/sub-criteria/A2/unlock'), {
      reason: 'contrast measured on the wrong screen',
    });
    expect(deputyTries.status).toBe(403);
    const unlocked = await call(base, cookies.chief, 'POST', chief('/sub-criteria/A2/unlock'), {
      reason: 'contrast measured on the wrong screen',
    });
    expect(unlocked.status).toBe(200);
    expect(await publicBoard()).toMatchObject({
      published: false,
      provisional: true,
      stage: 'correcting',
    });
    expect((await publicBoard()).rows!.every((row) => row.medal === null)).toBe(true);

    const runtime = await services.competitions.open(seeded.competitionId);
    expect((await call(base, cookies.chief, 'POST', chief('/sub-criteria/A2/lock'))).status).toBe(
      200,
    );
    for (const expertId of runtime.state.panels.get('A2')!) await runtime.signOff(expertId, 'A2');
    const again = await call(base, cookies.chief, 'POST', chief('/publish'));
    expect(again.body.stage).toBe('corrected');
    const board = await publicBoard();
    expect(board).toMatchObject({ published: true, stage: 'corrected' });
    expect(board.correctedAt).toBe(again.body.published.at);
    const trail = await call(
      base,
      cookies.chief,
      'GET',
      chief('/events?type=subCriterion.unlocked'),
    );
    expect(trail.body.events.at(-1)).toMatchObject({
      actor: 'chief',
      data: { subCriterion: 'A2', reason: 'contrast measured on the wrong screen' },
    });
  });

  it('returns nothing IIN-shaped from any public route', async () => {
    const routes = [
      '/api/public/regions',
      '/api/public/championships',
      `/api/public/competitions/${seeded.competitionId}/board`,
      `/api/public/competitions/${seeded.competitionId}/log/verify`,
    ];
    for (const route of routes) {
      const res = await call(base, undefined, 'GET', route);
      expect(res.status, route).toBe(200);
      expect(iinShapedNumbers(res.body), route).toEqual([]);
    }
    const championships = (await call(base, undefined, 'GET', '/api/public/championships')).body;
    expect(championships.championships[0].competitions[0]).toMatchObject({
      id: seeded.competitionId,
      published: true,
    });
  });

  it('answers 404 for an unknown competition, on the board and on verify', async () => {
    for (const path of ['board', 'log/verify']) {
      const res = await call(base, undefined, 'GET', `/api/public/competitions/nope/${path}`);
      expect(res.status).toBe(404);
    }
  });

  it('verifies the log of a known competition', async () => {
    const res = await call(
      base,
      undefined,
      'GET',
      `/api/public/competitions/${seeded.competitionId}/log/verify`,
    );
    expect(res.body).toMatchObject({ ok: true });
  });
});
