import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import type { MarkingScheme } from '@ashyq/shared';
import {
  buildCisWorkbook,
  cisWorkbook,
  type WorkbookKnobs,
} from '../../../test/fixtures/cis-workbook';
import { itNetworkScheme } from '../../../test/fixtures/schemes';
import { importWorkbook, type ImportOptions } from './import';
import { WorkbookError } from './problems';

const sheet = 'CIS Marking Scheme Import';

async function refusal(
  data: Uint8Array | Promise<Uint8Array>,
  options?: ImportOptions,
): Promise<WorkbookError> {
  try {
    await importWorkbook(await data, options);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookError);
    return error as WorkbookError;
  }
  throw new Error('the workbook was imported, expected a refusal');
}

async function refusalWith(knobs: WorkbookKnobs, scheme: MarkingScheme = itNetworkScheme) {
  const error = await refusal(cisWorkbook(scheme, knobs));
  return {
    code: error.code,
    sheet: error.sheet,
    cell: error.cell,
    params: error.params,
    message: error.message,
  };
}

function codesOf(warnings: Array<{ code: string }>): string[] {
  return warnings.map((w) => w.code);
}

describe('importWorkbook: a clean workbook', () => {
  it('gives back the scheme it was written from, with its report and no warnings', async () => {
    const { scheme, report, warnings } = await importWorkbook(await cisWorkbook(itNetworkScheme));
    expect(scheme).toEqual(itNetworkScheme);
    expect(warnings).toEqual([]);
    expect(report.skill).toEqual({ number: '39', name: 'IT Network Systems Administration' });
    expect(report.counts).toEqual({
      criteria: 5,
      subCriteria: 18,
      aspects: 99,
      measurement: 88,
      judgement: 11,
      days: 2,
    });
    expect(report.days).toEqual({ '1': 7, '2': 11 });
    expect(report.total).toBe(100);
    expect(report.criteria.map((c) => [c.id, c.maxMark, c.aspectTotal])).toEqual([
      ['A', 25, 25],
      ['B', 25, 25],
      ['C', 30, 30],
      ['D', 10, 10],
      ['E', 10, 10],
    ]);
    expect(report.sections.map((s) => [s.id, s.weight, s.aspectMarks, s.variation])).toEqual([
      ['1', 5, 4, 1],
      ['2', 10, 6, 4],
      ['3', 10, 10, 0],
      ['4', 45, 44.5, 0.5],
      ['5', 15, 16, 1],
      ['6', 15, 19.5, 4.5],
    ]);
    expect(report.totalVariation).toBe(11);
  });

  it('reads deduction and choice calculations, by reusable name and by aspect code', async () => {
    const { scheme } = await importWorkbook(await cisWorkbook(itNetworkScheme));
    const aspect = (code: string) =>
      scheme.criteria
        .flatMap((c) => c.subCriteria.flatMap((s) => s.aspects))
        .find((a) => a.code === code)!;
    expect(aspect('A2.M1')).toMatchObject({
      calculation: 'Deduct .25',
      measurement: {
        kind: 'deduction',
        target: 0,
        unit: 1,
        deduction: 0.25,
        deductionType: 'UNIT',
      },
    });
    expect(aspect('A3.M6').calculation).toBeUndefined();
    expect(aspect('A3.M6').measurement).toEqual({
      kind: 'deduction',
      target: 2,
      unit: 0.5,
      deduction: 0.25,
      differenceType: 'Number',
    });
    expect(aspect('A3.M5').measurement?.kind).toBe('choice');
    expect(aspect('A1.M1').measurement).toBeUndefined();
  });

  it('finds the blocks by their header text wherever they are', async () => {
    const shifted = await cisWorkbook(itNetworkScheme, {
      sectionMarksHeader: 'WSSS Marks',
      edit: (s) => s.spliceRows(3, 0, [], ['Checked by the chief expert'], []),
    });
    expect((await importWorkbook(shifted)).scheme).toEqual(itNetworkScheme);
  });
});

