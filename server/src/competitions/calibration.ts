import {
  CALIBRATION_CLOSED,
  CALIBRATION_OPENED,
  CALIBRATION_RECORDED,
  calibrationViewFor,
  checkCalibrationOpen,
  checkCalibrationRecord,
  foldCalibration,
  openRound,
  type CalibrationRefusal,
  type CalibrationView,
} from '@ashyq/shared';
import { DomainError, t } from '../domain/errors';
import type { CompetitionRuntime } from './runtime';

/**
 * The calibration round of a competition (docs/judge-analytics.md): the chief opens it on a few
 * judgement aspects of a sample, every judge scores it blind, the chief closes it and everybody
 * sees the spread. Its events are runtime events the engine never reads, on a competitor that is
 * never registered, so no result, board or expert view of real marking can change.
 */

const refused = (refusal: CalibrationRefusal): DomainError =>
  new DomainError('validation_failed', {}, (lang) => [
    {
      path: 'calibration',
      code: refusal.key,
      message: t(lang, `calibration.${refusal.key}`, {
        aspects: (refusal.aspects ?? []).join(', '),
      }),
    },
  ]);

/** Opens a round on the chosen judgement aspects of a named sample (chief only, checked by the route). */
export async function openCalibration(
  runtime: CompetitionRuntime,
  actor: string,
  sample: string,
  aspects: readonly string[],
): Promise<void> {
  const chosen = [...new Set(aspects)];
  const isJudgement = (code: string) =>
    runtime.state.scoring.index.aspectByCode.get(code)?.kind === 'judgement';
  await runtime.calibrate((events) => {
    const state = foldCalibration(events);
    const refusal = checkCalibrationOpen(state, chosen, isJudgement);
    if (refusal) throw refused(refusal);
    const round = state.rounds.length + 1;
    return [{ type: CALIBRATION_OPENED, actor, data: { round, sample, aspects: chosen } }];
  });
}

/** A judge's blind score on one aspect of the open round; a later score replaces its earlier one. */
export async function recordCalibration(
  runtime: CompetitionRuntime,
  expert: string,
  aspect: string,
  value: number,
): Promise<void> {
  await runtime.calibrate((events) => {
    const state = foldCalibration(events);
    const refusal = checkCalibrationRecord(state, aspect);
    if (refusal) throw refused(refusal);
    const round = openRound(state)!.round;
    return [{ type: CALIBRATION_RECORDED, actor: expert, data: { round, aspect, expert, value } }];
  });
}

/** Closes the open round: from then on the judges see the figures too. */
export async function closeCalibration(runtime: CompetitionRuntime, actor: string): Promise<void> {
  await runtime.calibrate((events) => {
    const round = openRound(foldCalibration(events));
    if (!round) throw refused({ key: 'noOpenRound' });
    return [{ type: CALIBRATION_CLOSED, actor, data: { round: round.round } }];
  });
}

/** The latest round as a reader may see it: a judge blind while it is open, staff always. */
export async function calibrationView(
  runtime: CompetitionRuntime,
  reader: { expert: string } | { staff: true },
): Promise<CalibrationView | null> {
  return calibrationViewFor(foldCalibration(await runtime.events({ kind: 'calibration' })), reader);
}
