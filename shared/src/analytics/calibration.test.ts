import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibrationFigures,
  calibrationViewFor,
  checkCalibrationOpen,
  checkCalibrationRecord,
  foldCalibration,
  type CalibrationLogEvent,
} from './calibration';

const at = '2026-03-10T05:00:00.000Z';
const opened = (round: number, aspects: string[]): CalibrationLogEvent => ({
  type: 'calibration.opened',
  at,
  data: { round, sample: 'Sample A', aspects },
});
const recorded = (
  round: number,
  aspect: string,
  expert: string,
  value: number,
): CalibrationLogEvent => ({
  type: 'calibration.recorded',
  at,
  data: { round, aspect, expert, value },
});
const closed = (round: number): CalibrationLogEvent => ({
  type: 'calibration.closed',
  at,
  data: { round },
});

/** docs/judge-analytics.md, the calibration worked example: four judges on two aspects of Sample A. */
const example = (): CalibrationLogEvent[] => [
  opened(1, ['B1.J1', 'B2.J1']),
  { type: 'mark.recorded', at, data: {} },
  recorded(1, 'B1.J1', 'e1', 2),
  recorded(1, 'B1.J1', 'e2', 2),
  recorded(1, 'B1.J1', 'e3', 1),
  recorded(1, 'B1.J1', 'e4', 3),
  recorded(1, 'B2.J1', 'e1', 1),
  recorded(1, 'B2.J1', 'e2', 1),
  recorded(1, 'B2.J1', 'e3', 0),
  recorded(1, 'B2.J1', 'e4', 1),
  recorded(1, 'B2.J1', 'e4', 3), // e4 changes its mind: the later score stands
];

describe('calibration round', () => {
  it('works the documented example', () => {
    const state = foldCalibration([...example(), closed(1)]);
    const round = state.rounds[0]!;
    expect(round.closedAt).toBe(at);
    const figures = calibrationFigures(round);
    expect(figures.aspects).toEqual([
      {
        aspect: 'B1.J1',
        n: 4,
        scores: [
          { expert: 'e1', value: 2 },
          { expert: 'e2', value: 2 },
          { expert: 'e3', value: 1 },
          { expert: 'e4', value: 3 },
        ],
        min: 1,
        max: 3,
        range: 2,
        median: 2,
      },
      {
        aspect: 'B2.J1',
        n: 4,
        scores: [
          { expert: 'e1', value: 1 },
          { expert: 'e2', value: 1 },
          { expert: 'e3', value: 0 },
          { expert: 'e4', value: 3 },
        ],
        min: 0,
        max: 3,
        range: 3,
        median: 1,
      },
    ]);
    const byJudge = Object.fromEntries(figures.judges.map((f) => [f.judge, f]));
    // e4: others' medians 2 and 1, so d = +1, +2: severity +1.5 over 2 cells, flagged lenient.
    expect(byJudge.e4!.cells).toBe(2);
    expect(byJudge.e4!.severity.mean).toBe(1.5);
    expect(byJudge.e4!.flag).toBe('lenient');
    // e3: others' medians 2 and 1, so d = -1, -1: severity -1, severe.
    expect(byJudge.e3!.severity.mean).toBe(-1);
    expect(byJudge.e3!.flag).toBe('severe');
    // e1: others' medians 2 and 1: in line.
    expect(byJudge.e1!.severity.mean).toBe(0);
    expect(byJudge.e1!.exact).toBe(1);
  });

  it('refuses an empty selection, a non-judgement aspect and a second open round', () => {
    const none = foldCalibration([]);
    const isJudgement = (aspect: string) => aspect.includes('.J');
    expect(checkCalibrationOpen(none, [], isJudgement)).toEqual({ key: 'noAspects' });
    expect(checkCalibrationOpen(none, ['B1.J1', 'A1.M1'], isJudgement)).toEqual({
      key: 'notJudgement',
      aspects: ['A1.M1'],
    });
    expect(checkCalibrationOpen(none, ['B1.J1'], isJudgement)).toBeNull();
    const open = foldCalibration([opened(1, ['B1.J1'])]);
    expect(checkCalibrationOpen(open, ['B1.J1'], isJudgement)).toEqual({ key: 'alreadyOpen' });
  });

  it('refuses a score with no open round, after close and off the round', () => {
    expect(checkCalibrationRecord(foldCalibration([]), 'B1.J1')).toEqual({ key: 'noOpenRound' });
    const open = foldCalibration([opened(1, ['B1.J1'])]);
    expect(checkCalibrationRecord(open, 'B2.J1')).toEqual({
      key: 'aspectNotInRound',
      aspects: ['B2.J1'],
    });
    expect(checkCalibrationRecord(open, 'B1.J1')).toBeNull();
    const shut = foldCalibration([opened(1, ['B1.J1']), closed(1)]);
    expect(checkCalibrationRecord(shut, 'B1.J1')).toEqual({ key: 'noOpenRound' });
  });

  it('keeps a judge blind to the others while the round is open', () => {
    const open = foldCalibration(example());
    const view = calibrationViewFor(open, { expert: 'e1' })!;
    expect(view.open).toBe(true);
    expect(view.mine).toEqual({ 'B1.J1': 2, 'B2.J1': 1 });
    expect(view.figures).toBeNull();
    expect(JSON.stringify(view)).not.toContain('e2');
    const staff = calibrationViewFor(open, { staff: true })!;
    expect(staff.figures?.aspects[0]?.n).toBe(4);
    const after = calibrationViewFor(foldCalibration([...example(), closed(1)]), { expert: 'e1' })!;
    expect(after.open).toBe(false);
    expect(after.figures?.aspects[1]?.range).toBe(3);
  });

  it('permuting the judges changes no judge figures (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 5 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 0, max: 1000 }),
        (rows, seed) => {
          const judges = Math.min(...rows.map((r) => r.length));
          const aspects = rows.map((_, i) => `B${i + 1}.J1`);
          const events = (order: number[]) => [
            opened(1, aspects),
            ...rows.flatMap((row, a) =>
              order.map((j) => recorded(1, aspects[a]!, `e${j + 1}`, row[j]!)),
            ),
            closed(1),
          ];
          const identity = Array.from({ length: judges }, (_, j) => j);
          const shuffled = [...identity].sort(
            (x, y) => ((x * 7919 + seed) % 13) - ((y * 7919 + seed) % 13),
          );
          const a = calibrationFigures(foldCalibration(events(identity)).rounds[0]!);
          const b = calibrationFigures(foldCalibration(events(shuffled)).rounds[0]!);
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
