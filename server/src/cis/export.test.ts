import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import {
  markingSchemeSchema,
  type Aspect,
  type CalculatedSpec,
  type MarkingScheme,
  type SubCriterion,
} from '@ashyq/shared';
import { generateScheme, itNetworkScheme } from '../../../test/fixtures/schemes';
import { exportWorkbook } from './export';
import { importWorkbook } from './import';
import { WorkbookError } from './problems';

async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook.getWorksheet('CIS Marking Scheme Import')!;
}

function rowWhere(sheet: ExcelJS.Worksheet, column: string, text: string): number {
  for (let row = 1; row <= sheet.rowCount; row++) {
    if (sheet.getCell(`${column}${row}`).value === text) return row;
  }
  throw new Error(`no row with "${text}" in ${column}`);
}

describe('exportWorkbook', () => {
  it('writes the CIS layout with formulas and their values', async () => {
    const sheet = await openWorkbook(await exportWorkbook(itNetworkScheme));
    expect(sheet.getCell('A1').value).toBe('39 IT Network Systems Administration');

    const sectionHeader = rowWhere(sheet, 'A', 'Section');
    expect(sheet.getCell(`I${sectionHeader}`).value).toBe('WSOS Marks');
    const section2 = sectionHeader + 2;
    expect(sheet.getCell(`A${section2}`).value).toBe(2);
    expect(sheet.getCell(`I${section2}`).value).toBe(10);
    const aspectMarks = sheet.getCell(`J${section2}`).value as ExcelJS.CellFormulaValue;
    expect(aspectMarks.formula).toMatch(
      new RegExp(`^SUMIF\\(\\$I\\$\\d+:\\$I\\$\\d+,A${section2},\\$K\\$\\d+:\\$K\\$\\d+\\)$`),
    );
    expect(aspectMarks.result).toBe(6);
    expect(sheet.getCell(`K${section2}`).value).toEqual({
      formula: `ABS(I${section2}-J${section2})`,
      result: 4,
    });
    const totalVariation = rowWhere(sheet, 'A', 'Total Variation');
    expect(sheet.getCell(`K${totalVariation}`).value).toMatchObject({ result: 11 });

    const criteriaHeader = rowWhere(sheet, 'A', 'ID');
    expect(sheet.getCell(`B${criteriaHeader + 3}`).value).toBe('Network Infrastructure');
    expect(sheet.getCell(`K${criteriaHeader + 3}`).value).toBe(30);

    const blockC = rowWhere(sheet, 'L', 'Criterion C');
    expect(sheet.getCell(`A${blockC}`).value).toBe('Sub Criterion ID');
    const blockTotal = sheet.getCell(`N${blockC}`).value as ExcelJS.CellFormulaValue;
    expect(blockTotal.formula).toMatch(new RegExp(`^SUM\\(K${blockC + 1}:K\\d+\\)$`));
    expect(blockTotal.result).toBe(30);
    expect([sheet.getCell(`A${blockC + 1}`).value, sheet.getCell(`C${blockC + 1}`).value]).toEqual([
      'C1',
      2,
    ]);
    expect(sheet.getCell(`D${blockC + 2}`).value).toBe('M');
  });

  it('writes a judgement aspect with its four score rows', async () => {
    const sheet = await openWorkbook(await exportWorkbook(itNetworkScheme));
    const row = rowWhere(sheet, 'E', 'Time management');
    expect(sheet.getCell(`D${row}`).value).toBe('J');
    expect(
      [1, 2, 3, 4].map((k) => [
        sheet.getCell(`F${row + k}`).value,
        sheet.getCell(`G${row + k}`).value,
      ]),
    ).toEqual([
      [0, 'Did not plan the work'],
      [1, 'Plan made but not followed'],
      [2, 'Plan followed with minor slips'],
      [3, 'Plan followed and adjusted sensibly'],
    ]);
  });

  it('reads back as the same scheme without warnings', async () => {
    for (const scheme of [itNetworkScheme, generateScheme(220)]) {
      const imported = await importWorkbook(await exportWorkbook(scheme));
      expect(imported.scheme).toEqual(scheme);
      expect(imported.warnings).toEqual([]);
    }
  });

  it('refuses a calculation name that would hand one aspect the parameters of another', async () => {
    const scheme = structuredClone(itNetworkScheme);
    // B1.M1 is achieved / not achieved, yet names the reusable "Deduct .25" row of A2.M1.
    scheme.criteria[1]!.subCriteria[0]!.aspects[0]!.calculation = 'Deduct .25';
    const error = await exportWorkbook(scheme).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).toJSON()).toMatchObject({
      code: 'calculation_name_conflict',
      params: { aspect: 'B1.M1', name: 'Deduct .25' },
    });
  });

  it('refuses a choice label that the CIS format cannot carry', async () => {
    const scheme = structuredClone(itNetworkScheme);
    const aspect = scheme.criteria[0]!.subCriteria[2]!.aspects[4]!;
    aspect.measurement = {
      kind: 'choice',
      options: [
        { label: 'Works#-#fully', deduction: 0 },
        { label: 'No Marks', deduction: 1.5 },
      ],
    };
    const error = await exportWorkbook(scheme, 'ru').catch((e: unknown) => e);
    expect((error as WorkbookError).code).toBe('calculation_unrepresentable');
    expect((error as WorkbookError).message).toBe(
      'Расчёт аспекта A3.M5 нельзя записать в формате CIS: подпись содержит один из разделителей #-#, ::: или #x~x#',
    );
  });
});

