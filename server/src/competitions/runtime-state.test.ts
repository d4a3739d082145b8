import { parseScoringEvent, type MarkEntry } from '@ashyq/shared';
import { describe, expect, it } from 'vitest';
import { markRecordedDraft, scoringDraft } from './runtime-state';

const mark: MarkEntry = {
  id: 'tablet-7_000042',
  competitor: 'c-03',
  aspect: 'A1.M4',
  expert: 'expert-2',
  value: { kind: 'judgement', score: 2 },
};

describe('markRecordedDraft', () => {
  it('is the draft scoringDraft makes, and stamped by the log it is a valid scoring event', () => {
    const draft = markRecordedDraft(mark);
    expect(draft).toEqual(scoringDraft('mark.recorded', mark.expert, { mark }).draft);
    const at = new Date().toISOString();
    const stamped = { ...(draft.data as object), type: draft.type, actor: draft.actor, at };
    expect(parseScoringEvent(stamped).success).toBe(true);
  });

  it('refuses what scoringDraft refuses: a short id, no expert, a score of 4', () => {
    const bad: MarkEntry[] = [
      { ...mark, id: 'm1' },
      { ...mark, expert: '' },
      { ...mark, value: { kind: 'judgement', score: 4 } },
    ];
    for (const wrong of bad) {
      expect(() => scoringDraft('mark.recorded', wrong.expert, { mark: wrong })).toThrow(
        RangeError,
      );
      expect(() => markRecordedDraft(wrong)).toThrow(/invalid mark.recorded event/);
    }
  });
});
