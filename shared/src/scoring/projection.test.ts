import { describe, expect, it } from 'vitest';
import { kzDemoExam2022 } from '../profiles/kz-demo-exam@2022';
import type { RulesProfile } from '../profiles/profile';
import { wsiCis2024 } from '../profiles/wsi-cis@2024';
import { wskChampionship2024 } from '../profiles/wsk-championship@2024';
import type { CompetitorEntry, ScoringEvent } from './events';
import {
  binary,
  event,
  fullMarks,
  judged,
  markId,
  recorded,
  sampleScheme,
  type SampleMarks,
} from './fixtures';
import { CompetitionProjection } from './projection';

const people = (...ids: string[]): CompetitorEntry[] => ids.map((id) => ({ id, guest: false }));

function projection(competitors: CompetitorEntry[], profile: RulesProfile = wskChampionship2024) {
  return CompetitionProjection.create({ scheme: sampleScheme(), profile, competitors });
}

function applyAll(p: CompetitionProjection, events: ScoringEvent[]) {
  for (const e of events) {
    const outcome = p.apply(e);
    if (!outcome.ok) throw new Error(`${e.type} refused: ${outcome.reason}`);
  }
}

/** Competitors scored with the given sample marks, registered in the order given. */
function scoredField(field: Record<string, SampleMarks>, profile?: RulesProfile) {
  const p = projection(people(...Object.keys(field)), profile);
  Object.entries(field).forEach(([id, marks], i) => applyAll(p, fullMarks(id, `${i}x`, marks)));
  return p;
}

