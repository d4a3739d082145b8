import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CalculationFormatError,
  largestDeduction,
  parseCalculation,
  parseCalculationParameters,
  sameSpec,
  serializeCalculation,
  type CalculatedSpec,
} from './calculations';

const cisDeduction =
  'DEDUCTION_TYPE:::#x~x#UNIT#-#TARGET_VALUE:::0E-8#x~x##-#DIFFERENCE:::1.00000000#x~x##-#DEDUCTION:::0.25000000#x~x#';

function problemOf(run: () => unknown): { problem: string; key: string; value: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof CalculationFormatError)
      return { problem: error.problem, key: error.key, value: error.value };
    throw error;
  }
  throw new Error('expected a CalculationFormatError');
}

describe('parseCalculation', () => {
  it('reads the REGULAR_DIFFERENCE_DEDUCTION string CIS writes', () => {
    expect(parseCalculation('REGULAR_DIFFERENCE_DEDUCTION', cisDeduction)).toEqual({
      kind: 'deduction',
      target: 0,
      unit: 1,
      deduction: 0.25,
      deductionType: 'UNIT',
    });
  });

  it('keeps DIFFERENCE_TYPE as written and accepts the marker on either side of a value', () => {
    const spec = parseCalculation(
      'REGULAR_DIFFERENCE_DEDUCTION',
      'TARGET_VALUE:::#x~x#12.5#-#DIFFERENCE:::0.5#x~x##-#DIFFERENCE_TYPE:::Percent#x~x##-#DEDUCTION:::0.1',
    );
    expect(spec).toEqual({
      kind: 'deduction',
      target: 12.5,
      unit: 0.5,
      deduction: 0.1,
      differenceType: 'Percent',
    });
  });

  it('reads CHOICE options in their order, with labels as written', () => {
    const parameters =
      'CHOICE1_LABEL:::#x~x#Full Marks#-#CHOICE1_DEDUCTION:::0E-8#x~x##-#' +
      'CHOICE2_LABEL:::#x~x#Частично / Ішінара#-#CHOICE2_DEDUCTION:::0.50000000#x~x##-#' +
      'CHOICE3_LABEL:::#x~x#No Marks#-#CHOICE3_DEDUCTION:::1.00000000#x~x#';
    expect(parseCalculation('CHOICE', parameters)).toEqual({
      kind: 'choice',
      options: [
        { label: 'Full Marks', deduction: 0 },
        { label: 'Частично / Ішінара', deduction: 0.5 },
        { label: 'No Marks', deduction: 1 },
      ],
    });
  });

  it('names the key and value that make a string unusable', () => {
    expect(
      problemOf(() =>
        parseCalculation('REGULAR_DIFFERENCE_DEDUCTION', 'TARGET_VALUE:::1#-#DEDUCTION:::0.25'),
      ),
    ).toEqual({
      problem: 'missing_key',
      key: 'DIFFERENCE',
      value: '',
    });
    expect(
      problemOf(() =>
        parseCalculation(
          'REGULAR_DIFFERENCE_DEDUCTION',
          'TARGET_VALUE:::1#-#DIFFERENCE:::one#-#DEDUCTION:::0.25',
        ),
      ),
    ).toEqual({ problem: 'not_a_number', key: 'DIFFERENCE', value: 'one' });
    expect(
      problemOf(() =>
        parseCalculation(
          'REGULAR_DIFFERENCE_DEDUCTION',
          'TARGET_VALUE:::1#-#DIFFERENCE:::0#-#DEDUCTION:::0.25',
        ),
      ),
    ).toMatchObject({ problem: 'invalid_value', key: 'DIFFERENCE' });
    expect(
      problemOf(() =>
        parseCalculation(
          'REGULAR_DIFFERENCE_DEDUCTION',
          'TARGET_VALUE:::1#-#DIFFERENCE:::1#-#DEDUCTION:::-1',
        ),
      ),
    ).toMatchObject({ problem: 'invalid_value', key: 'DEDUCTION' });
    expect(
      problemOf(() => parseCalculation('CHOICE', 'CHOICE1_LABEL:::Yes#-#CHOICE1_DEDUCTION:::0')),
    ).toMatchObject({
      problem: 'too_few_choices',
    });
    expect(
      problemOf(() =>
        parseCalculation(
          'CHOICE',
          'CHOICE1_LABEL:::Yes#-#CHOICE2_LABEL:::No#-#CHOICE2_DEDUCTION:::1',
        ),
      ),
    ).toMatchObject({
      problem: 'missing_key',
      key: 'CHOICE1_DEDUCTION',
    });
    expect(
      problemOf(() =>
        parseCalculation(
          'CHOICE',
          'CHOICE1_LABEL:::Yes#-#CHOICE1_DEDUCTION:::#x~x##-#CHOICE2_LABEL:::No#-#CHOICE2_DEDUCTION:::1',
        ),
      ),
    ).toMatchObject({ problem: 'not_a_number', key: 'CHOICE1_DEDUCTION' });
    expect(problemOf(() => parseCalculation('CHOICE', 'CHOICE1_LABEL Yes'))).toMatchObject({
      problem: 'malformed_pair',
    });
    expect(problemOf(() => parseCalculation('BINARY', ''))).toMatchObject({
      problem: 'unsupported_type',
      value: 'BINARY',
    });
  });

  it('splits a parameter string into pairs in the written order', () => {
    expect([...parseCalculationParameters(cisDeduction)]).toEqual([
      ['DEDUCTION_TYPE', 'UNIT'],
      ['TARGET_VALUE', '0E-8'],
      ['DIFFERENCE', '1.00000000'],
      ['DEDUCTION', '0.25000000'],
    ]);
  });
});

