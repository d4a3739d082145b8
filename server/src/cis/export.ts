import ExcelJS from 'exceljs';
import {
  analyseScheme,
  aspectCodeSchema,
  type Aspect,
  type Language,
  type MarkingScheme,
  type SchemeReport,
} from '@ashyq/shared';
import {
  blockColumns,
  blockCriterionColumn,
  blockHeaderTexts,
  blockTotalColumn,
  blockTotalLabelColumn,
  calculationColumns,
  calculationHeaderTexts,
  calculationsSheetName,
  columnLetterOf,
  criteriaColumns,
  schemeSheetName,
  sectionColumns,
  type BlockField,
} from './layout';
import { planCalculations, type CalculationRows } from './plan-calculations';

/**
 * Writes a scheme as a CIS "Marking Scheme Import" workbook in the layout importWorkbook reads,
 * with the formulas CIS workbooks have (section aspect marks, variation, totals) and their values
 * saved, so the file shows the right figures before Excel recalculates.
 * Throws a WorkbookError when a calculation cannot be written in the CIS format.
 */
export async function exportWorkbook(
  scheme: MarkingScheme,
  language: Language = 'en',
): Promise<Buffer> {
  const calculations = planCalculations(scheme, language);
  const workbook = new ExcelJS.Workbook();
  writeSchemeSheet(new SheetWriter(workbook.addWorksheet(schemeSheetName)), scheme);
  writeCalculationsSheet(
    new SheetWriter(workbook.addWorksheet(calculationsSheetName)),
    calculations,
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const markFormat = '0.00';
const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  alignment: { vertical: 'top', wrapText: true },
};

class SheetWriter {
  constructor(readonly sheet: ExcelJS.Worksheet) {}

  set(row: number, column: number, value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
    const cell = this.sheet.getCell(row, column);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
    return cell;
  }

  mark(row: number, column: number, value: ExcelJS.CellValue): ExcelJS.Cell {
    return this.set(row, column, value, markFormat);
  }

  header(row: number, texts: Array<[number, string]>): void {
    for (const [column, text] of texts) this.set(row, column, text).style = headerStyle;
  }

  widths(widths: number[]): void {
    widths.forEach((width, i) => (this.sheet.getColumn(i + 1).width = width));
  }
}

/** `SUM(K5:K9)` with its value, or just the value when the range is empty. */
function sum(column: number, first: number, last: number, result: number): ExcelJS.CellValue {
  const letter = columnLetterOf(column);
  return last < first ? result : { formula: `SUM(${letter}${first}:${letter}${last})`, result };
}

/** Numeric ids (sections 1, 2, ...) are written as numbers, as CIS does; "01" stays text. */
function idValue(id: string): string | number {
  return /^(0|[1-9][0-9]{0,8})$/.test(id) ? Number(id) : id;
}

/** Row of each part of the sheet: title, sections, criteria, then one block per criterion. */
function planRows(scheme: MarkingScheme) {
  const sectionsHeader = 3;
  const sectionsTotal = sectionsHeader + 1 + scheme.sections.length;
  const criteriaHeader = sectionsTotal + 3;
  const firstBlock = criteriaHeader + 1 + scheme.criteria.length + 2;
  const aspectRows = (a: Aspect) => (a.type === 'J' ? 5 : 1);
  const blockRows = scheme.criteria.reduce(
    (rows, c) =>
      rows + 2 + c.subCriteria.reduce((n, s) => n + 1 + sumOf(s.aspects.map(aspectRows)), 0),
    0,
  );
  return {
    sectionsHeader,
    sectionsTotal,
    criteriaHeader,
    firstBlock,
    lastBlock: firstBlock + blockRows - 1,
  };
}

function sumOf(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function writeSchemeSheet(writer: SheetWriter, scheme: MarkingScheme): void {
  const report = analyseScheme(scheme);
  const rows = planRows(scheme);
  writer.widths([16, 40, 9, 11, 48, 8, 48, 36, 10, 16, 10, 14, 11, 10]);
  for (const field of ['name', 'description', 'extra', 'requirement'] as const) {
    writer.sheet.getColumn(blockColumns[field]).alignment = { vertical: 'top', wrapText: true };
  }
  const title = [scheme.skill.number, scheme.skill.name].filter(Boolean).join(' ');
  writer.set(1, 1, title).font = { bold: true, size: 14 };
  writeSections(writer, report, rows);
  writeCriteria(writer, report, rows);
  let row = rows.firstBlock;
  for (const criterion of scheme.criteria) {
    row = writeBlock(writer, criterion, report, row) + 1;
  }
}

function writeSections(
  writer: SheetWriter,
  report: SchemeReport,
  rows: ReturnType<typeof planRows>,
) {
  const { sectionsHeader, sectionsTotal, firstBlock, lastBlock } = rows;
  writer.header(sectionsHeader, [
    [sectionColumns.id, 'Section'],
    [sectionColumns.name, 'WSOS Section'],
    [sectionColumns.weight, 'WSOS Marks'],
    [sectionColumns.aspectMarks, 'Aspect Marks'],
    [sectionColumns.variation, 'Variation'],
  ]);
  // Aspect marks: the max marks of every aspect row of the marking blocks in this section.
  const blockRange = (column: number) => {
    const letter = columnLetterOf(column);
    return `$${letter}$${firstBlock}:$${letter}$${Math.max(lastBlock, firstBlock)}`;
  };
  const [id, weight, aspectMarks] = [
    sectionColumns.id,
    sectionColumns.weight,
    sectionColumns.aspectMarks,
  ].map(columnLetterOf);
  report.sections.forEach((section, i) => {
    const row = sectionsHeader + 1 + i;
    writer.set(row, sectionColumns.id, idValue(section.id));
    writer.set(row, sectionColumns.name, section.name);
    writer.mark(row, sectionColumns.weight, section.weight);
    writer.mark(row, sectionColumns.aspectMarks, {
      formula: `SUMIF(${blockRange(blockColumns.section)},${id}${row},${blockRange(blockColumns.maxMark)})`,
      result: section.aspectMarks,
    });
    writer.mark(row, sectionColumns.variation, {
      formula: `ABS(${weight}${row}-${aspectMarks}${row})`,
      result: section.variation,
    });
  });
  const [first, last] = [sectionsHeader + 1, sectionsTotal - 1];
  writer.set(sectionsTotal, sectionColumns.id, 'Total').font = { bold: true };
  writer.mark(
    sectionsTotal,
    sectionColumns.weight,
    sum(sectionColumns.weight, first, last, report.sectionWeightTotal),
  );
  writer.mark(
    sectionsTotal,
    sectionColumns.aspectMarks,
    sum(sectionColumns.aspectMarks, first, last, report.total),
  );
  writer.set(sectionsTotal + 1, sectionColumns.id, 'Total Variation').font = { bold: true };
  writer.mark(
    sectionsTotal + 1,
    sectionColumns.variation,
    sum(sectionColumns.variation, first, last, report.totalVariation),
  );
}

function writeCriteria(
  writer: SheetWriter,
  report: SchemeReport,
  rows: ReturnType<typeof planRows>,
) {
  const header = rows.criteriaHeader;
  writer.header(header, [
    [criteriaColumns.id, 'ID'],
    [criteriaColumns.name, 'Name'],
    [criteriaColumns.mark, 'Mark'],
  ]);
  report.criteria.forEach((criterion, i) => {
    writer.set(header + 1 + i, criteriaColumns.id, criterion.id);
    writer.set(header + 1 + i, criteriaColumns.name, criterion.name);
    writer.mark(header + 1 + i, criteriaColumns.mark, criterion.maxMark);
  });
  const total = header + 1 + report.criteria.length;
  writer.set(total, criteriaColumns.id, 'Total').font = { bold: true };
  writer.mark(
    total,
    criteriaColumns.mark,
    sum(criteriaColumns.mark, header + 1, total - 1, report.criteriaTotal),
  );
}

/** One marking block from `headerRow`; returns the row after its last aspect. */
function writeBlock(
  writer: SheetWriter,
  criterion: MarkingScheme['criteria'][number],
  report: SchemeReport,
  headerRow: number,
): number {
  const fieldHeaders = Object.entries(blockHeaderTexts) as Array<[BlockField, string]>;
  writer.header(headerRow, [
    ...fieldHeaders.map(([field, text]): [number, string] => [blockColumns[field], text]),
    [blockCriterionColumn, `Criterion ${criterion.id}`],
    [blockTotalLabelColumn, 'Total Mark'],
  ]);
  let row = headerRow + 1;
  for (const sub of criterion.subCriteria) {
    writer.set(row, blockColumns.id, sub.id).font = { bold: true };
    writer.set(row, blockColumns.name, sub.name).font = { bold: true };
    writer.set(row, blockColumns.day, sub.day);
    row++;
    const counters = { M: 0, J: 0 };
    for (const aspect of sub.aspects) row = writeAspect(writer, row, aspect, counters);
  }
  const total = report.criteria.find((c) => c.id === criterion.id)!.aspectTotal;
  writer.mark(
    headerRow,
    blockTotalColumn,
    sum(blockColumns.maxMark, headerRow + 1, row - 1, total),
  ).font = {
    bold: true,
  };
  return row;
}

/** One aspect row (and the four score rows of a judgement); returns the next free row. */
function writeAspect(
  writer: SheetWriter,
  row: number,
  aspect: Aspect,
  counters: Record<Aspect['type'], number>,
): number {
  const number = Number(aspect.code.slice(aspect.code.indexOf('.') + 2));
  // The importer numbers a plain M / J one past the highest number so far; any other number is
  // written out (M3), as hand-made workbooks do, so codes survive the round trip.
  const plain = number === counters[aspect.type] + 1;
  counters[aspect.type] = Math.max(counters[aspect.type], number);
  writer.set(row, blockColumns.type, plain ? aspect.type : `${aspect.type}${number}`);
  writer.set(row, blockColumns.description, aspect.description);
  if (aspect.extraDescription !== undefined)
    writer.set(row, blockColumns.extra, aspect.extraDescription);
  if (aspect.requirement !== undefined)
    writer.set(row, blockColumns.requirement, aspect.requirement);
  if (aspect.section !== undefined) writer.set(row, blockColumns.section, idValue(aspect.section));
  if (aspect.calculation !== undefined)
    writer.set(row, blockColumns.calculation, aspect.calculation);
  writer.mark(row, blockColumns.maxMark, aspect.maxMark);
  if (aspect.type === 'M' || !aspect.descriptors) return row + 1;
  aspect.descriptors.forEach((descriptor, score) => {
    writer.set(row + 1 + score, blockColumns.score, score);
    if (descriptor !== '') writer.set(row + 1 + score, blockColumns.extra, descriptor);
  });
  return row + 5;
}

function writeCalculationsSheet(writer: SheetWriter, calculations: CalculationRows): void {
  writer.widths([24, 32, 10, 120]);
  writer.header(
    1,
    calculationHeaderTexts.map((text, i): [number, string] => [i + 1, text]),
  );
  let row = 2;
  for (const [name, { type, parameters }] of calculations) {
    writer.set(row, calculationColumns.name, name);
    writer.set(row, calculationColumns.type, type);
    // C: TRUE for a reusable name, FALSE for a row that belongs to one aspect (B4.M5).
    writer.set(row, calculationColumns.flag, !aspectCodeSchema.safeParse(name).success);
    writer.set(row, calculationColumns.parameters, parameters);
    row++;
  }
}
