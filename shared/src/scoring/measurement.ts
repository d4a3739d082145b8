import type { Aspect } from '../scheme/schema';
import type { MarkValue } from './marks';
import { ScoringError } from './reasons';
import { MICRO, toMicro } from './rounding';

export type MarkValueKind = MarkValue['kind'];
export type MeasurementValue = Exclude<MarkValue, { kind: 'judgement' }>;

type MarkedAspect = Pick<Aspect, 'code' | 'type' | 'maxMark' | 'measurement'>;

/** The value kind an aspect accepts: judgement scores, or its measurement kind (binary when unset). */
export function valueKindOf(aspect: Pick<Aspect, 'type' | 'measurement'>): MarkValueKind {
  if (aspect.type === 'J') return 'judgement';
  return aspect.measurement?.kind ?? 'binary';
}

/**
 * The mark of a measurement aspect, at full precision, always within [0, max].
 * - binary: achieved -> max, otherwise 0;
 * - deduction: max - deduction * floor(|measured - target| / unit);
 * - choice: max - deduction of the chosen option.
 * Differences and multiples are taken in integer millionths so that float error cannot move a
 * floor (|0.3 - 0.1| / 0.1 counts 2 units, not 1).
 */
export function measurementMark(aspect: MarkedAspect, value: MeasurementValue): number {
  const expected = valueKindOf(aspect);
  if (value.kind !== expected) {
    throw new ScoringError('value_kind_mismatch', {
      aspect: aspect.code,
      expected,
      got: value.kind,
    });
  }
  const max = aspect.maxMark;
  const spec = aspect.measurement;
  switch (value.kind) {
    case 'binary':
      return value.achieved ? max : 0;
    case 'deduction': {
      if (spec?.kind !== 'deduction') return max;
      const unit = Math.max(1, toMicro(spec.unit));
      const steps = Math.floor(Math.abs(toMicro(value.measured) - toMicro(spec.target)) / unit);
      return markAfterDeduction(max, steps * toMicro(spec.deduction));
    }
    case 'choice': {
      const option = spec?.kind === 'choice' ? spec.options[value.option] : undefined;
      if (!option) {
        throw new ScoringError('choice_option_unknown', {
          aspect: aspect.code,
          option: value.option,
          options: spec?.kind === 'choice' ? spec.options.length : 0,
        });
      }
      return markAfterDeduction(max, toMicro(option.deduction));
    }
  }
}

function markAfterDeduction(max: number, deductionMicro: number): number {
  if (deductionMicro <= 0) return max;
  const mark = (toMicro(max) - deductionMicro) / MICRO;
  return Math.min(max, Math.max(0, mark));
}
