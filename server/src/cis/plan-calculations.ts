import {
  CalculationFormatError,
  sameSpec,
  serializeCalculation,
  type Aspect,
  type CalculatedSpec,
  type CalculationType,
  type Language,
  type MarkingScheme,
} from '@ashyq/shared';
import { WorkbookError, workbookText } from './problems';

export type CalculationRows = Map<string, { type: CalculationType; parameters: string }>;

function calculatedSpec(aspect: Aspect): CalculatedSpec | undefined {
  const spec = aspect.type === 'M' ? aspect.measurement : undefined;
  return spec?.kind === 'deduction' || spec?.kind === 'choice' ? spec : undefined;
}

/**
 * The Calculations rows that importWorkbook resolves back to the same measurement kinds.
 * A reusable name (`Deduct .25`) gets one row; an aspect whose kind differs from its name's row,
 * or that has no name, gets a row named after its code (`B4.M5`), which the importer prefers.
 * Refuses a scheme where some aspect would read another aspect's row, or a label CIS cannot carry.
 */
export function planCalculations(scheme: MarkingScheme, language: Language): CalculationRows {
  const aspects = scheme.criteria
    .flatMap((c) => c.subCriteria.flatMap((s) => s.aspects))
    .filter((a) => a.type === 'M');
  const specs = new Map<string, CalculatedSpec>();
  for (const aspect of aspects) {
    const spec = calculatedSpec(aspect);
    if (spec && aspect.calculation !== undefined && !specs.has(aspect.calculation)) {
      specs.set(aspect.calculation, spec);
    }
  }
  for (const aspect of aspects) {
    const spec = calculatedSpec(aspect);
    const named = aspect.calculation === undefined ? undefined : specs.get(aspect.calculation);
    if (spec && !specs.has(aspect.code) && !sameSpec(named, spec)) specs.set(aspect.code, spec);
  }

  // The importer looks up the aspect's code first, then the name in its calculation column.
  const nameReadBy = (aspect: Aspect) =>
    specs.has(aspect.code) ? aspect.code : aspect.calculation;
  for (const aspect of aspects) {
    const name = nameReadBy(aspect);
    if (!sameSpec(name === undefined ? undefined : specs.get(name), calculatedSpec(aspect))) {
      const params = { aspect: aspect.code, name: name ?? '' };
      throw new WorkbookError('calculation_name_conflict', params, {}, language);
    }
  }

  const rows: CalculationRows = new Map();
  for (const [name, spec] of specs) {
    try {
      rows.set(name, serializeCalculation(spec));
    } catch (error) {
      if (!(error instanceof CalculationFormatError)) throw error;
      const aspect = aspects.find((a) => nameReadBy(a) === name)!.code;
      const detail = workbookText(language, `calculation.${error.problem}`, {
        key: error.key,
        value: error.value,
      });
      throw new WorkbookError('calculation_unrepresentable', { aspect, detail }, {}, language);
    }
  }
  return rows;
}
