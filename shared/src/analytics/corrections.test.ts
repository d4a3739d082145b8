import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarkValue } from '../scoring/marks';
import { correctionFigures, CorrectionTracker, type CorrectionLogEvent } from './corrections';

const at = '2026-03-11T05:00:00.000Z';
const kindOf = (aspect: string) =>
  aspect.includes('.J') ? 'judgement' : aspect.includes('.M') ? 'measurement' : undefined;

let ids = 0;
const recorded = (
  expert: string,
  competitor: string,
  aspect: string,
  value: MarkValue,
  id = `mark-${++ids}`,
): CorrectionLogEvent => ({
  type: 'mark.recorded',
  at,
  actor: expert,
  mark: { id, competitor, aspect, expert, value },
});
const judged = (judge: string, competitor: string, score: number, id?: string) =>
  recorded(judge, competitor, 'A1.J1', { kind: 'judgement', score }, id);
const rescore = (competitor: string, experts: string[]): CorrectionLogEvent => ({
  type: 'rescore.requested',
  at,
  actor: 'chief',
  competitor,
  aspect: 'A1.J1',
  experts,
});

describe('re-score figures', () => {
  it('counts the re-scores each judge was asked for, answered and changed its score in', () => {
    const { rescores } = correctionFigures(
      [
        judged('j1', 'c1', 0),
        judged('j2', 'c1', 2),
        judged('j3', 'c1', 3),
        rescore('c1', ['j1', 'j2', 'j3']),
        judged('j1', 'c1', 1), // answered, changed: 1, 2, 3 is still a discrepancy
        judged('j2', 'c1', 2), // answered, kept its score
        judged('j3', 'c1', 2), // answered, changed: 1, 2, 2 agree, the request closes
        judged('j1', 'c1', 2), // after it closed: a change of its own, not an answer
      ],
      kindOf,
    );
    expect(rescores).toEqual([
      { judge: 'j1', asked: 1, answered: 1, changed: 1, ownChanges: 2 },
      { judge: 'j2', asked: 1, answered: 1, changed: 0, ownChanges: 0 },
      { judge: 'j3', asked: 1, answered: 1, changed: 1, ownChanges: 1 },
    ]);
  });

  it('closes a request the chief resolved: a later score answers nothing', () => {
    const { rescores } = correctionFigures(
      [
        judged('j1', 'c1', 0),
        judged('j2', 'c1', 3),
        rescore('c1', ['j1', 'j2']),
        {
          type: 'discrepancy.resolved',
          at,
          actor: 'chief',
          competitor: 'c1',
          aspect: 'A1.J1',
          reason: 'descriptor read again',
        },
        judged('j1', 'c1', 3),
      ],
      kindOf,
    );
    expect(rescores[0]).toEqual({ judge: 'j1', asked: 1, answered: 0, changed: 0, ownChanges: 1 });
  });

  it('takes a correction (superseded mark) as the judge’s answer', () => {
    const { rescores } = correctionFigures(
      [
        judged('j1', 'c1', 0, 'first-j1'),
        judged('j2', 'c1', 3),
        rescore('c1', ['j1', 'j2']),
        {
          type: 'mark.superseded',
          at,
          actor: 'j1',
          markId: 'first-j1',
          reason: 'misread the descriptor',
          mark: {
            id: 'second-j1',
            competitor: 'c1',
            aspect: 'A1.J1',
            expert: 'j1',
            value: { kind: 'judgement', score: 2 },
          },
        },
      ],
      kindOf,
    );
    expect(rescores.find((r) => r.judge === 'j1')).toEqual({
      judge: 'j1',
      asked: 1,
      answered: 1,
      changed: 1,
      ownChanges: 1,
    });
    expect(rescores.find((r) => r.judge === 'j2')).toMatchObject({ asked: 1, answered: 0 });
  });

  it('never counts more answers than requests, nor more changes than answers, followed in parts or whole', () => {
    const event = fc.oneof(
      fc.record({
        judge: fc.constantFrom('j1', 'j2', 'j3'),
        score: fc.integer({ min: 0, max: 3 }),
      }),
      fc.constant('rescore' as const),
      fc.constant('resolve' as const),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (steps) => {
        const events = steps.map((step): CorrectionLogEvent => {
          if (step === 'rescore') return rescore('c1', ['j1', 'j2', 'j3']);
          if (step === 'resolve') {
            return {
              type: 'discrepancy.resolved',
              at,
              actor: 'chief',
              competitor: 'c1',
              aspect: 'A1.J1',
              reason: 'settled',
            };
          }
          return judged(step.judge, 'c1', step.score);
        });
        const requests = steps.filter((step) => step === 'rescore').length;
        const whole = correctionFigures(events, kindOf);
        // Followed in two parts, read in between (a live console): the same figures.
        const tracker = new CorrectionTracker(kindOf);
        const half = events.length >> 1;
        for (const event of events.slice(0, half)) tracker.follow(event);
        tracker.figures();
        for (const event of events.slice(half)) tracker.follow(event);
        expect(tracker.figures()).toEqual(whole);
        for (const figures of whole.rescores) {
          expect(figures.asked).toBe(requests);
          expect(figures.answered).toBeLessThanOrEqual(figures.asked);
          expect(figures.changed).toBeLessThanOrEqual(figures.answered);
          expect(figures.changed).toBeLessThanOrEqual(figures.ownChanges);
        }
      }),
    );
  });
});

