import { getProfile, parseScoringEvent, type MarkEntry, type ScoringEvent } from '@ashyq/shared';
import { judged, sampleScheme } from '@ashyq/shared/scoring/fixtures';
import { describe, expect, it } from 'vitest';
import { fromRecipe } from '../events/snapshot-thread';
import {
  markRecordedDraft,
  runtimeProjection,
  scoringDraft,
  type RuntimeState,
} from './runtime-state';
import type { Projection } from '../events/event-log';

// A judgement mark as the scoring engine's fixtures write it.
const recordedMark = judged('42', 'c-03', 'A1.M4', 'expert-2', 2);
const mark: MarkEntry = (recordedMark as Extract<ScoringEvent, { type: 'mark.recorded' }>).mark;

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

describe('the runtime projection on the snapshot thread', () => {
  it('is built there from plain data, under the same name', async () => {
    const setup = {
      scheme: sampleScheme(),
      profile: getProfile('wsk-championship@2024')!,
      schemeVersion: 3,
    };
    const projection = runtimeProjection(setup);
    // What the thread is sent is copied by structured cloning: plain data only.
    const recipe = structuredClone(projection.recipe!);
    const onThread = await fromRecipe<Projection<RuntimeState>>(recipe);
    expect(onThread.name).toBe(projection.name);
    expect(onThread.toSnapshot!(onThread.initial())).toEqual(
      projection.toSnapshot!(projection.initial()),
    );
  });

  it('has no recipe for a profile the registry does not ship, so it is snapshotted here', () => {
    const madeUp = { ...getProfile('wsk-championship@2024')!, id: 'made-up@1' };
    const projection = runtimeProjection({
      scheme: sampleScheme(),
      profile: madeUp,
      schemeVersion: 1,
    });
    expect(projection.recipe).toBeUndefined();
  });
});
