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
  type Section,
  type WorkbookReading,
} from '@ashyq/shared';
import { openUploadedWorkbook } from '../uploads/workbook';
import { calculationsSheetName, columnLetterOf, normaliseHeader, schemeSheetName } from './layout';
import { formatMark, WorkbookError, type WorkbookWarning } from './problems';
import { BlockReader, type BlockRead, type SubCriterionRead } from './read-blocks';
import { applyCalculations, readCalculations } from './read-calculations';
import {
  blockIdColumn,
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
  reading: WorkbookReading;
  warnings: WorkbookWarning[];
}

/**
 * Reads a CIS marking scheme workbook as found in the wild (docs/marking-schemes.md): the sheet,
 * its blocks and their columns are found by content. Resolves to a validated scheme, its report,
 * what was read and derived, and every warning with its sheet and cell; rejects with a
 * WorkbookError that names the sheet, the cell and what was expected. Never anything else.
 */
export async function importWorkbook(
  data: Uint8Array,
  options: ImportOptions = {},
): Promise<WorkbookImport> {
  const context = new ImportContext(options.language ?? 'en');
  // The content decides, not the file name: an xlsx file is a zip archive.
  if (!startsWithZipMagic(data)) throw context.error('not_xlsx');
  const opened = await openUploadedWorkbook(data);
  if (!opened.ok) {
    throw opened.problem === 'too_large'
      ? context.error('workbook_too_large', { limit: opened.limit })
      : context.error('unreadable_workbook', { detail: 'damaged zip archive' });
  }
  const { workbook } = opened;
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

/**
 * The sheet whose content is a marking scheme: the most marking block headers; the CIS sheet
 * name only breaks a tie. Refuses, listing the sheets, when no sheet has a block header.
 */
function findSchemeSheet(workbook: ExcelJS.Workbook, context: ImportContext): SheetReader {
  let best: { reader: SheetReader; blocks: number; named: boolean } | undefined;
  for (const sheet of workbook.worksheets) {
    const reader = new SheetReader(sheet, context);
    let blocks = 0;
    for (let row = 1; row <= reader.lastRow; row++) {
      if (blockIdColumn(reader, row) !== undefined) blocks++;
    }
    const named = normaliseHeader(sheet.name) === normaliseHeader(schemeSheetName);
    if (
      blocks > 0 &&
      (!best || blocks > best.blocks || (blocks === best.blocks && named && !best.named))
    )
      best = { reader, blocks, named };
  }
  if (!best) {
    const found = workbook.worksheets.map((s) => `"${s.name}"`).join(', ');
    throw context.error('sheet_missing', { found });
  }
  return best.reader;
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const wanted = normaliseHeader(name);
  return workbook.worksheets.find((s) => normaliseHeader(s.name) === wanted);
}

function readWorkbook(
  workbook: ExcelJS.Workbook,
  context: ImportContext,
  strict: boolean,
): WorkbookImport {
  // Typed, so that its `never`-returning fail() narrows types after it.
  const reader: SheetReader = findSchemeSheet(workbook, context);
  const derived: WorkbookReading['derived'] = [];
  if (normaliseHeader(reader.name) !== normaliseHeader(schemeSheetName))
    reader.warn('sheet_other_name', { sheet: reader.name });
  const headers = findHeaderRows(reader);
  const firstHeader = Math.min(
    headers.blocks[0]!.row,
    headers.sections?.row ?? Infinity,
    headers.criteria?.row ?? Infinity,
  );
  let skill = readTitle(reader, firstHeader);
  if (!skill) {
    reader.warn('title_missing');
    derived.push('skill');
    skill = { number: '', name: '' };
  }
  const sectionRows = readSections(reader, headers.sections);
  const criterionRows = readCriteria(reader, headers.criteria);
  const blockReader = new BlockReader(
    reader,
    sectionRows.map((r) => r.section),
  );
  const columns = blockReader.columnsOf(headers.blocks[0]!);
  const blocks = blockReader.readAll(headers.blocks);
  if (columns.day === undefined) derived.push('days');
  resolveDuplicates(reader, blocks);
  const criteria = assignCriteria(reader, criterionRows, blocks, derived);
  const sections = placeSections(reader, headers.sections && sectionRows, blocks, derived);

  const calculationsSheet = findSheet(workbook, calculationsSheetName);
  const calculationsReader = calculationsSheet && new SheetReader(calculationsSheet, context);
  const aspects = blocks.flatMap((b) => b.subCriteria.flatMap((s) => s.aspects));
  applyCalculations(aspects, readCalculations(calculationsReader), reader, calculationsReader);

  const parsed = markingSchemeSchema.safeParse({ skill, sections, criteria });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    reader.fail('scheme_invalid', { path: issue.path.join('.'), detail: issue.message });
  }
  const report = analyseScheme(parsed.data);
  checkTotals(reader, report, sectionRows, criterionRows, blocks, strict, derived);
  context.flushTallies();
  const reading: WorkbookReading = {
    sheet: reader.name,
    sheets: workbook.worksheets.map((s) => s.name),
    layout: columns.day === undefined ? 'cis-2016' : 'cis-2019',
    columns: Object.fromEntries(
      Object.entries(columns).map(([field, column]) => [field, columnLetterOf(column!)]),
    ),
    blocks: blocks.map((b) => {
      const entry: WorkbookReading['blocks'][number] = {
        row: b.headerRow,
        criteria: [...new Set(b.subCriteria.map((s) => s.sub.id[0]!))],
      };
      if (b.label) entry.label = b.label.cell;
      return entry;
    }),
    derived,
  };
  const sheetOrder = [reader.name, calculationsSheet?.name];
  return {
    scheme: parsed.data,
    report,
    reading,
    warnings: inReadingOrder(context.warnings, sheetOrder),
  };
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

/**
 * The same sub-criterion ID twice. An empty one is dropped; one that repeats the ID of the
 * sub-criterion right above it is a copied row whose number was not moved on, and takes the
 * next free number; anything else is ambiguous and refused, naming both cells.
 */
function resolveDuplicates(reader: SheetReader, blocks: BlockRead[]): void {
  const all = blocks.flatMap((b) => b.subCriteria);
  const used = new Set(all.map((s) => s.sub.id));
  const seen = new Map<string, SubCriterionRead>();
  for (const block of blocks) {
    block.subCriteria = block.subCriteria.filter((read, i, list) => {
      const first = seen.get(read.sub.id);
      if (!first) {
        seen.set(read.sub.id, read);
        return true;
      }
      const params = { id: read.sub.id, first: first.idCell };
      if (read.aspects.length === 0) {
        reader.context.warn(reader.name, 'sub_criterion_duplicate_empty', params, read.idCell);
        return false;
      }
      if (first.aspects.length === 0) {
        reader.context.warn(
          reader.name,
          'sub_criterion_duplicate_empty',
          { id: read.sub.id, first: read.idCell },
          first.idCell,
        );
        removeSubCriterion(blocks, first);
        seen.set(read.sub.id, read);
        return true;
      }
      if (list[i - 1] !== first) {
        throw reader.context.error('duplicate_sub_criterion', params, reader.name, read.idCell);
      }
      const letter = read.sub.id[0]!;
      let number = Number(read.sub.id.slice(1)) + 1;
      while (used.has(`${letter}${number}`)) number++;
      const renamed = `${letter}${number}`;
      used.add(renamed);
      renameSubCriterion(read, renamed);
      seen.set(renamed, read);
      reader.context.warn(
        reader.name,
        'sub_criterion_renumbered',
        { ...params, renamed },
        read.idCell,
      );
      return true;
    });
  }
}

function removeSubCriterion(blocks: BlockRead[], read: SubCriterionRead): void {
  for (const block of blocks) block.subCriteria = block.subCriteria.filter((s) => s !== read);
}

function renameSubCriterion(read: SubCriterionRead, id: string): void {
  const old = read.sub.id;
  read.sub.id = id;
  for (const aspect of read.sub.aspects) aspect.code = `${id}${aspect.code.slice(old.length)}`;
}

/**
 * Puts every sub-criterion under the criterion its ID names (A1 -> A). A block labelled
 * "Criterion A" may hold only A's; an unlabelled block takes its criteria from the IDs. Criteria
 * come from the criteria block; those it lacks (or the whole block) are derived from the
 * marking blocks, with their aspects' total as mark.
 */
function assignCriteria(
  reader: SheetReader,
  rows: CriterionRow[],
  blocks: BlockRead[],
  derived: WorkbookReading['derived'],
): Criterion[] {
  const byId = new Map<string, Criterion>();
  const criterion = (id: string): Criterion => {
    let found = byId.get(id);
    if (!found) {
      const row = rows.find((r) => r.id === id);
      found = { id, name: row?.name ?? '', maxMark: row?.maxMark ?? 0, subCriteria: [] };
      byId.set(id, found);
    }
    return found;
  };
  for (const row of rows) criterion(row.id);
  for (const block of blocks) {
    if (block.subCriteria.length === 0) continue;
    const label = block.label?.criterion;
    if (!label) reader.tally('block_criterion_inferred', 1, block.headerRow);
    for (const read of block.subCriteria) {
      const id = read.sub.id[0]!;
      if (label && id !== label) {
        throw reader.context.error(
          'sub_criterion_outside_block',
          { id: read.sub.id, criterion: label, label: block.label!.cell },
          reader.name,
          read.idCell,
        );
      }
      criterion(id).subCriteria.push(read.sub);
    }
  }
  const criteria = [...byId.values()];
  if (criteria.length === 0) reader.fail('no_aspects', {});
  const missing = criteria.filter(
    (c) => !rows.some((r) => r.id === c.id && r.maxMark !== undefined),
  );
  for (const c of missing)
    c.maxMark = sumMarks(c.subCriteria.flatMap((s) => s.aspects.map((a) => a.maxMark)));
  if (missing.length > 0) {
    derived.push('criteria');
    reader.warn('criteria_derived', { criteria: missing.map((c) => c.id).join(', ') });
  }
  return criteria;
}

/**
 * The sections of the sections block, plus any an aspect names that the block lacks (weight 0).
 * Without a sections block, sections come from the aspects' section cells, weighted by their
 * aspects so that nothing reads as a variation; without those either, the scheme has none.
 */
function placeSections(
  reader: SheetReader,
  rows: SectionRow[] | undefined,
  blocks: BlockRead[],
  derived: WorkbookReading['derived'],
): Section[] {
  const aspects = blocks.flatMap((b) => b.subCriteria.flatMap((s) => s.aspects));
  if (rows) {
    const sections = rows.map((r) => r.section);
    const known = new Set(sections.map((s) => s.id));
    // An empty sections block is a scheme whose sections are not weighted: kept as it is.
    if (sections.length === 0) return sections;
    for (const read of aspects) {
      const id = read.aspect.section;
      if (id === undefined || known.has(id)) continue;
      reader.context.tally(reader.name, 'section_not_in_block', read.sectionCell!, { section: id });
      sections.push({ id, name: '', weight: 0 });
      known.add(id);
    }
    return sections;
  }
  const marks = new Map<string, number[]>();
  for (const { aspect } of aspects) {
    if (aspect.section !== undefined)
      (marks.get(aspect.section) ?? marks.set(aspect.section, []).get(aspect.section)!).push(
        aspect.maxMark,
      );
  }
  if (marks.size === 0) {
    reader.warn('no_sections');
    return [];
  }
  derived.push('sections');
  const ids = [...marks.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  reader.warn('sections_derived', { sections: ids.join(', ') });
  return ids.map((id) => ({ id, name: '', weight: sumMarks(marks.get(id)!) }));
}

/** Typed-in totals go stale as people edit; the aspects are the truth, the rest is reported. */
function checkTotals(
  reader: SheetReader,
  report: SchemeReport,
  sectionRows: SectionRow[],
  criterionRows: CriterionRow[],
  blocks: BlockRead[],
  strict: boolean,
  derived: WorkbookReading['derived'],
): void {
  for (const row of sectionRows) {
    const section = report.sections.find((s) => s.id === row.section.id)!;
    const stale = (stated: number | undefined, computed: number) =>
      stated !== undefined && markDifference(stated, computed) > 0;
    if (stale(row.statedAspectMarks, section.aspectMarks)) {
      warnAt(reader, 'section_aspect_marks_stale', row.aspectMarksCell!, {
        section: section.id,
        found: formatMark(row.statedAspectMarks!),
        computed: formatMark(section.aspectMarks),
      });
    }
    if (stale(row.statedVariation, section.variation)) {
      warnAt(reader, 'section_variation_stale', row.variationCell!, {
        section: section.id,
        found: formatMark(row.statedVariation!),
        computed: formatMark(section.variation),
      });
    }
  }
  if (
    !derived.includes('sections') &&
    report.sections.length > 0 &&
    markDifference(report.sectionWeightTotal, report.total) > 0
  ) {
    reader.warn('section_weights_total', {
      weights: formatMark(report.sectionWeightTotal),
      total: formatMark(report.total),
    });
  }
  for (const block of blocks) {
    for (const read of block.subCriteria) {
      const subtotal = read.statedSubtotal;
      const computed = sumMarks(read.sub.aspects.map((a) => a.maxMark));
      if (subtotal && markDifference(subtotal.value, computed) > 0) {
        warnAt(reader, 'sub_criterion_total_stale', subtotal.cell, {
          id: read.sub.id,
          found: formatMark(subtotal.value),
          computed: formatMark(computed),
        });
      }
    }
    if (!block.statedTotal || !block.label) continue;
    const computed = sumMarks(
      block.subCriteria.flatMap((s) => s.sub.aspects.map((a) => a.maxMark)),
    );
    if (markDifference(block.statedTotal.value, computed) > 0) {
      warnAt(reader, 'block_total_stale', block.statedTotal.cell, {
        criterion: block.label.criterion,
        found: formatMark(block.statedTotal.value),
        computed: formatMark(computed),
      });
    }
  }
  for (const mismatch of criterionMismatches(report)) {
    const row = criterionRows.find((r) => r.id === mismatch.id);
    if (row?.maxMark === undefined) continue;
    const params = {
      criterion: mismatch.id,
      maxMark: formatMark(mismatch.maxMark),
      aspectTotal: formatMark(mismatch.aspectTotal),
    };
    if (strict)
      throw reader.context.error('criterion_total_mismatch', params, reader.name, row.markCell);
    warnAt(reader, 'criterion_total_mismatch', row.markCell, params);
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