describe('importWorkbook: workbooks as found in the wild', () => {
  it('recomputes stale typed-in section totals and reports both figures where they differ', async () => {
    const { buffer, layout } = await buildCisWorkbook(itNetworkScheme, {
      staleSections: { '2': { aspectMarks: 7 } },
    });
    const { report, warnings } = await importWorkbook(buffer);
    const row = layout.sectionRow['2'];
    expect(warnings).toEqual([
      {
        sheet,
        cell: `J${row}`,
        code: 'section_aspect_marks_stale',
        message: 'Section 2: the workbook says 7 aspect marks, the aspects add up to 6',
        params: { section: '2', found: '7', computed: '6' },
      },
      expect.objectContaining({
        cell: `K${row}`,
        code: 'section_variation_stale',
        params: { section: '2', found: '3', computed: '4' },
      }),
    ]);
    expect(report.sections[1]).toMatchObject({ aspectMarks: 6, variation: 4 });
  });

  it('skips the check when totals are formulas that were never calculated', async () => {
    const { scheme, warnings } = await importWorkbook(
      await cisWorkbook(itNetworkScheme, { uncalculatedFormulas: true }),
    );
    expect(scheme).toEqual(itNetworkScheme);
    expect(warnings).toEqual([]);
  });

  it('reports a stale block total', async () => {
    const { buffer, layout } = await buildCisWorkbook(itNetworkScheme, { blockTotals: { C: 31 } });
    const { warnings } = await importWorkbook(buffer);
    expect(warnings).toMatchObject([
      {
        code: 'block_total_stale',
        cell: `N${layout.blockHeaderRow.C}`,
        params: { criterion: 'C', found: '31', computed: '30' },
      },
    ]);
  });

  it('ignores the empty blocks templates have for unused criteria letters', async () => {
    const { scheme, warnings } = await importWorkbook(
      await cisWorkbook(itNetworkScheme, { emptyBlocks: ['F', 'G', 'H'] }),
    );
    expect(scheme).toEqual(itNetworkScheme);
    expect(warnings).toEqual([]);
  });

  it('reads O/S aspect types of older workbooks as M/J, with one warning', async () => {
    const { buffer, layout } = await buildCisWorkbook(itNetworkScheme, { aspectTypes: 'OS' });
    const { scheme, warnings } = await importWorkbook(buffer);
    expect(scheme).toEqual(itNetworkScheme);
    expect(warnings).toMatchObject([
      { code: 'legacy_aspect_types', cell: `D${layout.aspectRow['A1.M1']}`, params: { count: 99 } },
    ]);
  });

  it('accepts an older subjective aspect without descriptor rows, and says so', async () => {
    const scheme = structuredClone(itNetworkScheme);
    const { buffer, layout } = await buildCisWorkbook(scheme, {
      aspectTypes: 'OS',
      edit: (s, l) => {
        const row = l.aspectRow['A1.J1']!;
        for (let r = row + 1; r <= row + 4; r++) s.getRow(r).getCell(6).value = null;
      },
    });
    const { scheme: imported, warnings } = await importWorkbook(buffer);
    const aspect = imported.criteria[0]!.subCriteria[0]!.aspects.find((a) => a.code === 'A1.J1')!;
    expect(aspect.descriptors).toEqual(['', '', '', '']);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: 'descriptors_incomplete',
        cell: `D${layout.aspectRow['A1.J1']}`,
        params: expect.objectContaining({ found: 0, count: 1 }),
      }),
    );
  });

  it('keeps the numbers of numbered type cells (J1, M3)', async () => {
    const numbered = await importWorkbook(
      await cisWorkbook(itNetworkScheme, { aspectTypes: 'numbered' }),
    );
    expect(numbered.scheme).toEqual(itNetworkScheme);
    const gapped = await importWorkbook(
      await cisWorkbook(itNetworkScheme, {
        edit: (s, l) => (s.getCell(`D${l.aspectRow['A1.M2']}`).value = 'M7'),
      }),
    );
    const codes = gapped.scheme.criteria[0]!.subCriteria[0]!.aspects.map((a) => a.code);
    expect(codes).toEqual(['A1.M1', 'A1.M7', 'A1.M8', 'A1.M9', 'A1.M10', 'A1.M11', 'A1.J1']);
  });

  it('accepts a workbook without a day column: every sub-criterion on day 1', async () => {
    const { buffer, layout } = await buildCisWorkbook(itNetworkScheme, { omitColumns: ['day'] });
    const { scheme, report, warnings } = await importWorkbook(buffer);
    expect(report.days).toEqual({ '1': 18 });
    expect(scheme.criteria[0]!.subCriteria[0]!.aspects).toEqual(
      itNetworkScheme.criteria[0]!.subCriteria[0]!.aspects,
    );
    expect(warnings).toMatchObject([
      { code: 'day_column_missing', cell: `A${layout.blockHeaderRow.A}` },
    ]);
  });

  it('reads days written as C-1, C1, C2', async () => {
    const { scheme, warnings } = await importWorkbook(
      await cisWorkbook(itNetworkScheme, {
        edit: (s, l) => {
          s.getCell(`C${l.subCriterionRow.A1}`).value = 'C-1';
          s.getCell(`C${l.subCriterionRow.A2}`).value = 'C2';
        },
      }),
    );
    expect(scheme.criteria[0]!.subCriteria.map((s) => s.day)).toEqual([-1, 2, 1, 1]);
    expect(warnings).toEqual([]);
  });

  it('places every aspect in the only section when there is no section column', async () => {
    const oneSection: MarkingScheme = {
      ...structuredClone(itNetworkScheme),
      sections: [{ id: '1', name: 'Everything', weight: 100 }],
    };
    for (const aspect of oneSection.criteria.flatMap((c) =>
      c.subCriteria.flatMap((s) => s.aspects),
    ))
      aspect.section = '1';
    const { scheme, warnings } = await importWorkbook(
      await cisWorkbook(oneSection, { omitColumns: ['section'] }),
    );
    expect(scheme).toEqual(oneSection);
    expect(codesOf(warnings)).toEqual(['aspect_section_defaulted']);
    expect(warnings[0]!.params).toMatchObject({ section: '1', count: 99 });
  });

  it('takes max marks from G when K is empty', async () => {
    const { scheme, warnings } = await importWorkbook(
      await cisWorkbook(itNetworkScheme, { maxMarkInG: true }),
    );
    const marks = (s: MarkingScheme) =>
      s.criteria.flatMap((c) => c.subCriteria.flatMap((x) => x.aspects.map((a) => a.maxMark)));
    expect(marks(scheme)).toEqual(marks(itNetworkScheme));
    expect(warnings).toMatchObject([{ code: 'max_mark_in_g', params: { count: 99 } }]);
  });

  it('reads the saved values of formulas, zero included', async () => {
    const { scheme, warnings } = await importWorkbook(
      await cisWorkbook(itNetworkScheme, {
        edit: (s, l) => {
          s.getCell(`K${l.aspectRow['A1.M1']}`).value = { formula: '0.25*2', result: 0.5 };
          // A spare criteria row whose mark is a formula that sums an empty block.
          s.spliceRows(l.criterionRow.E! + 1, 0, ['F']);
          s.getCell(`K${l.criterionRow.E! + 1}`).value = { formula: 'N200', result: 0 };
        },
      }),
    );
    expect(scheme).toEqual(itNetworkScheme);
    expect(warnings).toEqual([]);
  });

  it('keeps names as written, typos included', async () => {
    const { scheme } = await importWorkbook(
      await cisWorkbook(itNetworkScheme, {
        edit: (s, l) => (s.getCell(`B${l.criterionRow.A}`).value = 'Linux Enviroment'),
      }),
    );
    expect(scheme.criteria[0]!.name).toBe('Linux Enviroment');
  });

  it('infers the criterion of a block whose header does not name it', async () => {
    const { buffer, layout } = await buildCisWorkbook(itNetworkScheme, {
      edit: (s, l) => (s.getCell(`L${l.blockHeaderRow.D}`).value = null),
    });
    const { scheme, warnings } = await importWorkbook(buffer);
    expect(scheme).toEqual(itNetworkScheme);
    expect(warnings).toMatchObject([
      {
        code: 'block_criterion_inferred',
        cell: `A${layout.blockHeaderRow.D}`,
        params: { count: 1 },
      },
    ]);
  });

  it('warns about calculations that point nowhere or are never used, and imports anyway', async () => {
    const { buffer, layout } = await buildCisWorkbook(itNetworkScheme, {
      extraCalculations: [
        [
          'B9.M1',
          'REGULAR_DIFFERENCE_DEDUCTION',
          'TARGET_VALUE:::1#-#DIFFERENCE:::1#-#DEDUCTION:::0.5',
        ],
        [
          'Deduct .5',
          'REGULAR_DIFFERENCE_DEDUCTION',
          'TARGET_VALUE:::0#-#DIFFERENCE:::1#-#DEDUCTION:::0.5',
        ],
        ['Weighed', 'WEIGHT_TABLE', 'ROWS:::3'],
      ],
    });
    const { scheme, warnings } = await importWorkbook(buffer);
    expect(scheme).toEqual(itNetworkScheme);
    const at = (name: string) => layout.calculationRow[name];
    expect(warnings).toEqual([
      expect.objectContaining({
        sheet: 'Calculations',
        cell: `A${at('B9.M1')}`,
        code: 'calculation_points_nowhere',
      }),
      expect.objectContaining({
        sheet: 'Calculations',
        cell: `A${at('Deduct .5')}`,
        code: 'calculation_unused',
      }),
      expect.objectContaining({
        sheet: 'Calculations',
        cell: `A${at('Weighed')}`,
        code: 'calculation_unused',
      }),
      expect.objectContaining({
        sheet: 'Calculations',
        cell: `B${at('Weighed')}`,
        code: 'calculation_type_unsupported',
      }),
    ]);
  });

  it('marks an aspect achieved / not achieved when its calculation name is not on the Calculations sheet', async () => {
    const { buffer, layout } = await buildCisWorkbook(itNetworkScheme, {
      edit: (s, l) => (s.getCell(`J${l.aspectRow['A1.M3']}`).value = 'Deduct .3'),
    });
    const { scheme, warnings } = await importWorkbook(buffer);
    const aspect = scheme.criteria[0]!.subCriteria[0]!.aspects[2]!;
    expect(aspect).toMatchObject({ code: 'A1.M3', calculation: 'Deduct .3' });
    expect(aspect.measurement).toBeUndefined();
    expect(warnings).toMatchObject([
      { code: 'calculation_missing', cell: `J${layout.aspectRow['A1.M3']}` },
    ]);
  });

  it('warns when a calculation can deduct more than the aspect is worth', async () => {
    const scheme = structuredClone(itNetworkScheme);
    scheme.criteria[1]!.subCriteria[0]!.aspects[2]!.maxMark = 0.5; // B1.M3 uses "OU check", deducting up to 1
    scheme.criteria[1]!.maxMark = 24.5;
    const { buffer, layout } = await buildCisWorkbook(scheme);
    const { warnings } = await importWorkbook(buffer);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'section_weights_total' }),
      {
        sheet: 'Calculations',
        cell: `D${layout.calculationRow['OU check']}`,
        code: 'deduction_exceeds_max',
        message: 'Calculation "OU check" deducts up to 1 from aspect B1.M3, whose max mark is 0.5',
        params: { name: 'OU check', aspect: 'B1.M3', deduction: '1', maxMark: '0.5' },
      },
    ]);
  });

  it('reports criteria whose marks differ from their aspects, and refuses them in strict mode', async () => {
    const knobs = { criterionMarks: { B: 26 } };
    const { buffer, layout } = await buildCisWorkbook(itNetworkScheme, knobs);
    const { warnings } = await importWorkbook(buffer);
    expect(warnings).toContainEqual({
      sheet,
      cell: `K${layout.criterionRow.B}`,
      code: 'criterion_total_mismatch',
      message: 'Criterion B: the criteria block says 26, its aspects add up to 25',
      params: { criterion: 'B', maxMark: '26', aspectTotal: '25' },
    });
    const strict = await refusal(buffer, { strict: true });
    expect(strict.toJSON()).toMatchObject({
      code: 'criterion_total_mismatch',
      sheet,
      cell: `K${layout.criterionRow.B}`,
    });
  });

  it('writes messages in the language asked for', async () => {
    const { warnings } = await importWorkbook(
      await cisWorkbook(itNetworkScheme, { criterionMarks: { B: 26 } }),
      {
        language: 'kk',
      },
    );
    expect(warnings.find((w) => w.code === 'criterion_total_mismatch')?.message).toBe(
      'B критерийі: критерийлер блогында 26 делінген, ал аспектілерінің қосындысы 25',
    );
    const error = await refusal(new TextEncoder().encode('IIN;Name'), { language: 'ru' });
    expect(error.message).toBe('Файл не является книгой Excel (.xlsx)');
  });
});

