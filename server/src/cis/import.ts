import ExcelJS from 'exceljs';
import {
  analyseScheme,
  criterionMismatches,
  markDifference,
  markingSchemeSchema,
  sumMarks,
  type Criterion,
  type Language,
  type MarkingScheme,
  type SchemeReport,
} from '@ashyq/shared';
import { calculationsSheetName, cellAddress, normaliseHeader, schemeSheetName } from './layout';
import { formatMark, WorkbookError, type WorkbookWarning } from './problems';
import { BlockReader, type BlockRead } from './read-blocks';
import { applyCalculations, readCalculations } from './read-calculations';
import {
  findHeaderRows,
  readCriteria,
  readSections,
  readTitle,
  type CriterionRow,
  type SectionRow,
} from './read-headings';
import { ImportContext, SheetReader } from './sheet-reader';

export interface ImportOptions {
  /** Refuse a workbook whose criteria block marks differ from their aspect totals. */
  strict?: boolean;
  /** Language of warning and error messages (default English). */
  language?: Language;
}

export interface WorkbookImport {
  scheme: MarkingScheme;
  report: SchemeReport;
  warnings: WorkbookWarning[];
}

/**
 * Reads a CIS "Marking Scheme Import" workbook (handbook cis-workbook.md) as found in the wild.
 * Resolves to a validated scheme, its report and every warning with its sheet and cell; rejects
 * with a WorkbookError that names the sheet, cell and what was expected. Never anything else.
 */
export async function importWorkbook(
  data: Uint8Array,
  options: ImportOptions = {},
): Promise<WorkbookImport> {
  const context = new ImportContext(options.language ?? 'en');
  // The content decides, not the file name: an xlsx file is a zip archive.
  if (!startsWithZipMagic(data)) throw context.error('not_xlsx');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; node's Buffer is what it reads at run time.
    await workbook.xlsx.load(
      (Buffer.isBuffer(data) ? data : Buffer.from(data)) as unknown as ArrayBuffer,
    );
  } catch (error) {
    throw context.error('unreadable_workbook', { detail: describe(error) });
  }
  try {
    return readWorkbook(workbook, context, options.strict ?? false);
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw context.error('unreadable_workbook', { detail: describe(error) });
  }
}

function startsWithZipMagic(data: Uint8Array): boolean {
  return (
    data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const wanted = normaliseHeader(name);
  return (
    workbook.getWorksheet(name) ??
    workbook.worksheets.find((s) => normaliseHeader(s.name) === wanted)
  );
}

function readWorkbook(
  workbook: ExcelJS.Workbook,
  context: ImportContext,
  strict: boolean,
): WorkbookImport {
  const sheet = findSheet(workbook, schemeSheetName);
  if (!sheet) {
    const found = workbook.worksheets.map((s) => s.name).join(', ');
    throw context.error('sheet_missing', { sheet: schemeSheetName, found });
  }
  const reader: SheetReader = new SheetReader(sheet, context);
  const headers = findHeaderRows(reader);
  const skill = readTitle(reader);
  const sectionRows = readSections(reader, headers.sections);
  const criterionRows = readCriteria(reader, headers.criteria);
  const sections = sectionRows.map((r) => r.section);
  const blocks = new BlockReader(reader, sections).readAll(headers.blocks);
  const criteria = assignBlocks(reader, criterionRows, blocks);

  const calculationsSheet = findSheet(workbook, calculationsSheetName);
  const calculationsReader = calculationsSheet && new SheetReader(calculationsSheet, context);
  const aspects = blocks.flatMap((b) => b.aspects);
  applyCalculations(aspects, readCalculations(calculationsReader), reader, calculationsReader);

  const parsed = markingSchemeSchema.safeParse({ skill, sections, criteria });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    reader.fail('scheme_invalid', { path: issue.path.join('.'), detail: issue.message });
  }
  const report = analyseScheme(parsed.data);
  checkTotals(reader, report, sectionRows, criterionRows, blocks, strict);
  const sheetOrder = [sheet.name, calculationsSheet?.name];
  return { scheme: parsed.data, report, warnings: inReadingOrder(context.warnings, sheetOrder) };
}

