import { describe, expect, it } from 'vitest';
import {
  almatyStamp,
  blockersBySubCriterion,
  boardLabel,
  emptyResultsRecord,
  followResults,
  isFinal,
  publicationBlockers,
  resultsStage,
} from './lifecycle';

const lock = (subCriterion: string, locked: boolean, signed: string[] = []) => ({
  subCriterion,
  locked,
  signOffs: signed.map((expert) => ({ expert, at: '2026-05-14T05:00:00Z', actor: expert })),
});

describe('publicationBlockers', () => {
  it('lists every sub-criterion not locked and every panel expert who has not signed off', () => {
    const panels = new Map([
      ['A1', ['e1', 'e2']],
      ['A2', ['e3']],
    ]);
    expect(
      publicationBlockers(
        [lock('A1', true, ['e1']), lock('A2', false), lock('B1', true, ['e4'])],
        panels,
      ),
    ).toEqual([
      { reason: 'sign_off_missing', subCriterion: 'A1', expert: 'e2' },
      { reason: 'not_locked', subCriterion: 'A2' },
    ]);
  });

  it('wants at least one sign-off where no panel is set, and nothing when all is done', () => {
    expect(publicationBlockers([lock('A1', true)], new Map())).toEqual([
      { reason: 'sign_off_missing', subCriterion: 'A1', expert: '' },
    ]);
    expect(publicationBlockers([lock('A1', true, ['e1'])], new Map([['A1', ['e1']]]))).toEqual([]);
  });
});

describe('the results lifecycle', () => {
  const published = (at: string) => ({ type: 'results.published', at, actor: 'chief' });
  const unlocked = (at: string) => ({
    type: 'subCriterion.unlocked',
    at,
    actor: 'chief',
    data: { subCriterion: 'A1', reason: 'wrong template' },
  });

  it('goes marking, locked, final, correcting, corrected', () => {
    let record = emptyResultsRecord();
    expect(resultsStage(record, 2)).toBe('marking');
    expect(resultsStage(record, 0)).toBe('locked');
    // An unlock before the first publication is ordinary marking work, not a correction.
    record = followResults(record, unlocked('2026-05-14T04:00:00Z'));
    expect(record.corrections).toEqual([]);
    record = followResults(record, published('2026-05-14T06:00:00Z'));
    expect(resultsStage(record, 0)).toBe('final');
    record = followResults(record, unlocked('2026-05-14T07:00:00Z'));
    expect(resultsStage(record, 1)).toBe('correcting');
    expect(isFinal(resultsStage(record, 1))).toBe(false);
    record = followResults(record, published('2026-05-14T08:00:00Z'));
    expect(resultsStage(record, 0)).toBe('corrected');
    expect(isFinal('corrected')).toBe(true);
    expect(record).toEqual({
      published: { at: '2026-05-14T08:00:00Z', actor: 'chief' },
      firstPublishedAt: '2026-05-14T06:00:00Z',
      corrections: [
        {
          at: '2026-05-14T07:00:00Z',
          actor: 'chief',
          subCriterion: 'A1',
          reason: 'wrong template',
        },
      ],
    });
  });
});

describe('almatyStamp', () => {
  it('prints the time in Asia/Almaty as dd.mm.yyyy HH:mm', () => {
    expect(almatyStamp('2026-05-14T08:05:00Z')).toBe('14.05.2026 13:05');
  });
});

describe('boardLabel', () => {
  const board = {
    published: false,
    stage: 'marking' as const,
    correctedAt: null,
    policy: 'locked' as const,
    rows: null,
    locked: { count: 0, of: 12 },
    frozenAt: null,
  };

  it('says when the locked policy has nothing to show, and how much is locked', () => {
    expect(boardLabel(board)).toEqual({ key: 'nothingLocked', of: 12 });
    expect(boardLabel({ ...board, rows: [], locked: { count: 3, of: 12 } })).toEqual({
      key: 'locked',
      count: 3,
      of: 12,
    });
  });

  it('names final, corrected, correcting, frozen, embargoed and live boards', () => {
    expect(boardLabel({ ...board, published: true, stage: 'final' })).toEqual({ key: 'final' });
    expect(
      boardLabel({
        ...board,
        published: true,
        stage: 'corrected',
        correctedAt: '2026-05-14T08:05:00Z',
      }),
    ).toEqual({ key: 'corrected', time: '14.05.2026 13:05' });
    expect(boardLabel({ ...board, stage: 'correcting' })).toEqual({ key: 'correcting' });
    expect(boardLabel({ ...board, policy: 'live', frozenAt: '2026-05-14T08:05:00Z' })).toEqual({
      key: 'frozen',
      time: '13:05',
    });
    expect(boardLabel({ ...board, policy: 'embargo' })).toEqual({ key: 'embargo' });
    expect(boardLabel({ ...board, policy: 'live' })).toEqual({ key: 'live' });
  });
});

describe('blockersBySubCriterion', () => {
  it('gives a line per sub-criterion in the order given: not locked, or sign-offs missing', () => {
    expect(
      blockersBySubCriterion([
        { reason: 'not_locked', subCriterion: 'A2' },
        { reason: 'sign_off_missing', subCriterion: 'B1', expert: 'e1' },
        { reason: 'sign_off_missing', subCriterion: 'B1', expert: 'e2' },
      ]),
    ).toEqual([
      { subCriterion: 'A2', notLocked: true, signOffsMissing: 0 },
      { subCriterion: 'B1', notLocked: false, signOffsMissing: 2 },
    ]);
    expect(blockersBySubCriterion([])).toEqual([]);
  });
});