describe('measurement corrections', () => {
  it('says whose measurement a teammate corrected or withdrew, by whom and why', () => {
    const measured = (expert: string, competitor: string, achieved: boolean, id?: string) =>
      recorded(expert, competitor, 'A1.M1', { kind: 'binary', achieved }, id);
    const { measurements } = correctionFigures(
      [
        measured('e1', 'c1', true, 'e1-c1'),
        measured('e1', 'c2', true, 'e1-c2'),
        measured('e1', 'c3', false, 'e1-c3'),
        {
          type: 'mark.superseded',
          at,
          actor: 'e2',
          markId: 'e1-c1',
          reason: 'the form does not submit',
          mark: {
            id: 'e2-c1',
            competitor: 'c1',
            aspect: 'A1.M1',
            expert: 'e2',
            value: { kind: 'binary', achieved: false },
          },
        },
        measured('e3', 'c2', false), // a teammate re-entered it: no reason written
        { type: 'mark.withdrawn', at, actor: 'e2', markId: 'e1-c3', reason: 'wrong competitor' },
        measured('e2', 'c4', true, 'e2-c4'),
        {
          type: 'mark.superseded',
          at,
          actor: 'e2',
          markId: 'e2-c4',
          reason: 'typo',
          mark: {
            id: 'e2-c4b',
            competitor: 'c4',
            aspect: 'A1.M1',
            expert: 'e2',
            value: { kind: 'binary', achieved: false },
          },
        },
      ],
      kindOf,
    );
    const e1 = measurements.find((m) => m.expert === 'e1')!;
    expect(e1).toMatchObject({ entered: 3, corrected: 3, selfCorrected: 0 });
    expect(e1.by).toEqual([
      { expert: 'e2', n: 2 },
      { expert: 'e3', n: 1 },
    ]);
    expect(
      e1.corrections.map(({ competitor, by, kind, reason }) => [competitor, by, kind, reason]),
    ).toEqual([
      ['c1', 'e2', 'corrected', 'the form does not submit'],
      ['c2', 'e3', 'corrected', null],
      ['c3', 'e2', 'withdrawn', 'wrong competitor'],
    ]);
    // e2 corrected its own entry: counted apart, never as a teammate's correction.
    expect(measurements.find((m) => m.expert === 'e2')).toMatchObject({
      entered: 3,
      corrected: 0,
      selfCorrected: 1,
    });
  });
});