describe('CompetitionProjection: marks and totals', () => {
  it('computes aspect marks, rounded sums and percent for one competitor', () => {
    const p = projection(people('c1'));
    applyAll(p, [
      binary('1', 'c1', 'A1.M1'),
      recorded('2', 'c1', 'A1.M2', 'e1', { kind: 'deduction', measured: 975 }),
      judged('3', 'c1', 'A1.J1', 'e1', 2),
      judged('4', 'c1', 'A1.J1', 'e2', 2),
      judged('5', 'c1', 'A1.J1', 'e3', 3),
      recorded('6', 'c1', 'A2.M1', 'e1', { kind: 'choice', option: 1 }),
      binary('7', 'c1', 'B1.M1', false),
      ...['e1', 'e2', 'e3'].map((e, i) => judged(`8${i}`, 'c1', 'B1.J1', e, 1)),
    ]);
    const result = p.competitorResult('c1')!;
    expect(result.aspects).toEqual({
      'A1.M1': 1,
      'A1.M2': 0.25,
      'A1.J1': (1.5 * 7) / 9,
      'A2.M1': 0.5,
      'B1.M1': 0,
      'B1.J1': 1 / 3,
    });
    expect(result.subCriteria).toEqual({ A1: 2.42, A2: 0.5, B1: 0.33 });
    expect(result.criteria).toEqual({ A: 2.92, B: 0.33 });
    expect(result.sections).toEqual({ S1: 2.17, S2: 1.08 });
    expect(result.total).toBe(3.25);
    expect(result.percent).toBe(46.43);
    expect(result.progress).toEqual({ marked: 6, total: 6 });
  });

  it('leaves a judgement aspect unmarked until the whole panel has scored', () => {
    const p = projection(people('c1'));
    applyAll(p, [judged('1', 'c1', 'A1.J1', 'e1', 3), judged('2', 'c1', 'A1.J1', 'e2', 3)]);
    expect(p.competitorResult('c1')!.aspects['A1.J1']).toBeNull();
    applyAll(p, [judged('3', 'c1', 'A1.J1', 'e3', 3)]);
    expect(p.competitorResult('c1')!.aspects['A1.J1']).toBe(1.5);
  });

  it('lets a judge re-score: the new score counts, the old one stays in the history', () => {
    const p = projection(people('c1'));
    applyAll(p, [
      judged('1', 'c1', 'A1.J1', 'e1', 0),
      judged('2', 'c1', 'A1.J1', 'e2', 3),
      judged('3', 'c1', 'A1.J1', 'e3', 3),
    ]);
    applyAll(p, [judged('4', 'c1', 'A1.J1', 'e1', 3)]);
    const state = p.aspectState('c1', 'A1.J1')!;
    expect(state.mark).toBe(1.5);
    expect(state.current.map((r) => r.id)).toEqual([markId('2'), markId('3'), markId('4')]);
    expect(state.history.map((r) => [r.id, r.supersededBy ?? null])).toEqual([
      [markId('1'), markId('4')],
      [markId('2'), null],
      [markId('3'), null],
      [markId('4'), null],
    ]);
  });

  it('refuses a fourth judge on a panel of three, but takes five on a panel of five', () => {
    const p = projection(people('c1'));
    applyAll(
      p,
      ['e1', 'e2', 'e3'].map((e, i) => judged(`${i}`, 'c1', 'A1.J1', e, 2)),
    );
    expect(p.apply(judged('9', 'c1', 'A1.J1', 'e4', 2))).toMatchObject({
      ok: false,
      reason: 'panel_full',
    });
    const five = CompetitionProjection.create({
      scheme: sampleScheme(),
      profile: wsiCis2024,
      competitors: people('c1'),
      judgesPerAspect: 5,
    });
    applyAll(
      five,
      ['e1', 'e2', 'e3', 'e4'].map((e, i) => judged(`${i}`, 'c1', 'A1.J1', e, 3)),
    );
    expect(five.competitorResult('c1')!.aspects['A1.J1']).toBeNull();
    applyAll(five, [judged('5', 'c1', 'A1.J1', 'e5', 0)]);
    expect(five.competitorResult('c1')!.aspects['A1.J1']).toBeCloseTo(1.2, 12);
  });

  it('refuses a competitor list with the same id twice', () => {
    expect(() => projection(people('c1', 'c1'))).toThrow(/competitor_exists/);
  });

  it('refuses a panel size outside the profile range', () => {
    expect(() =>
      CompetitionProjection.create({
        scheme: sampleScheme(),
        profile: wsiCis2024,
        competitors: [],
        judgesPerAspect: 6,
      }),
    ).toThrow(RangeError);
  });

  it('acknowledges a resent mark once and refuses a reused id with other content', () => {
    const p = projection(people('c1'));
    const mark = binary('1', 'c1', 'A1.M1');
    expect(p.apply(mark)).toEqual({ ok: true, duplicate: false });
    expect(p.apply({ ...mark })).toEqual({ ok: true, duplicate: true });
    expect(p.aspectState('c1', 'A1.M1')!.history).toHaveLength(1);
    expect(p.apply(binary('1', 'c1', 'A1.M1', false))).toMatchObject({
      ok: false,
      reason: 'mark_id_reused',
    });
  });

  it('refuses marks that do not fit the scheme or the competition, with reason codes', () => {
    const p = projection(people('c1'));
    expect(p.apply(binary('1', 'c9', 'A1.M1'))).toMatchObject({
      ok: false,
      reason: 'unknown_competitor',
    });
    expect(p.apply(binary('2', 'c1', 'C1.M1'))).toMatchObject({
      ok: false,
      reason: 'unknown_aspect',
    });
    expect(p.apply(binary('3', 'c1', 'A1.J1'))).toMatchObject({
      ok: false,
      reason: 'value_kind_mismatch',
    });
    expect(
      p.apply(recorded('4', 'c1', 'A2.M1', 'e1', { kind: 'choice', option: 5 })),
    ).toMatchObject({
      ok: false,
      reason: 'choice_option_unknown',
      params: { aspect: 'A2.M1', option: 5, options: 3 },
    });
    expect(p.competitorResult('c1')!.progress.marked).toBe(0);
  });

  it('withdraws a mark entered in error: the aspect is unmarked again', () => {
    const p = projection(people('c1'));
    applyAll(p, [
      binary('1', 'c1', 'A1.M1'),
      event('mark.withdrawn', { markId: markId('1'), reason: 'wrong competitor' }),
    ]);
    expect(p.competitorResult('c1')!.aspects['A1.M1']).toBeNull();
    expect(p.aspectState('c1', 'A1.M1')!.history[0]!.withdrawn?.reason).toBe('wrong competitor');
    expect(
      p.apply(event('mark.withdrawn', { markId: markId('1'), reason: 'again' })),
    ).toMatchObject({ reason: 'mark_not_current' });
    expect(p.apply(event('mark.withdrawn', { markId: markId('7'), reason: 'x' }))).toMatchObject({
      reason: 'mark_not_found',
    });
  });

  it('corrects a mark by superseding it with a reason, in the same place only', () => {
    const p = projection(people('c1', 'c2'));
    applyAll(p, [recorded('1', 'c1', 'A2.M1', 'e1', { kind: 'choice', option: 2 })]);
    const correction = (id: string, competitor: string) =>
      event('mark.superseded', {
        markId: markId('1'),
        mark: {
          id: markId(id),
          competitor,
          aspect: 'A2.M1',
          expert: 'chief',
          value: { kind: 'choice', option: 0 },
        },
        reason: 'entered the wrong option',
      });
    expect(p.apply(correction('2', 'c2'))).toMatchObject({
      ok: false,
      reason: 'supersede_mismatch',
    });
    expect(p.apply(correction('3', 'c1'))).toEqual({ ok: true, duplicate: false });
    expect(p.competitorResult('c1')!.total).toBe(1);
    const [old, replacement] = p.aspectState('c1', 'A2.M1')!.history;
    expect(old!.supersededBy).toBe(markId('3'));
    expect(replacement).toMatchObject({
      supersedes: markId('1'),
      reason: 'entered the wrong option',
    });
    // Only the replacement counts: the cell's current marks, with or without its history.
    expect(p.currentMarks('c1', 'A2.M1')).toEqual([replacement]);
    expect(p.aspectState('c1', 'A2.M1')!.current).toEqual([replacement]);
  });

  it('finds any stored mark by id, superseded and withdrawn ones too', () => {
    const p = projection(people('c1'));
    applyAll(p, [
      binary('1', 'c1', 'A1.M1'),
      binary('2', 'c1', 'A1.M1', false),
      event('mark.withdrawn', { markId: markId('2'), reason: 'wrong competitor' }),
    ]);
    expect(p.markById(markId('1'))).toMatchObject({ competitor: 'c1', aspect: 'A1.M1' });
    expect(p.markById(markId('2'))?.value).toEqual({ kind: 'binary', achieved: false });
    expect(p.markById(markId('3'))).toBeUndefined();
  });
});

