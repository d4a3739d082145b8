import {
  aspectCodeSchema,
  CalculationFormatError,
  isCalculationType,
  largestDeduction,
  markDifference,
  parseCalculation,
  sameSpec,
  type CalculatedSpec,
} from '@ashyq/shared';
import { calculationColumns } from './layout';
import { formatMark, workbookText } from './problems';
import { calculationCell, type AspectRead } from './read-blocks';
import type { SheetReader } from './sheet-reader';

/** One row of the "Calculations" sheet. `spec` is absent for a type Ashyq does not know. */
interface CalculationRow {
  name: string;
  row: number;
  spec?: CalculatedSpec;
  used: boolean;
}

export function readCalculations(reader: SheetReader | undefined): Map<string, CalculationRow> {
  const rows = new Map<string, CalculationRow>();
  if (!reader) return rows;
  const { name: nameColumn, type: typeColumn, parameters: parametersColumn } = calculationColumns;
  for (let row = 1; row <= reader.lastRow; row++) {
    const name = reader.text(row, nameColumn);
    const type = reader.text(row, typeColumn);
    // Header and note rows have no CIS type (an upper-case identifier) in B.
    if (!name || !type || !/^[A-Z][A-Z0-9_]+$/.test(type)) continue;
    const calculation: CalculationRow = { name, row, used: false };
    if (isCalculationType(type)) {
      const parameters = reader.text(row, parametersColumn) ?? '';
      try {
        calculation.spec = parseCalculation(type, parameters);
      } catch (error) {
        if (!(error instanceof CalculationFormatError)) throw error;
        const detail = workbookText(reader.context.language, `calculation.${error.problem}`, {
          key: error.key,
          value: error.value,
        });
        reader.fail('calculation_invalid', { name, detail }, parametersColumn, row);
      }
    } else {
      reader.warn('calculation_type_unsupported', { name, type }, typeColumn, row);
    }
    const earlier = rows.get(name);
    if (earlier) {
      if (!sameSpec(earlier.spec, calculation.spec))
        reader.fail('calculation_duplicate', { name }, nameColumn, row);
      continue;
    }
    rows.set(name, calculation);
  }
  return rows;
}

/**
 * Gives each measurement aspect its calculation. A row named after the aspect (`B4.M5`) wins over
 * the name in the aspect's calculation column (a reusable name such as `Deduct .25`).
 */
export function applyCalculations(
  aspects: AspectRead[],
  calculations: Map<string, CalculationRow>,
  schemeReader: SheetReader,
  calculationsReader: SheetReader | undefined,
): void {
  // One warning per calculation name, listing every aspect that names it.
  const warnAtAspect = (
    code: 'calculation_on_judgement' | 'calculation_missing',
    read: AspectRead,
    name: string,
  ) => {
    const cell = calculationCell(read);
    if (cell) schemeReader.context.tally(schemeReader.name, code, cell, { name });
    else schemeReader.warn(code, { name, count: 1, cells: read.aspect.code });
  };
  for (const read of aspects) {
    const { aspect } = read;
    const byCode = calculations.get(aspect.code);
    const byName =
      aspect.calculation === undefined ? undefined : calculations.get(aspect.calculation);
    for (const row of [byCode, byName]) if (row) row.used = true;
    if (aspect.type === 'J') {
      if (aspect.calculation !== undefined || byCode) {
        warnAtAspect('calculation_on_judgement', read, aspect.calculation ?? aspect.code);
      }
      continue;
    }
    const chosen = byCode ?? byName;
    if (!chosen) {
      if (aspect.calculation !== undefined)
        warnAtAspect('calculation_missing', read, aspect.calculation);
      continue;
    }
    if (!chosen.spec) continue;
    aspect.measurement = structuredClone(chosen.spec);
    const deduction = largestDeduction(chosen.spec);
    if (deduction > aspect.maxMark && markDifference(deduction, aspect.maxMark) > 0) {
      calculationsReader?.warn(
        'deduction_exceeds_max',
        {
          name: chosen.name,
          aspect: aspect.code,
          deduction: formatMark(deduction),
          maxMark: formatMark(aspect.maxMark),
        },
        calculationColumns.parameters,
        chosen.row,
      );
    }
  }
  for (const row of calculations.values()) {
    if (row.used || !calculationsReader) continue;
    const code = aspectCodeSchema.safeParse(row.name).success
      ? 'calculation_points_nowhere'
      : 'calculation_unused';
    calculationsReader.warn(code, { name: row.name }, calculationColumns.name, row.row);
  }
}
