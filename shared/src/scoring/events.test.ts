import { describe, expect, it } from 'vitest';
import { parseScoringEvent } from './events';

const at = '2026-05-14T09:30:00+05:00';
const mark = {
  id: 'mk_00000001',
  competitor: 'c1',
  aspect: 'A1.J1',
  expert: 'e1',
  value: { kind: 'judgement', score: 2 },
};

describe('scoring events', () => {
  it('accepts every event type in its documented shape', () => {
    const events = [
      {
        type: 'competitor.registered',
        at,
        actor: 'org',
        competitor: { id: 'c9', guest: true, delegations: { region: 'almaty' } },
      },
      {
        type: 'competitor.status',
        at,
        actor: 'chief',
        competitor: 'c1',
        status: 'withdrawn',
        reason: 'illness',
      },
      { type: 'mark.recorded', at, actor: 'e1', mark },
      {
        type: 'mark.superseded',
        at,
        actor: 'chief',
        markId: 'mk_00000001',
        mark: { ...mark, id: 'mk_00000002' },
        reason: 'typo',
      },
      {
        type: 'mark.withdrawn',
        at,
        actor: 'chief',
        markId: 'mk_00000002',
        reason: 'wrong competitor',
      },
      {
        type: 'discrepancy.resolved',
        at,
        actor: 'chief',
        competitor: 'c1',
        aspect: 'A1.J1',
        reason: 'panel agreed',
      },
      { type: 'subCriterion.locked', at, actor: 'chief', subCriterion: 'A1' },
      { type: 'subCriterion.unlocked', at, actor: 'chief', subCriterion: 'A1', reason: 'appeal' },
      { type: 'subCriterion.signedOff', at, actor: 'e1', subCriterion: 'A1', expert: 'e1' },
      { type: 'results.published', at, actor: 'chief' },
    ];
    for (const event of events) expect(parseScoringEvent(event).success, event.type).toBe(true);
  });

  it('says where an event is wrong', () => {
    const result = parseScoringEvent({
      type: 'mark.recorded',
      at,
      actor: 'e1',
      mark: { ...mark, value: { kind: 'judgement', score: 4 } },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['mark', 'value', 'score']);
  });

  it('requires a reason for unlocks and corrections, and an offset on the time', () => {
    expect(
      parseScoringEvent({
        type: 'subCriterion.unlocked',
        at,
        actor: 'chief',
        subCriterion: 'A1',
        reason: ' ',
      }).success,
    ).toBe(false);
    expect(
      parseScoringEvent({ type: 'mark.withdrawn', at, actor: 'chief', markId: 'mk_00000002' })
        .success,
    ).toBe(false);
    expect(
      parseScoringEvent({ type: 'results.published', at: '2026-05-14 09:30', actor: 'chief' })
        .success,
    ).toBe(false);
  });

  it('refuses unknown event types', () => {
    expect(parseScoringEvent({ type: 'mark.deleted', at, actor: 'x' }).success).toBe(false);
  });
});