describe('importWorkbook: refusals name the sheet, the cell and what was expected', () => {
  it('refuses a file that is not an xlsx workbook, by its content', async () => {
    expect(
      (await refusal(new TextEncoder().encode('Sub Criterion ID,Name\nA1,Setup'))).toJSON(),
    ).toMatchObject({
      code: 'not_xlsx',
      sheet: undefined,
      cell: undefined,
    });
    expect((await refusal(new Uint8Array())).code).toBe('not_xlsx');
    const brokenZip = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      ...new TextEncoder().encode('not really a zip'),
    ]);
    expect((await refusal(brokenZip)).code).toBe('unreadable_workbook');
  });

  it('refuses a workbook where no sheet holds a marking scheme, listing the sheets it has', async () => {
    expect(
      await refusalWith({
        edit: (s, l) =>
          Object.values(l.blockHeaderRow).forEach((row) => (s.getCell(`A${row}`).value = 'Sub')),
      }),
    ).toMatchObject({
      code: 'sheet_missing',
      message:
        'No sheet holds a marking scheme (a header row that starts with "Sub Criterion ID"); the workbook\'s sheets: "CIS Marking Scheme Import", "Calculations"',
    });
  });

  it.each([
    ['zero', 0, '0'],
    ['negative', -0.5, '-0.5'],
    ['text', 'half', 'half'],
  ])('refuses a %s max mark', async (_, value, found) => {
    let cell = '';
    const error = await refusalWith({
      edit: (s, l) => {
        cell = `K${l.aspectRow['C2.M3']}`;
        s.getCell(cell).value = value;
      },
    });
    expect(error).toMatchObject({
      code: 'max_mark_invalid',
      cell,
      params: { aspect: 'C2.M3', found },
    });
  });

  it('refuses an aspect without a max mark', async () => {
    let cell = '';
    const error = await refusalWith({
      edit: (s, l) => {
        cell = `K${l.aspectRow['A1.M1']}`;
        s.getCell(cell).value = null;
      },
    });
    expect(error).toMatchObject({ code: 'max_mark_missing', cell, params: { aspect: 'A1.M1' } });
  });

  it('refuses duplicate sub-criterion IDs apart from each other that both hold aspects, naming both', async () => {
    let rows = { first: 0, second: 0 };
    const error = await refusalWith({
      edit: (s, l) => {
        rows = { first: l.subCriterionRow.B1!, second: l.subCriterionRow.B3! };
        s.getCell(`A${rows.second}`).value = 'B1';
      },
    });
    expect(error).toMatchObject({
      code: 'duplicate_sub_criterion',
      cell: `A${rows.second}`,
      params: { id: 'B1', first: `A${rows.first}` },
    });
  });

  it('refuses aspects that come before any sub-criterion row', async () => {
    let row = 0;
    const error = await refusalWith({
      edit: (s, l) => {
        s.getCell(`A${l.subCriterionRow.C1}`).value = null;
        row = l.aspectRow['C1.M1']!;
      },
    });
    expect(error).toMatchObject({ code: 'aspect_before_sub_criterion', cell: `D${row}` });
  });

  it('refuses unreadable cells: error values and formulas without a saved value', async () => {
    let cell = '';
    const errorValue = await refusalWith({
      edit: (s, l) => {
        cell = `K${l.aspectRow['D1.M2']}`;
        s.getCell(cell).value = { error: '#REF!' };
      },
    });
    expect(errorValue).toMatchObject({
      code: 'unreadable_cell',
      cell,
      message: 'The cell cannot be read: it holds the error #REF!',
    });
    const formula = await refusalWith({
      edit: (s, l) =>
        (s.getCell(`E${l.aspectRow['D1.M2']}`).value = {
          formula: 'CONCAT(A1,B1)',
        } as ExcelJS.CellFormulaValue),
    });
    expect(formula).toMatchObject({ code: 'unreadable_cell', cell: cell.replace('K', 'E') });
  });

  it('refuses what cannot be placed: unknown aspect types, a sub-criterion under another criterion', async () => {
    const { layout: l0 } = await buildCisWorkbook(itNetworkScheme);
    const at = async (
      code: string,
      edit: WorkbookKnobs['edit'],
      expected: Record<string, unknown>,
    ) => expect(await refusalWith({ edit })).toMatchObject({ code, ...expected });
    await at('aspect_type_invalid', (s, l) => (s.getCell(`D${l.aspectRow['A4.M2']}`).value = 'X'), {
      params: { found: 'X' },
    });
    await at(
      'sub_criterion_outside_block',
      (s, l) => (s.getCell(`A${l.subCriterionRow.B2}`).value = 'C9'),
      {
        params: { id: 'C9', criterion: 'B', label: `L${l0.blockHeaderRow.B}` },
      },
    );
    await at('day_invalid', (s, l) => (s.getCell(`C${l.subCriterionRow.B2}`).value = 'Tuesday'), {
      params: { id: 'B2', found: 'Tuesday' },
    });
  });

  it('derives a criterion the criteria block does not list from its block, marked with its aspects', async () => {
    // Criterion E's row is cleared, so the criteria block lists A to D only.
    const { scheme, warnings } = await importWorkbook(
      await cisWorkbook(itNetworkScheme, {
        edit: (s, l) => s.getRow(l.criterionRow.E!).splice(1, 11),
      }),
    );
    expect(scheme.criteria.map((c) => [c.id, c.maxMark])).toEqual([
      ['A', 25],
      ['B', 25],
      ['C', 30],
      ['D', 10],
      ['E', 10],
    ]);
    expect(scheme.criteria[4]!.name).toBe('');
    expect(warnings).toMatchObject([{ code: 'criteria_derived', params: { criteria: 'E' } }]);
  });

  it('refuses a calculation whose parameters cannot be read', async () => {
    const { buffer, layout } = await buildCisWorkbook(itNetworkScheme, {
      extraCalculations: [
        ['Deduct .5', 'REGULAR_DIFFERENCE_DEDUCTION', 'TARGET_VALUE:::0#-#DEDUCTION:::0.5'],
      ],
    });
    expect((await refusal(buffer)).toJSON()).toMatchObject({
      code: 'calculation_invalid',
      sheet: 'Calculations',
      cell: `D${layout.calculationRow['Deduct .5']}`,
      message: 'Calculation "Deduct .5" cannot be read: DIFFERENCE is missing',
    });
  });

  it('reads a marking block without a section column when the scheme has several sections: the aspects count towards none', async () => {
    const { scheme, report, warnings } = await importWorkbook(
      await cisWorkbook(itNetworkScheme, { omitColumns: ['section'] }),
    );
    expect(scheme.criteria[0]!.subCriteria[0]!.aspects[0]!.section).toBeUndefined();
    expect(report.sections.every((s) => s.aspectMarks === 0)).toBe(true);
    expect(codesOf(warnings)).toContain('section_column_missing');
  });

  it('never crashes: any damage to a workbook gives a scheme or a located WorkbookError (property)', async () => {
    const small = await buildCisWorkbook(itNetworkScheme);
    const rows = Math.max(...Object.values(small.layout.aspectRow)) + 5;
    const nasty = fc.constantFrom<ExcelJS.CellValue>(
      null,
      '',
      ' ',
      'x',
      'J',
      'S2',
      'A1',
      'Total',
      'Sub Criterion ID',
      'Criterion Q',
      -1,
      0,
      1e308,
      true,
      { error: '#N/A' } as ExcelJS.CellErrorValue,
      { formula: 'A1' } as ExcelJS.CellFormulaValue,
      { formula: 'A1', result: 'text' } as ExcelJS.CellFormulaValue,
    );
    const damage = fc.array(
      fc.tuple(fc.integer({ min: 1, max: rows }), fc.integer({ min: 1, max: 14 }), nasty),
      {
        minLength: 1,
        maxLength: 6,
      },
    );
    await fc.assert(
      fc.asyncProperty(damage, async (edits) => {
        const buffer = await cisWorkbook(itNetworkScheme, {
          edit: (s) =>
            edits.forEach(([row, column, value]) => (s.getCell(row, column).value = value)),
        });
        try {
          const { scheme } = await importWorkbook(buffer);
          expect(scheme.criteria.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(WorkbookError);
          // These two would mean the reader missed a case and a later safety net caught it.
          expect(['scheme_invalid', 'unreadable_workbook']).not.toContain(
            (error as WorkbookError).code,
          );
        }
      }),
      { numRuns: 40 },
    );
  });
});
