import { measurementSpecSchema, type MeasurementSpec } from './schema';

/**
 * The parameter string of a row of the CIS "Calculations" sheet, e.g.
 * `DEDUCTION_TYPE:::#x~x#UNIT#-#TARGET_VALUE:::0E-8#x~x##-#DIFFERENCE:::1.00000000#x~x##-#DEDUCTION:::0.25000000#x~x#`.
 * Pairs are separated by `#-#`, key and value by `:::`, and each value carries the `#x~x#` marker
 * (CIS puts it before text values and after numbers; the parser accepts it on either side).
 */

export const calculationTypes = ['REGULAR_DIFFERENCE_DEDUCTION', 'CHOICE'] as const;
export type CalculationType = (typeof calculationTypes)[number];

export type DeductionSpec = Extract<MeasurementSpec, { kind: 'deduction' }>;
export type ChoiceSpec = Extract<MeasurementSpec, { kind: 'choice' }>;
/** A measurement kind that CIS stores as a calculation (binary aspects have none). */
export type CalculatedSpec = DeductionSpec | ChoiceSpec;

const pairSeparator = '#-#';
const keySeparator = ':::';
const valueMarker = '#x~x#';

/** Why a parameter string cannot be used; `key` and `value` locate the problem inside the string. */
export type CalculationProblem =
  | 'malformed_pair'
  | 'missing_key'
  | 'not_a_number'
  | 'invalid_value'
  | 'too_few_choices'
  | 'unsupported_type'
  | 'unrepresentable';

export class CalculationFormatError extends Error {
  constructor(
    readonly problem: CalculationProblem,
    readonly key = '',
    readonly value = '',
  ) {
    super(`${problem}${key ? ` ${key}` : ''}${value ? ` "${value}"` : ''}`);
    this.name = 'CalculationFormatError';
  }
}

export function isCalculationType(type: string): type is CalculationType {
  return (calculationTypes as readonly string[]).includes(type);
}

/** Splits a parameter string into its key/value pairs, markers removed, in the written order. */
export function parseCalculationParameters(parameters: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const pair of parameters.trim().split(pairSeparator)) {
    if (pair === '') continue;
    const at = pair.indexOf(keySeparator);
    if (at <= 0) throw new CalculationFormatError('malformed_pair', '', pair);
    const key = pair.slice(0, at).trim();
    pairs.set(key, unwrapValue(pair.slice(at + keySeparator.length)));
  }
  return pairs;
}

function unwrapValue(raw: string): string {
  let value = raw;
  while (value.startsWith(valueMarker)) value = value.slice(valueMarker.length);
  while (value.endsWith(valueMarker)) value = value.slice(0, -valueMarker.length);
  return value;
}

/** Reads one Calculations row (type in B, parameters in D) as a measurement kind. */
export function parseCalculation(type: string, parameters: string): CalculatedSpec {
  if (!isCalculationType(type)) throw new CalculationFormatError('unsupported_type', '', type);
  const pairs = parseCalculationParameters(parameters);
  const spec = type === 'CHOICE' ? readChoice(pairs) : readDeduction(pairs);
  // The checks above name the offending key; this guards the model's own rules as well.
  if (!measurementSpecSchema.safeParse(spec).success)
    throw new CalculationFormatError('invalid_value');
  return spec;
}

function readDeduction(pairs: Map<string, string>): DeductionSpec {
  const unit = requireNumber(pairs, 'DIFFERENCE');
  if (unit <= 0)
    throw new CalculationFormatError('invalid_value', 'DIFFERENCE', pairs.get('DIFFERENCE'));
  const deduction = requireNumber(pairs, 'DEDUCTION');
  if (deduction < 0)
    throw new CalculationFormatError('invalid_value', 'DEDUCTION', pairs.get('DEDUCTION'));
  const spec: DeductionSpec = {
    kind: 'deduction',
    target: requireNumber(pairs, 'TARGET_VALUE'),
    unit,
    deduction,
  };
  const differenceType = pairs.get('DIFFERENCE_TYPE');
  if (differenceType) spec.differenceType = differenceType;
  const deductionType = pairs.get('DEDUCTION_TYPE');
  if (deductionType) spec.deductionType = deductionType;
  return spec;
}