describe('import(export(scheme)) gives back the scheme (property)', () => {
  const word = fc.constantFrom(
    'DNS',
    'сервер',
    'Қазақстан',
    'naïve',
    '0.5',
    '=SUM(A1)',
    'A&B',
    '<b>',
    '"quoted"',
    'Total',
    'Sub Criterion ID',
    'Criterion A',
    'ID',
    '日本',
  );
  const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
  const mark = fc.integer({ min: 1, max: 400 }).map((n) => n / 20);
  const hundredths = (max: number) => fc.integer({ min: 0, max }).map((n) => n / 100);
  const spec: fc.Arbitrary<CalculatedSpec> = fc.oneof(
    fc.record({
      kind: fc.constant('deduction' as const),
      target: fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 100),
      unit: fc.integer({ min: 1, max: 1000 }).map((n) => n / 100),
      deduction: hundredths(200),
    }),
    fc.record({
      kind: fc.constant('choice' as const),
      options: fc.array(
        fc.record({
          label: fc.constantFrom('Full Marks', 'Partly', 'No Marks', 'Частично'),
          deduction: hundredths(200),
        }),
        { minLength: 2, maxLength: 3 },
      ),
    }),
  );

  /** An aspect without its code; the code is given once the numbering of its sub-criterion is known. */
  interface Draft {
    type: 'M' | 'J';
    description: string;
    extraDescription?: string;
    requirement?: string;
    section?: string;
    maxMark: number;
    spec?: CalculatedSpec;
    naming: string;
    descriptors: [string, string, string, string];
    numberHint: number;
  }
  const aspectDraft = (sections: string[]): fc.Arbitrary<Draft> =>
    fc
      .record({
        type: fc.constantFrom('M' as const, 'J' as const),
        description: text,
        extraDescription: fc.option(text, { nil: undefined }),
        requirement: fc.option(text, { nil: undefined }),
        // A scheme without a sections block may have aspects without a section.
        section:
          sections.length > 0
            ? fc.constantFrom(...sections)
            : fc.option(fc.constantFrom('1', 'S'), { nil: undefined }),
        maxMark: mark,
        spec: fc.option(spec, { nil: undefined }),
        // A reusable name (shared, possibly with different parameters), the aspect's own code, or none.
        naming: fc.constantFrom('none', 'own code', 'Deduct .25', 'Choice A', 'Visual check'),
        descriptors: fc.tuple(text, text, fc.oneof(text, fc.constant('')), text),
        numberHint: fc.integer({ min: 1, max: 30 }),
      })
      .map((d) => ({ ...d, spec: d.type === 'M' ? d.spec : undefined }));

  function toAspect(draft: Draft, code: string): Aspect {
    const { type, description, section, maxMark } = draft;
    const aspect: Aspect = { code, type, description, maxMark };
    if (section !== undefined) aspect.section = section;
    if (draft.extraDescription) aspect.extraDescription = draft.extraDescription;
    if (draft.requirement) aspect.requirement = draft.requirement;
    if (type === 'J') {
      aspect.descriptors = draft.descriptors;
      return aspect;
    }
    if (draft.spec) {
      aspect.measurement = draft.spec;
      if (draft.naming === 'own code') aspect.calculation = code;
      else if (draft.naming === 'Deduct .25' || draft.naming === 'Choice A')
        aspect.calculation = draft.naming;
    } else if (draft.naming === 'Visual check') {
      // A name with no Calculations row: imported as achieved / not achieved, with a warning.
      aspect.calculation = draft.naming;
    }
    return aspect;
  }

  /** Ordinal codes (M1, M2, J1) or, for hand-numbered sub-criteria, distinct numbers with gaps. */
  function numbered(id: string, drafts: Draft[], gapped: boolean): Aspect[] {
    const used = { M: new Set<number>(), J: new Set<number>() };
    return drafts.map((draft) => {
      let number = gapped ? draft.numberHint : used[draft.type].size + 1;
      while (used[draft.type].has(number)) number++;
      used[draft.type].add(number);
      return toAspect(draft, `${id}.${draft.type}${number}`);
    });
  }

  const scheme: fc.Arbitrary<MarkingScheme> = fc
    .record({
      number: fc.integer({ min: 1, max: 99 }).map(String),
      name: text,
      sections: fc.uniqueArray(fc.constantFrom('1', '2', '3', '4', '10', '01', 'WS1'), {
        maxLength: 5,
      }),
      criteria: fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'K'), {
        minLength: 1,
        maxLength: 4,
      }),
    })
    .chain(({ number, name, sections, criteria }) =>
      fc.record({
        skill: fc.constant({ number, name }),
        sections: fc.tuple(
          ...sections.map((id) =>
            fc.record({
              id: fc.constant(id),
              name: fc.oneof(text, fc.constant('')),
              weight: hundredths(4000),
            }),
          ),
        ),
        criteria: fc.tuple(
          ...criteria.map((id) =>
            fc.record({
              id: fc.constant(id),
              name: text,
              maxMark: hundredths(5000),
              subCriteria: fc
                .uniqueArray(
                  fc.record({
                    number: fc.integer({ min: 1, max: 12 }),
                    name: fc.oneof(text, fc.constant('')),
                    day: fc.integer({ min: -1, max: 3 }),
                    gapped: fc.boolean(),
                    drafts: fc.array(aspectDraft(sections), { maxLength: 5 }),
                  }),
                  { selector: (s) => s.number, maxLength: 3 },
                )
                .map((subs) =>
                  subs.map((s): SubCriterion => ({
                    id: `${id}${s.number}`,
                    name: s.name,
                    day: s.day,
                    aspects: numbered(`${id}${s.number}`, s.drafts, s.gapped),
                  })),
                ),
            }),
          ),
        ),
      }),
    );

  it('for generated schemes, with no stale-total warning ever', async () => {
    await fc.assert(
      fc.asyncProperty(scheme, async (original) => {
        expect(markingSchemeSchema.safeParse(original).success).toBe(true);
        const { scheme: imported, warnings } = await importWorkbook(await exportWorkbook(original));
        expect(imported).toEqual(original);
        const codes = warnings.map((w) => w.code);
        expect(codes).not.toContain('section_aspect_marks_stale');
        expect(codes).not.toContain('section_variation_stale');
        expect(codes).not.toContain('block_total_stale');
      }),
      { numRuns: 60 },
    );
  });
});