describe('serializeCalculation', () => {
  it('writes exactly what CIS writes', () => {
    const spec: CalculatedSpec = {
      kind: 'deduction',
      target: 0,
      unit: 1,
      deduction: 0.25,
      deductionType: 'UNIT',
    };
    expect(serializeCalculation(spec)).toEqual({
      type: 'REGULAR_DIFFERENCE_DEDUCTION',
      parameters: cisDeduction,
    });
  });

  it('keeps full precision where 8 decimals would round', () => {
    const spec: CalculatedSpec = { kind: 'deduction', target: 1 / 3, unit: 1e-9, deduction: 0.1 };
    const { type, parameters } = serializeCalculation(spec);
    expect(parseCalculation(type, parameters)).toEqual(spec);
  });

  it('refuses a label that contains a separator, since CIS cannot escape it', () => {
    const spec: CalculatedSpec = {
      kind: 'choice',
      options: [
        { label: 'Yes#-#No', deduction: 0 },
        { label: 'No', deduction: 1 },
      ],
    };
    expect(problemOf(() => serializeCalculation(spec)).problem).toBe('unrepresentable');
    const dash: CalculatedSpec = {
      kind: 'choice',
      options: [{ label: '-', deduction: 0 }, ...spec.options.slice(1)],
    };
    expect(problemOf(() => serializeCalculation(dash)).problem).toBe('unrepresentable');
  });

  it('reads back every kind it writes (property)', () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
      fc.double({ min: 0, max: 1e6, noNaN: true }).filter((v) => !Object.is(v, -0)),
    );
    // Labels CIS cannot carry are refused (tested above); "-" alone would run into the `#-#` after it.
    const label = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((s) => s.trim() !== '' && s !== '-' && !/#|:::/.test(s));
    const spec: fc.Arbitrary<CalculatedSpec> = fc.oneof(
      fc.record(
        {
          kind: fc.constant('deduction' as const),
          target: fc.oneof(
            amount,
            amount.map((v) => (v === 0 ? 0 : -v)),
          ),
          unit: amount.filter((v) => v > 0),
          deduction: amount,
          differenceType: fc.constantFrom('Number', 'Percent', 'Мм'),
          deductionType: fc.constantFrom('UNIT', 'PERCENT'),
        },
        { requiredKeys: ['kind', 'target', 'unit', 'deduction'] },
      ),
      fc.record({
        kind: fc.constant('choice' as const),
        options: fc.array(fc.record({ label, deduction: amount }), { minLength: 2, maxLength: 6 }),
      }),
    );
    fc.assert(
      fc.property(spec, (s) => {
        const { type, parameters } = serializeCalculation(s);
        expect(parseCalculation(type, parameters)).toEqual(s);
      }),
    );
  });
});

describe('sameSpec and largestDeduction', () => {
  it('compares kinds by what they mark, and finds the worst deduction', () => {
    const choice: CalculatedSpec = {
      kind: 'choice',
      options: [
        { label: 'Full Marks', deduction: 0 },
        { label: 'No Marks', deduction: 1.5 },
      ],
    };
    expect(sameSpec(choice, structuredClone(choice))).toBe(true);
    expect(sameSpec(choice, { ...choice, options: [...choice.options].reverse() })).toBe(false);
    expect(sameSpec(undefined, { kind: 'binary' })).toBe(false);
    expect(largestDeduction(choice)).toBe(1.5);
    expect(largestDeduction({ kind: 'deduction', target: 0, unit: 1, deduction: 0.25 })).toBe(0.25);
  });
});