function readChoice(pairs: Map<string, string>): ChoiceSpec {
  const options: ChoiceSpec['options'] = [];
  for (let n = 1; pairs.has(`CHOICE${n}_LABEL`) || pairs.has(`CHOICE${n}_DEDUCTION`); n++) {
    const labelKey = `CHOICE${n}_LABEL`;
    const label = pairs.get(labelKey);
    if (label === undefined) throw new CalculationFormatError('missing_key', labelKey);
    if (label.trim() === '') throw new CalculationFormatError('invalid_value', labelKey, label);
    const deductionKey = `CHOICE${n}_DEDUCTION`;
    const deduction = requireNumber(pairs, deductionKey);
    if (deduction < 0)
      throw new CalculationFormatError('invalid_value', deductionKey, pairs.get(deductionKey));
    options.push({ label, deduction });
  }
  if (options.length < 2)
    throw new CalculationFormatError('too_few_choices', 'CHOICE', String(options.length));
  return { kind: 'choice', options };
}

function requireNumber(pairs: Map<string, string>, key: string): number {
  const text = pairs.get(key);
  if (text === undefined) throw new CalculationFormatError('missing_key', key);
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new CalculationFormatError('not_a_number', key, text);
  return value;
}

/** Writes a measurement kind as a Calculations row; throws when CIS's format cannot carry it. */
export function serializeCalculation(spec: CalculatedSpec): {
  type: CalculationType;
  parameters: string;
} {
  const pairs: Array<[string, string]> = [];
  if (spec.kind === 'deduction') {
    if (spec.deductionType !== undefined) pairs.push(['DEDUCTION_TYPE', text(spec.deductionType)]);
    pairs.push(['TARGET_VALUE', decimal(spec.target)], ['DIFFERENCE', decimal(spec.unit)]);
    if (spec.differenceType !== undefined)
      pairs.push(['DIFFERENCE_TYPE', text(spec.differenceType)]);
    pairs.push(['DEDUCTION', decimal(spec.deduction)]);
  } else {
    spec.options.forEach((option, i) => {
      pairs.push([`CHOICE${i + 1}_LABEL`, text(option.label)]);
      pairs.push([`CHOICE${i + 1}_DEDUCTION`, decimal(option.deduction)]);
    });
  }
  const type = spec.kind === 'deduction' ? 'REGULAR_DIFFERENCE_DEDUCTION' : 'CHOICE';
  const parameters = pairs
    .map(([key, value]) => `${key}${keySeparator}${value}`)
    .join(pairSeparator);
  // CIS has no escaping: a label containing a separator would be read back differently.
  if (!readsBackAs(type, parameters, spec)) {
    throw new CalculationFormatError('unrepresentable', '', parameters);
  }
  return { type, parameters };
}

function readsBackAs(type: CalculationType, parameters: string, spec: CalculatedSpec): boolean {
  try {
    return sameSpec(parseCalculation(type, parameters), spec);
  } catch (error) {
    if (error instanceof CalculationFormatError) return false;
    throw error;
  }
}

function text(value: string): string {
  return `${valueMarker}${value}`;
}

/** CIS writes 8 decimal places (zero as `0E-8`); values needing more keep full precision. */
function decimal(value: number): string {
  if (value === 0) return `0E-8${valueMarker}`;
  const fixed = value.toFixed(8);
  return `${Number(fixed) === value ? fixed : String(value)}${valueMarker}`;
}

/** True when two measurement kinds mark every result the same way and export identically. */
export function sameSpec(a: MeasurementSpec | undefined, b: MeasurementSpec | undefined): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(spec: MeasurementSpec | undefined): unknown {
  if (!spec) return null;
  switch (spec.kind) {
    case 'binary':
      return ['binary'];
    case 'deduction':
      return [
        'deduction',
        spec.target,
        spec.unit,
        spec.deduction,
        spec.differenceType ?? null,
        spec.deductionType ?? null,
      ];
    case 'choice':
      return ['choice', spec.options.map((o) => [o.label, o.deduction])];
  }
}

/** The largest deduction a calculation can take from an aspect (one difference unit, or the worst option). */
export function largestDeduction(spec: CalculatedSpec): number {
  return spec.kind === 'deduction'
    ? spec.deduction
    : Math.max(...spec.options.map((o) => o.deduction));
}