/** Warnings sorted as a person reads the workbook: by sheet, then row, then column. */
function inReadingOrder(
  warnings: WorkbookWarning[],
  sheetOrder: Array<string | undefined>,
): WorkbookWarning[] {
  const position = (w: WorkbookWarning): [number, number, number] => {
    const [, letters = '', row = '0'] = /^([A-Z]+)(\d+)$/.exec(w.cell ?? '') ?? [];
    const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [sheetOrder.indexOf(w.sheet), Number(row), column];
  };
  return warnings
    .map((warning) => ({ warning, at: position(warning) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2] - b.at[2])
    .map(({ warning }) => warning);
}

function assignBlocks(
  reader: SheetReader,
  criterionRows: CriterionRow[],
  blocks: BlockRead[],
): Criterion[] {
  const criteria = criterionRows.map(({ id, name, maxMark }) => ({
    id,
    name,
    maxMark,
    subCriteria: [] as Criterion['subCriteria'],
  }));
  for (const block of blocks) {
    // Templates carry empty blocks for unused criteria letters.
    if (!block.criterion || block.subCriteria.length === 0) continue;
    const criterion = criteria.find((c) => c.id === block.criterion);
    if (!criterion) {
      reader.fail(
        'block_criterion_unknown',
        { criterion: block.criterion },
        block.criterionColumn,
        block.headerRow,
      );
    }
    criterion.subCriteria.push(...block.subCriteria);
  }
  return criteria;
}

/** Typed-in totals go stale as people edit; the aspects are the truth, the rest is reported. */
function checkTotals(
  reader: SheetReader,
  report: SchemeReport,
  sectionRows: SectionRow[],
  criterionRows: CriterionRow[],
  blocks: BlockRead[],
  strict: boolean,
): void {
  report.sections.forEach((section, i) => {
    const row = sectionRows[i]!;
    if (
      row.statedAspectMarks !== undefined &&
      markDifference(row.statedAspectMarks, section.aspectMarks) > 0
    ) {
      warnAt(reader, 'section_aspect_marks_stale', row.aspectMarksCell, {
        section: section.id,
        found: formatMark(row.statedAspectMarks),
        computed: formatMark(section.aspectMarks),
      });
    }
    if (
      row.statedVariation !== undefined &&
      markDifference(row.statedVariation, section.variation) > 0
    ) {
      warnAt(reader, 'section_variation_stale', row.variationCell, {
        section: section.id,
        found: formatMark(row.statedVariation),
        computed: formatMark(section.variation),
      });
    }
  });
  if (report.sections.length > 0 && markDifference(report.sectionWeightTotal, report.total) > 0) {
    reader.warn('section_weights_total', {
      weights: formatMark(report.sectionWeightTotal),
      total: formatMark(report.total),
    });
  }
  for (const block of blocks) {
    if (block.statedTotal === undefined || !block.criterion) continue;
    const computed = sumMarks(block.aspects.map((a) => a.aspect.maxMark));
    if (markDifference(block.statedTotal, computed) > 0) {
      warnAt(reader, 'block_total_stale', cellAddress(block.totalColumn, block.headerRow), {
        criterion: block.criterion,
        found: formatMark(block.statedTotal),
        computed: formatMark(computed),
      });
    }
  }
  for (const mismatch of criterionMismatches(report)) {
    const cell = criterionRows.find((r) => r.id === mismatch.id)!.markCell;
    const params = {
      criterion: mismatch.id,
      maxMark: formatMark(mismatch.maxMark),
      aspectTotal: formatMark(mismatch.aspectTotal),
    };
    if (strict) throw reader.context.error('criterion_total_mismatch', params, reader.name, cell);
    warnAt(reader, 'criterion_total_mismatch', cell, params);
  }
}

function warnAt(
  reader: SheetReader,
  code: Parameters<SheetReader['warn']>[0],
  cell: string,
  params: Record<string, string | number>,
): void {
  reader.context.warn(reader.name, code, params, cell);
}