describe('CompetitionProjection: discrepancies and locks', () => {
  it('flags a spread above 1, blocks the lock, and clears on re-score', () => {
    const p = projection(people('c1'));
    applyAll(p, [
      ...fullMarks('c1', 'a').filter(
        (e) => !(e.type === 'mark.recorded' && e.mark.aspect === 'A1.J1'),
      ),
    ]);
    applyAll(p, [
      judged('1', 'c1', 'A1.J1', 'e1', 1),
      judged('2', 'c1', 'A1.J1', 'e2', 3),
      judged('3', 'c1', 'A1.J1', 'e3', 2),
    ]);
    expect(p.openDiscrepancies()).toEqual([
      {
        competitor: 'c1',
        aspect: 'A1.J1',
        subCriterion: 'A1',
        spread: 2,
        scores: [
          { expert: 'e1', score: 1, mark: markId('1') },
          { expert: 'e2', score: 3, mark: markId('2') },
          { expert: 'e3', score: 2, mark: markId('3') },
        ],
      },
    ]);
    expect(p.lockBlockers('A1')).toEqual([
      { reason: 'discrepancy_open', competitor: 'c1', aspect: 'A1.J1' },
    ]);
    expect(p.apply(event('subCriterion.locked', { subCriterion: 'A1' }))).toMatchObject({
      ok: false,
      reason: 'lock_blocked',
      params: { subCriterion: 'A1', count: 1 },
    });
    applyAll(p, [judged('4', 'c1', 'A1.J1', 'e1', 2)]);
    expect(p.openDiscrepancies()).toEqual([]);
    applyAll(p, [event('subCriterion.locked', { subCriterion: 'A1' })]);
  });

  it('lets the chief expert resolve a discrepancy with a reason; a new score reopens it', () => {
    const p = projection(people('c1'));
    applyAll(p, [
      judged('1', 'c1', 'B1.J1', 'e1', 0),
      judged('2', 'c1', 'B1.J1', 'e2', 3),
      judged('3', 'c1', 'B1.J1', 'e3', 3),
    ]);
    const resolve = event('discrepancy.resolved', {
      competitor: 'c1',
      aspect: 'B1.J1',
      reason: 'panel discussed; scores stand',
    });
    applyAll(p, [resolve]);
    expect(p.openDiscrepancies()).toEqual([]);
    expect(p.aspectState('c1', 'B1.J1')).toMatchObject({
      discrepancy: 'resolved',
      resolution: { reason: 'panel discussed; scores stand' },
    });
    expect(p.apply(resolve)).toMatchObject({ ok: false, reason: 'no_open_discrepancy' });
    applyAll(p, [judged('4', 'c1', 'B1.J1', 'e1', 1)]);
    expect(p.openDiscrepancies().map((d) => d.aspect)).toEqual(['B1.J1']);
  });

  it('locks only when every active competitor is marked; absent ones do not block', () => {
    const p = projection(people('c1', 'c2'));
    applyAll(p, [
      binary('1', 'c1', 'B1.M1'),
      ...['e1', 'e2', 'e3'].map((e, i) => judged(`2${i}`, 'c1', 'B1.J1', e, 2)),
    ]);
    expect(p.lockBlockers('B1')).toEqual([
      { reason: 'aspect_unmarked', competitor: 'c2', aspect: 'B1.M1' },
      { reason: 'aspect_unmarked', competitor: 'c2', aspect: 'B1.J1' },
    ]);
    applyAll(p, [event('competitor.status', { competitor: 'c2', status: 'absent' })]);
    expect(p.lockBlockers('B1')).toEqual([]);
    applyAll(p, [event('subCriterion.locked', { subCriterion: 'B1' })]);
    expect(p.progress().subCriteria.find((s) => s.subCriterion === 'B1')).toEqual({
      subCriterion: 'B1',
      day: 2,
      marked: 2,
      required: 2,
      locked: true,
    });
  });

  it('refuses every change to a locked sub-criterion until it is unlocked with a reason', () => {
    const p = projection(people('c1'));
    applyAll(p, [
      binary('1', 'c1', 'B1.M1'),
      ...['e1', 'e2', 'e3'].map((e, i) => judged(`2${i}`, 'c1', 'B1.J1', e, 2)),
    ]);
    applyAll(p, [event('subCriterion.locked', { subCriterion: 'B1' })]);
    expect(p.apply(binary('3', 'c1', 'B1.M1', false))).toMatchObject({
      ok: false,
      reason: 'sub_criterion_locked',
      params: { subCriterion: 'B1', aspect: 'B1.M1' },
    });
    const correction = {
      id: markId('3'),
      competitor: 'c1',
      aspect: 'B1.M1',
      expert: 'e1',
      value: { kind: 'binary' as const, achieved: false },
    };
    expect(p.validateMark(correction)?.reason).toBe('sub_criterion_locked');
    expect(p.apply(event('mark.withdrawn', { markId: markId('1'), reason: 'x' }))).toMatchObject({
      reason: 'sub_criterion_locked',
    });
    expect(p.apply(event('subCriterion.locked', { subCriterion: 'B1' }))).toMatchObject({
      reason: 'already_locked',
    });
    expect(p.competitorResult('c1')!.subCriteria.B1).toBe(2.67);
    applyAll(p, [
      event('subCriterion.unlocked', { subCriterion: 'B1', reason: 'appeal upheld' }),
      binary('3', 'c1', 'B1.M1', false),
    ]);
    expect(p.competitorResult('c1')!.subCriteria.B1).toBe(0.67);
  });

  it('collects sign-offs on a locked sub-criterion; an unlock voids them', () => {
    const p = projection([]);
    const sign = (expert: string) =>
      event('subCriterion.signedOff', { subCriterion: 'A2', expert }, expert);
    expect(p.apply(sign('e1'))).toMatchObject({ reason: 'not_locked' });
    applyAll(p, [event('subCriterion.locked', { subCriterion: 'A2' }), sign('e1'), sign('e2')]);
    expect(p.apply(sign('e1'))).toMatchObject({ reason: 'already_signed_off' });
    expect(
      p
        .lockState()
        .find((l) => l.subCriterion === 'A2')!
        .signOffs.map((s) => s.expert),
    ).toEqual(['e1', 'e2']);
    applyAll(p, [event('subCriterion.unlocked', { subCriterion: 'A2', reason: 'correction' })]);
    expect(p.lockState().find((l) => l.subCriterion === 'A2')).toEqual({
      subCriterion: 'A2',
      locked: false,
      at: null,
      actor: null,
      signOffs: [],
    });
    expect(p.apply(event('subCriterion.locked', { subCriterion: 'Z9' }))).toMatchObject({
      reason: 'unknown_sub_criterion',
    });
    expect(() => p.lockBlockers('Z9')).toThrow(/unknown_sub_criterion/);
  });
});

