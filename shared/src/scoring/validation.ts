import type { MarkingScheme } from '../scheme/schema';
import type { MarkEntry } from './marks';
import { reject, type Rejection } from './reasons';
import { indexScheme, type IndexedAspect } from './scheme-index';

/**
 * Whether a mark fits the marking scheme: the aspect exists, the value kind fits the aspect
 * (judgement score for J, the measurement kind for M) and a choice index names an option.
 * Returns null when it fits. Who may mark (assignment, compatriots) is checked by the server.
 */
export function validateMarkAgainstScheme(
  scheme: MarkingScheme,
  mark: Pick<MarkEntry, 'aspect' | 'value'>,
): Rejection | null {
  const aspect = indexScheme(scheme).aspectByCode.get(mark.aspect);
  if (!aspect) return reject('unknown_aspect', { aspect: mark.aspect });
  return checkValueFits(aspect, mark.value);
}

export function checkValueFits(aspect: IndexedAspect, value: MarkEntry['value']): Rejection | null {
  if (value.kind !== aspect.kind) {
    return reject('value_kind_mismatch', {
      aspect: aspect.code,
      expected: aspect.kind,
      got: value.kind,
    });
  }
  if (value.kind === 'choice') {
    const options =
      aspect.aspect.measurement?.kind === 'choice' ? aspect.aspect.measurement.options.length : 0;
    if (value.option >= options) {
      return reject('choice_option_unknown', {
        aspect: aspect.code,
        option: value.option,
        options,
      });
    }
  }
  return null;
}
