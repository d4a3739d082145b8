import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildZip } from '../../../test/fixtures/zip';
import { importWorkbook, type WorkbookImport } from './import';
import { WorkbookError } from './problems';

/**
 * One fixture per layout feature that real CIS workbooks show (docs/marking-schemes.md), each
 * written cell by cell the way those files have it, so that the importer is held to the world's
 * files and not to our own writer's. Rows are arrays from column A; `null` leaves a cell empty.
 */

type Cell = ExcelJS.CellValue;
type Rows = Cell[][];

interface SheetSpec {
  name: string;
  rows: Rows;
  merges?: string[];
}

async function workbook(...sheets: SheetSpec[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    spec.rows.forEach((cells, i) =>
      cells.forEach((value, c) => {
        if (value !== null && value !== undefined) sheet.getCell(i + 1, c + 1).value = value;
      }),
    );
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const header2019 = [
  'Sub\nCriterion\nID',
  'Sub Criterion\nName or Description',
  'Day of Marking',
  'Aspect\nType\nM = Meas\nJ = Judg',
  'Aspect - Description',
  'Judg Score',
  'Extra Aspect Description (Meas or Judg)\nOR\nJudgement Score Description (Judg only)',
  'Requirement\n(Measurement Only)',
  'WSOS Section',
  'Calculation Row \n(Export only)',
  'Max\nMark',
];
/** The older set: no day column, O/S types, "Sub Criteria". */
const header2016 = [
  'Sub\nCriteria\nID',
  'Sub Criteria\n\nName or Description',
  'Aspect\nType\nO = Obj\nS = Sub\nJ = Judg',
  'Aspect - Description',
  'Judg Score',
  'Extra Aspect Description (Obj or Subj)\nOR\nJudgement Score Description (Judg only)',
  'Requirement\nor Nominal\nSize (Obj Only)',
  'WSSS Section',
  'Max\nMark',
];

/** A 2019+ block: header with "Criterion X" in L and its total in N, then the given rows. */
function block2019(criterion: string | null, rows: Rows, total?: Cell): Rows {
  const header: Cell[] = [...header2019];
  if (criterion) header.push(`Criterion ${criterion}`, 'Total\nMark', total ?? null);
  return [header, ...rows];
}

const judgement = (description: string, section: number, max: number): Rows => [
  [null, null, null, 'J', description, null, null, null, section, null, max],
  [null, null, null, null, null, 0, 'Not done'],
  [null, null, null, null, null, 1, 'Below standard'],
  [null, null, null, null, null, 2, 'Standard'],
  [null, null, null, null, null, 3, 'Excellent'],
];
const measurement = (description: string, section: number, max: number, calc?: Cell): Cell[] => [
  null,
  null,
  null,
  'M',
  description,
  null,
  null,
  null,
  section,
  calc ?? null,
  max,
];

/** The top of a 2019+ file: title, a sections block with "WSOS Marks" twice, a criteria block. */
function top2019(
  sections: Array<[number, string, number, Cell?]>,
  criteria: Array<[string, string | null, Cell]>,
): { rows: Rows; merges: string[] } {
  const rows: Rows = [
    ['17 Web Development'],
    [],
    ['WorldSkills Occupational Standards'],
    [
      'Section',
      'WSOS Marks',
      null,
      null,
      null,
      null,
      null,
      null,
      'WSOS Marks',
      'Aspect Marks',
      'Variation',
    ],
    ...sections.map(([id, name, weight, stated]): Cell[] => [
      id,
      name,
      null,
      null,
      null,
      null,
      null,
      null,
      weight,
      stated ?? null,
      null,
    ]),
    [null, null, null, null, null, null, null, null, 'Total Variation'],
    [],
    ['Criteria'],
    ['ID', 'Name', null, null, null, null, null, null, null, null, 'Mark'],
    ...criteria.map(([id, name, mark]): Cell[] => [
      id,
      name,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      mark,
    ]),
    [],
  ];
  // Real files merge the section names B:H under the first "WSOS Marks" label.
  const merges = ['A1:K1', 'B4:H4', ...sections.map((_, i) => `B${5 + i}:H${5 + i}`)];
  return { rows, merges };
}

async function imported(...sheets: SheetSpec[]): Promise<WorkbookImport> {
  return importWorkbook(await workbook(...sheets));
}

async function refused(data: Buffer | Promise<Buffer>): Promise<WorkbookError> {
  try {
    await importWorkbook(await data);
  } catch (error) {
    if (error instanceof WorkbookError) return error;
    throw error;
  }
  throw new Error('imported, expected a refusal');
}

const warningOf = (result: WorkbookImport, code: string) =>
  result.warnings.find((w) => w.code === code);

describe('a 2019+ CIS workbook as published', () => {
  const { rows: top, merges } = top2019(
    [
      [1, 'Work organisation', 2, 2],
      [2, 'Design', 3, 9], // a typed-in, stale aspect mark
    ],
    [
      ['A', 'Static site', 3],
      ['B', 'Enviroment', { formula: 'N30', result: 2 } as ExcelJS.CellFormulaValue],
      ['C', null, null], // a spare letter of the template
    ],
  );
  const rows: Rows = [
    ...top,
    ...block2019(
      'A',
      [
        ['A1', 'Layout', 1],
        measurement('Header on every page', 1, 1),
        ...judgement('Design quality', 2, 2),
      ],
      3,
    ),
    [],
    ...block2019(
      'B',
      [['B1', 'Server', 2], measurement('Runs', 1, 1), measurement('Logs', 2, 1)],
      5,
    ),
  ];

  it('reads the weights from the column of numbers, not from the first "WSOS Marks" header', async () => {
    const result = await imported({ name: 'CIS Marking Scheme Import', rows, merges });
    expect(result.scheme.skill).toEqual({ number: '17', name: 'Web Development' });
    expect(result.scheme.sections).toEqual([
      { id: '1', name: 'Work organisation', weight: 2 },
      { id: '2', name: 'Design', weight: 3 },
    ]);
    expect(result.reading).toMatchObject({
      sheet: 'CIS Marking Scheme Import',
      layout: 'cis-2019',
      columns: { id: 'A', day: 'C', type: 'D', score: 'F', section: 'I', maxMark: 'K' },
      derived: [],
    });
  });

  it('recomputes typed-in figures from the aspects and reports both with their cells', async () => {
    const result = await imported({ name: 'CIS Marking Scheme Import', rows, merges });
    expect(result.report.criteria.map((c) => [c.id, c.name, c.maxMark, c.aspectTotal])).toEqual([
      ['A', 'Static site', 3, 3],
      ['B', 'Enviroment', 2, 2],
    ]);
    expect(warningOf(result, 'section_aspect_marks_stale')).toMatchObject({
      cell: 'J6',
      message: 'Section 2: the workbook says 9 aspect marks, the aspects add up to 3',
    });
    expect(warningOf(result, 'block_total_stale')).toMatchObject({
      message: 'Criterion B: the block total says 5, the aspects add up to 2',
    });
  });
});

describe('layouts without parts: derived, with one warning each', () => {
  it('finds the scheme on a sheet named after a competitor, with no title, sections or criteria block', async () => {
    const rows = [
      ...block2019(null, [['A1', 'Modelling', 1], measurement('Actors found', 1, 0.3)]),
      ...block2019(null, [['B1', 'App', 2], measurement('Window shows', 2, 1.5)]),
    ];
    const result = await imported(
      { name: 'Notes', rows: [['Read me first'], ['Sub Criterion ID is in column A']] },
      { name: 'Иванов', rows },
    );
    expect(result.reading).toMatchObject({
      sheet: 'Иванов',
      sheets: ['Notes', 'Иванов'],
      derived: ['skill', 'criteria', 'sections'],
    });
    expect(result.scheme.criteria.map((c) => [c.id, c.name, c.maxMark])).toEqual([
      ['A', '', 0.3],
      ['B', '', 1.5],
    ]);
    expect(result.scheme.sections.map((s) => [s.id, s.weight])).toEqual([
      ['1', 0.3],
      ['2', 1.5],
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual([
      'sheet_other_name',
      'title_missing',
      'criteria_derived',
      'sections_derived',
      'block_criterion_inferred',
    ]);
    expect(warningOf(result, 'block_criterion_inferred')).toMatchObject({
      cell: 'A1',
      message:
        'Marking blocks that do not name their criterion take it from their sub-criterion IDs, A1 -> A (2): A1, A4',
    });
  });

  it('takes a skill title from wherever it sits above the blocks (D4)', async () => {
    const rows = [
      [],
      [],
      [],
      [null, null, null, '17 Web Technologies'],
      [],
      ...block2019('A', [['A1', 'x', 1], measurement('y', 1, 1)]),
    ];
    const result = await imported({ name: 'MarkingScheme', rows });
    expect(result.scheme.skill).toEqual({ number: '17', name: 'Web Technologies' });
    for (const [title, number, name] of [
      ['Skill 17 – Web Technologies', '17', 'Web Technologies'],
      [
        'Компетенция № 39. Сетевое и системное администрирование',
        '39',
        'Сетевое и системное администрирование',
      ],
    ]) {
      const titled = await imported({ name: 'S', rows: [[title], ...rows.slice(4)] });
      expect(titled.scheme.skill).toEqual({ number, name });
    }
  });

  it('reads a criteria block headed "Criteria | Mark" away from column A', async () => {
    const rows: Rows = [
      ['39 IT Network Systems Administration'],
      [],
      [null, null, 'Criteria', 'Name', 'Mark'],
      [null, null, 'A', 'Linux', 1],
      [null, null, 'B', 'Windows', 2],
      [],
      ...block2019('A', [['A1', 'x', 1], measurement('y', 1, 1)]),
      ...block2019('B', [['B1', 'x', 1], measurement('y', 1, 2)]),
    ];
    const result = await imported({ name: 'CIS Marking Scheme Import', rows });
    expect(result.scheme.criteria.map((c) => [c.id, c.name, c.maxMark])).toEqual([
      ['A', 'Linux', 1],
      ['B', 'Windows', 2],
    ]);
    expect(result.reading.derived).toEqual(['sections']);
  });

  it('a scheme with no section anywhere has none, and says so', async () => {
    const rows: Rows = [
      [
        'Sub Criteria ID',
        'Sub Criteria Name',
        'Aspect Type',
        'Aspect Description',
        'Judg Score',
        'Extra',
        'Max Mark',
      ],
      ['A1', 'Design'],
      [null, null, 'O', 'Done', null, null, 1],
    ];
    const result = await imported({ name: 'Лист1', rows });
    expect(result.scheme.sections).toEqual([]);
    expect(result.scheme.criteria[0]!.subCriteria[0]!.aspects[0]!.section).toBeUndefined();
    expect(result.warnings.map((w) => w.code)).toContain('no_sections');
  });
});

describe('the pre-2017 column set', () => {
  // A WorldSkills Russia demo exam file: no day column, O types, "Criterion A" mid-block in J,
  // awarded marks typed into the score column, continuation lines of an extra description.
  const rows: Rows = [
    [],
    header2016,
    ['A1', '1. Database'],
    [null, null, 'O', 'Tables created', 2, null, null, 4, 2],
    [null, null, 'O', 'Similar entities', 0, 'One table (0)', null, 4, 2],
    [null, null, null, null, null, 'Separate tables (1)'],
    ['A2', '2. Structure'],
    [null, null, 'O', 'Logic separated', 0, null, null, 3, 2, 'Criterion\nA', 'Total\nMark', 6],
    [],
    header2016,
    ['C1', 'Code style'],
    [null, null, 'S', 'Readable code', null, null, null, 1, 0.5],
    [null, null, null, null, 0, 'Unreadable'],
    [null, null, null, null, 1, 'Readable'],
    [],
    [
      null,
      null,
      null,
      null,
      { formula: 'SUM(E1:E14)', result: 2 },
      null,
      null,
      null,
      { formula: 'SUM(I4:I12)', result: 6 },
    ],
  ];

  it('maps the columns by their headers and reads the types, labels and totals rows', async () => {
    const result = await imported({ name: 'CIS Marking Scheme Import', rows });
    expect(result.reading).toMatchObject({
      layout: 'cis-2016',
      columns: {
        id: 'A',
        name: 'B',
        type: 'C',
        description: 'D',
        score: 'E',
        section: 'H',
        maxMark: 'I',
      },
      blocks: [
        { row: 2, criteria: ['A'], label: 'J8' },
        { row: 10, criteria: ['C'] },
      ],
      derived: ['skill', 'days', 'criteria', 'sections'],
    });
    const [a, c] = result.scheme.criteria;
    expect(a!.subCriteria.map((s) => [s.id, s.day, s.aspects.map((x) => x.code)])).toEqual([
      ['A1', 1, ['A1.M1', 'A1.M2']],
      ['A2', 1, ['A2.M1']],
    ]);
    expect(a!.subCriteria[0]!.aspects[1]!.extraDescription).toBe(
      'One table (0)\nSeparate tables (1)',
    );
    expect(c!.subCriteria[0]!.aspects[0]).toMatchObject({
      code: 'C1.J1',
      descriptors: ['Unreadable', 'Readable', '', ''],
    });
    expect(result.report.total).toBe(6.5);
    expect(warningOf(result, 'total_row_stale')).toMatchObject({
      cell: 'I16',
      message:
        'A typed-in total says 6; the aspects above it add up to 6.5 (not read as an aspect)',
    });
    expect(warningOf(result, 'legacy_aspect_types')?.params).toMatchObject({ count: 4 });
    expect(warningOf(result, 'descriptors_incomplete')?.params).toMatchObject({
      found: 2,
      count: 1,
    });
    expect(warningOf(result, 'day_column_missing')).toBeDefined();
  });
});

describe('rows that are not aspects, and rows that are', () => {
  it('tells sub-criterion subtotals, notes, stray totals and untyped aspects apart', async () => {
    const rows: Rows = [
      ...block2019('A', [
        ['A1', 'Layout', 1, null, null, null, null, null, null, null, 2.5], // a stale subtotal
        [null, null, null, null, 'Check on a phone first'], // a note
        measurement('Header', 1, 1),
        measurement('Footer', 1, 1),
        ['A2', 'Pages', 1, 'M', 'Home page', null, null, null, 1, null, 0.5], // shares its row
        [null, null, null, null, 'Team page', null, null, null, 1, null, 0.5], // no type
      ]),
      [null, null, null, null, null, null, null, null, null, null, 3], // a stray total
    ];
    const result = await imported({ name: 'S', rows });
    const subs = result.scheme.criteria[0]!.subCriteria;
    expect(subs.map((s) => [s.id, s.aspects.map((a) => `${a.code} ${a.description}`)])).toEqual([
      ['A1', ['A1.M1 Header', 'A1.M2 Footer']],
      ['A2', ['A2.M1 Home page', 'A2.M2 Team page']],
    ]);
    expect(result.warnings.map((w) => [w.code, w.cell])).toEqual(
      expect.arrayContaining([
        ['sub_criterion_total_stale', 'K2'],
        ['label_rows', 'E3'],
        ['aspect_type_derived', 'D7'],
        ['total_rows', 'K8'],
      ]),
    );
  });

  it('normalises Cyrillic look-alike letters in IDs and types, with one warning naming the cells', async () => {
    const rows = block2019(null, [
      ['А1', 'Design', 1], // Cyrillic А
      [null, null, null, 'М', 'One', null, null, null, 1, null, 1], // Cyrillic М
      [null, null, null, 'M', 'Two', null, null, null, 1, null, 1],
      [null, null, null, 'О', 'Three', null, null, null, 1, null, 1], // Cyrillic О
    ]);
    const result = await imported({ name: 'S', rows });
    expect(result.scheme.criteria[0]!.subCriteria[0]!.aspects.map((a) => a.code)).toEqual([
      'A1.M1',
      'A1.M2',
      'A1.M3',
    ]);
    const lookalikes = result.warnings.filter((w) => w.code === 'lookalike_letters');
    expect(lookalikes).toHaveLength(1);
    expect(lookalikes[0]).toMatchObject({ cell: 'A2', cells: ['A2', 'D3', 'D5'] });
  });

  it('removes characters that would reorder or break a name on a board, and says where', async () => {
    const rows = block2019('A', [
      ['A1', 'Layout \u202Eevil\u0000', 1],
      measurement('Header\u202E', 1, 1),
    ]);
    const result = await imported({ name: 'S', rows });
    const sub = result.scheme.criteria[0]!.subCriteria[0]!;
    expect([sub.name, sub.aspects[0]!.description]).toEqual(['Layout evil', 'Header']);
    expect(warningOf(result, 'unsafe_characters')).toMatchObject({ cells: ['B2', 'E3'] });
  });

  it('groups one cause over many cells: "185 aspects name calculation row 1" is one warning', async () => {
    const aspects = Array.from({ length: 185 }, (_, i) => measurement(`Check ${i + 1}`, 1, 0.1, 1));
    const result = await imported({
      name: 'S',
      rows: block2019('A', [['A1', 'All', 1], ...aspects]),
    });
    const calculation = result.warnings.filter((w) => w.code === 'calculation_number');
    expect(calculation).toHaveLength(1);
    expect(calculation[0]!.message).toBe(
      '185 aspects name calculation row 1, a number rather than a name on the Calculations sheet; ignored: J3:J187',
    );
    expect(result.scheme.criteria[0]!.subCriteria[0]!.aspects[0]!.calculation).toBeUndefined();
  });

  it('reads types numbered by hand (J1, M3) and one-line header texts ("Judge Score", "Aspect Type M J")', async () => {
    const header = header2019
      .map((h) => h.replace(/\n/g, ' '))
      .map((h) => (h === 'Judg Score' ? 'Judge Score' : h));
    header[3] = 'Aspect Type\nM\nJ';
    const rows: Rows = [
      header,
      ['E1', 'Admin', 3],
      [null, null, null, 'M3', 'Link', null, null, null, 7, null, 0.25],
      [null, null, null, 'J1', 'Looks good', null, null, null, 3, null, 2],
      [null, null, null, null, null, 0, 'No'],
      [null, null, null, null, null, 1, 'Some'],
      [null, null, null, null, null, 2, 'Good'],
      [null, null, null, null, null, 3, 'Great'],
    ];
    const result = await imported({ name: 'S', rows });
    expect(result.scheme.criteria[0]!.subCriteria[0]!.aspects.map((a) => a.code)).toEqual([
      'E1.M3',
      'E1.J1',
    ]);
    expect(result.report.days).toEqual({ '3': 1 });
  });

  it('reads sub-criteria under a second, unlabelled header below the "Competition Total" row', async () => {
    const rows: Rows = [
      ...block2019('A', []),
      [
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'Competition',
        'Total\nMark',
        0,
      ],
      ...block2019(null, [
        ['E1', 'CMS', 3],
        measurement('Installed', 7, 0.5),
        ['E2', 'Theme', 3],
        measurement('Colour', 3, 1),
      ]),
    ];
    const result = await imported({ name: 'S', rows });
    expect(result.scheme.criteria.map((c) => [c.id, c.subCriteria.map((s) => s.id)])).toEqual([
      ['E', ['E1', 'E2']],
    ]);
    expect(result.report.total).toBe(1.5);
  });
});

describe('repeated sub-criterion IDs', () => {
  it('reads an ID that repeats the one right above it as the next free number', async () => {
    const rows = block2019(null, [
      ['A6', 'Database', 1],
      measurement('Structure', 1, 1),
      ['A6', 'Project structure', 1],
      measurement('Name', 1, 0.1),
    ]);
    const result = await imported({ name: 'S', rows });
    expect(result.scheme.criteria[0]!.subCriteria.map((s) => [s.id, s.name])).toEqual([
      ['A6', 'Database'],
      ['A7', 'Project structure'],
    ]);
    expect(warningOf(result, 'sub_criterion_renumbered')).toMatchObject({
      cell: 'A4',
      message: 'Sub-criterion A6 repeats the ID of the one above it (A2); read as A7',
    });
  });

  it('skips a repeated ID that holds no aspect', async () => {
    const rows = block2019(null, [
      ['A1', 'Kept', 1],
      measurement('Structure', 1, 1),
      ['A2', 'Other', 1],
      measurement('Other', 1, 1),
      ['A1', 'Left over', 1],
    ]);
    const result = await imported({ name: 'S', rows });
    expect(result.scheme.criteria[0]!.subCriteria.map((s) => s.name)).toEqual(['Kept', 'Other']);
    expect(warningOf(result, 'sub_criterion_duplicate_empty')).toMatchObject({ cell: 'A6' });
  });
});

describe('what is refused, in one located line', () => {
  it('a file that is not a workbook, or a workbook with no marking scheme in it', async () => {
    expect((await refused(Promise.resolve(Buffer.from('Name,IIN\nA,1\n')))).code).toBe('not_xlsx');
    const noScheme = await refused(
      workbook({
        name: 'Budget',
        rows: [
          ['Item', 'Cost'],
          ['Tea', 3],
        ],
      }),
    );
    expect(noScheme.describe()).toBe(
      'No sheet holds a marking scheme (a header row that starts with "Sub Criterion ID"); the workbook\'s sheets: "Budget"',
    );
  });

  it('a zip bomb, before it is unpacked', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024) },
    ]);
    const error = await refused(Promise.resolve(bomb));
    expect(error.code).toBe('workbook_too_large');
    expect(error.message).toBe(
      'The workbook unpacks to more than 64 MiB; a marking scheme is far smaller (is it the right file?)',
    );
  });

  it('a max mark that is text or negative, naming its cell', async () => {
    for (const max of ['half', -1]) {
      const rows = block2019('A', [['A1', 'x', 1], measurement('y', 1, max as number)]);
      const error = await refused(workbook({ name: 'S', rows }));
      expect(error.describe()).toMatch(
        /^sheet "S", cell K3: The max mark of aspect A1\.M1 must be a number greater than 0/,
      );
    }
  });

  it('a mark far beyond any scheme, which would overflow the sums', async () => {
    const rows = block2019('A', [['A1', 'x', 1], measurement('y', 1, 1e308)]);
    const error = await refused(workbook({ name: 'S', rows }));
    expect(error.describe()).toBe(
      'sheet "S", cell K3: Found 1e+308 here; no mark, weight or criterion of a scheme is more than 1000',
    );
  });

  it('a sub-criterion whose ID names another criterion than its block label', async () => {
    const rows = block2019('A', [['B1', 'x', 1], measurement('y', 1, 1)]);
    const error = await refused(workbook({ name: 'S', rows }));
    expect(error.describe()).toBe(
      'sheet "S", cell A2: Sub-criterion B1 is in the marking block labelled criterion A (L1); fix the ID or the label',
    );
  });

  it('a block header without a max-mark column is no block; one without an aspect type column either', async () => {
    const rows: Rows = [
      ['Sub Criterion ID', 'Name', 'Aspect Description'],
      ['A1', 'x'],
    ];
    expect((await refused(workbook({ name: 'S', rows }))).code).toBe('sheet_missing');
  });

  it('in the language asked for', async () => {
    const data = await workbook({ name: 'Budget', rows: [['Item']] });
    await expect(importWorkbook(data, { language: 'kk' })).rejects.toThrow(
      'Бірде-бір парақта бағалау схемасы жоқ',
    );
    await expect(importWorkbook(data, { language: 'ru' })).rejects.toThrow(
      'Ни на одном листе нет схемы оценки',
    );
  });
});