describe('CompetitionProjection: ranking, medals, scales', () => {
  it('gives the standings as they are when read, after every mark between two reads', () => {
    const p = projection(people('c1', 'c2'));
    applyAll(p, fullMarks('c1', 'a', { form: false }));
    const standing = () => p.rankingRows().map((r) => [r.competitor, r.position, r.medal]);
    expect(standing()).toEqual([
      ['c1', 1, 'gold'],
      ['c2', 2, 'silver'],
    ]);
    applyAll(p, fullMarks('c2', 'b'));
    expect(standing()).toEqual([
      ['c2', 1, 'gold'],
      ['c1', 2, 'silver'],
    ]);
    expect(p.competitorResult('c1')).toMatchObject({ position: 2, medal: 'silver' });
  });

  it('ranks 1224 by rounded totals; guests are listed without a position, absent last', () => {
    const p = projection([
      ...people('c1'),
      { id: 'g', guest: true },
      ...people('c2', 'c3', 'c4', 'c5'),
    ]);
    applyAll(p, [
      ...fullMarks('c1', 'a'),
      ...fullMarks('g', 'b'),
      ...fullMarks('c2', 'c', { form: false }),
      ...fullMarks('c3', 'd', { form: false }),
      ...fullMarks('c4', 'e', { form: false, contrast: 2 }),
      binary('f1', 'c5', 'A1.M1'),
      event('competitor.status', { competitor: 'c5', status: 'withdrawn', reason: 'illness' }),
    ]);
    expect(p.rankingRows().map((r) => [r.competitor, r.total, r.position, r.medal])).toEqual([
      ['c1', 7, 1, 'gold'],
      ['g', 7, null, null],
      ['c2', 5, 2, 'silver'],
      ['c3', 5, 2, 'silver'],
      ['c4', 4, 4, null],
      ['c5', 1, null, null],
    ]);
    expect(p.rankingRows().at(-1)!.status).toBe('withdrawn');
  });

  it('gives two golds and no silver, and a medallion by percent to a non-medallist at 70 %', () => {
    const p = scoredField({
      a: {},
      b: {},
      c: { contrast: 2 },
      d: { form: false },
      e: { form: false, contrast: 2 },
    });
    expect(
      p
        .rankingRows()
        .map((r) => [r.competitor, r.total, r.percent, r.position, r.medal, r.medallion]),
    ).toEqual([
      ['a', 7, 100, 1, 'gold', false],
      ['b', 7, 100, 1, 'gold', false],
      ['c', 6, 85.71, 3, 'bronze', false],
      ['d', 5, 71.43, 4, null, true],
      ['e', 4, 57.14, 5, null, false],
    ]);
  });

  it('scales totals to 700 (median, MAD) and gives the medallion at 700 under wsi-cis@2024', () => {
    const field: Record<string, SampleMarks> = {
      p7: {},
      p6: { contrast: 2 },
      p55: { layout: 0 },
      p5: { form: false },
      p4: { form: false, contrast: 2 },
      p3: { form: false, contrast: 2, header: false },
      p2: { form: false, contrast: 2, header: false, forms: 0 },
      p1: { form: false, contrast: 2, header: false, forms: 0, layout: 1 },
    };
    const p = scoredField(field, wsiCis2024);
    const rows = p.rankingRows();
    expect(rows.map((r) => r.total)).toEqual([7, 6, 5.5, 5, 4, 3, 2, 1]);
    // median 4.5, MAD 1.5: 700 + 30 * (x - 4.5) / (1.4826 * 1.5)
    expect(rows.map((r) => r.scaled)).toEqual([
      733.72, 720.23, 713.49, 706.74, 693.26, 679.77, 666.28, 652.79,
    ]);
    expect(rows.map((r) => r.medallion)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives everyone 700 when all totals are equal, and says so', () => {
    const p = scoredField({ a: {}, b: {}, c: {} }, wsiCis2024);
    expect(p.scaleInfo()).toEqual({ scale: 'ws700', location: 7, spread: 0, population: 3 });
    expect(scoredField({ a: {} }).scaleInfo()).toBeNull();
    expect(p.rankingRows().map((r) => [r.position, r.scaled])).toEqual([
      [1, 700],
      [1, 700],
      [1, 700],
    ]);
  });

  it('says pass or fail at the demo exam threshold and gives no medals', () => {
    const p = scoredField(
      {
        s1: { form: false, contrast: 2, header: false },
        s2: { form: false, contrast: 2, header: false, forms: 0, layout: 1 },
      },
      kzDemoExam2022,
    );
    applyAll(p, [
      event('competitor.registered', { competitor: { id: 's3', guest: false } }),
      event('competitor.status', { competitor: 's3', status: 'absent' }),
    ]);
    expect(
      p.rankingRows().map((r) => [r.competitor, r.percent, r.passed, r.medal, r.medallion]),
    ).toEqual([
      ['s1', 42.86, false, null, false],
      ['s2', 14.29, false, null, false],
      ['s3', 0, false, null, false],
    ]);
    const passing = scoredField({ s1: { form: false } }, kzDemoExam2022);
    expect(passing.rankingRows()[0]).toMatchObject({ percent: 71.43, passed: true });
  });

  it('registers late competitors once and refuses a different one under the same id', () => {
    const p = projection(people('c1'));
    const late = event('competitor.registered', {
      competitor: { id: 'c2', guest: false, delegations: { region: 'almaty' } },
    });
    expect(p.apply(late)).toEqual({ ok: true, duplicate: false });
    expect(p.apply(late)).toEqual({ ok: true, duplicate: true });
    expect(
      p.apply(event('competitor.registered', { competitor: { id: 'c2', guest: true } })),
    ).toMatchObject({ reason: 'competitor_exists' });
    expect(p.competitorResult('c2')).toMatchObject({
      position: 1,
      delegations: { region: 'almaty' },
    });
  });

  it('closes registration once a sub-criterion is locked', () => {
    const p = projection([]);
    applyAll(p, [event('subCriterion.locked', { subCriterion: 'A2' })]);
    expect(
      p.apply(event('competitor.registered', { competitor: { id: 'c9', guest: false } })),
    ).toMatchObject({
      ok: false,
      reason: 'registration_closed',
      params: { subCriterion: 'A2' },
    });
  });
});

describe('CompetitionProjection: replay and snapshots', () => {
  const log = (): ScoringEvent[] => [
    ...fullMarks('c1', 'a'),
    ...fullMarks('c2', 'b', { layout: 2, contrast: 1 }),
    judged('x1', 'c3', 'A1.J1', 'e1', 0),
    judged('x2', 'c3', 'A1.J1', 'e2', 3),
    judged('x3', 'c3', 'A1.J1', 'e3', 3),
    event('discrepancy.resolved', { competitor: 'c3', aspect: 'A1.J1', reason: 'agreed' }),
    event('subCriterion.locked', { subCriterion: 'A2' }),
    event('competitor.status', { competitor: 'c3', status: 'withdrawn' }),
    event('subCriterion.locked', { subCriterion: 'A2' }),
    event('subCriterion.signedOff', { subCriterion: 'A2', expert: 'e1' }, 'e1'),
    event('results.published', {}),
  ];
  const setup = () => ({
    scheme: sampleScheme(),
    profile: wsiCis2024,
    competitors: people('c1', 'c2', 'c3'),
  });

  it('recomputes from the log to exactly the state built event by event', () => {
    const live = CompetitionProjection.create(setup());
    const events = log();
    for (const e of events) live.apply(e);
    const replayed = CompetitionProjection.recompute(setup(), events);
    expect(replayed.snapshot()).toStrictEqual(live.snapshot());
    expect(replayed.results()).toStrictEqual(live.results());
    expect(replayed.version).toBe(events.length);
  });

  it('restores from a JSON snapshot to the same state', () => {
    const live = CompetitionProjection.recompute(setup(), log());
    const json = JSON.parse(JSON.stringify(live.snapshot())) as unknown;
    const restored = CompetitionProjection.restore(
      { scheme: sampleScheme(), profile: wsiCis2024 },
      json,
    );
    expect(restored.snapshot()).toEqual(live.snapshot());
    expect(restored.results()).toStrictEqual(live.results());
    expect(restored.openDiscrepancies()).toEqual(live.openDiscrepancies());
    expect(restored.published).toEqual(live.published);
  });

  it('refuses a snapshot taken under another profile', () => {
    const snapshot = CompetitionProjection.create(setup()).snapshot();
    expect(() =>
      CompetitionProjection.restore(
        { scheme: sampleScheme(), profile: wskChampionship2024 },
        snapshot,
      ),
    ).toThrow(/snapshot_mismatch/);
  });
});
