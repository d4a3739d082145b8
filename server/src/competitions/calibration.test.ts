import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listProfiles, type ScoringEvent } from '@ashyq/shared';
import { fullMarks, sampleScheme } from '@ashyq/shared/scoring/fixtures';
import type { StoredEvent } from '../store/port';
import { runtimeProjection } from './runtime-state';

/** A scoring event as the log stores it: its own fields under `data`. */
const stored = (event: ScoringEvent, seq: number): StoredEvent => {
  const { type, at, actor, ...data } = event;
  return { stream: 'c', seq, at, actor, type, data: data as never, prevHash: '', hash: '' };
};

const calibration = (type: string, data: object, seq: number): StoredEvent => ({
  stream: 'c',
  seq,
  at: '2026-05-13T04:00:00.000Z',
  actor: 'chief',
  type,
  data: data as never,
  prevHash: '',
  hash: '',
});

const real: ScoringEvent[] = [
  ...['p1', 'p2'].map((id): ScoringEvent => ({
    type: 'competitor.registered',
    at: '2026-05-14T03:00:00.000Z',
    actor: 'org',
    competitor: { id, guest: false, delegations: { region: id === 'p1' ? 'almaty' : 'abai' } },
  })),
  ...fullMarks('p1', '1', { layout: 2 }),
  ...fullMarks('p2', '2', { forms: 1 }),
];

const calibrationEvent = fc.oneof(
  fc.constant([
    'calibration.opened',
    { round: 1, sample: 'Sample A', aspects: ['A1.J1'] },
  ] as const),
  fc
    .record({ expert: fc.constantFrom('e1', 'e2', 'e3'), value: fc.integer({ min: 0, max: 3 }) })
    .map(
      ({ expert, value }) =>
        ['calibration.recorded', { round: 1, aspect: 'A1.J1', expert, value }] as const,
    ),
  fc.constant(['calibration.closed', { round: 1 }] as const),
  // A trainee's score (docs/judge-analytics.md): on a real competitor, never counted.
  fc
    .record({
      id: fc.constantFrom('tr-mark-1', 'tr-mark-2', 'tr-mark-3'),
      competitor: fc.constantFrom('p1', 'p2'),
      score: fc.integer({ min: 0, max: 3 }),
    })
    .map(
      ({ id, competitor, score }) =>
        ['trainee.scored', { mark: { id, competitor, aspect: 'A1.J1', score } }] as const,
    ),
);

describe('calibration and trainee events and the competition projection', () => {
  it('leave the projection, its snapshot, board and results exactly as without them (property)', () => {
    const profile = listProfiles()[0]!;
    const setup = { scheme: sampleScheme(), profile, schemeVersion: 1 };
    const replay = (events: StoredEvent[]) => {
      const projection = runtimeProjection(setup);
      let state = projection.initial();
      for (const event of events) state = projection.apply(state, event);
      // Trainees' scores are kept beside the engine's state, in a part of their own.
      const { trainees, ...rest } = projection.toSnapshot!(state) as Record<string, unknown>;
      expect(JSON.stringify(trainees)).not.toContain('"mk_');
      return JSON.stringify(rest);
    };
    const plain = replay(real.map((event, i) => stored(event, i + 1)));
    // The real marks are in it: the property compares a marked competition, not an empty one.
    expect(plain).toContain('mk_00000130');
    expect(plain).not.toContain('calibration');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(real.length), calibrationEvent), { maxLength: 12 }),
        (inserts) => {
          const events: StoredEvent[] = real.map((event, i) => stored(event, i + 1));
          for (const [at, [type, data]] of inserts) {
            events.splice(Math.min(at, events.length), 0, calibration(type, data, 0));
          }
          expect(replay(events)).toBe(plain);
        },
      ),
      { numRuns: 50 },
    );
  });
});
