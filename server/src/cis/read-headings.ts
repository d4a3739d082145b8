import type { Section } from '@ashyq/shared';
import {
  blockFieldOfHeader,
  cellAddress,
  isSubCriterionIdHeader,
  latinLookalikes,
  markLimit,
  normaliseHeader,
} from './layout';
import { shown, type SheetReader } from './sheet-reader';

/**
 * The part of the scheme sheet above the marking blocks: title, standards sections, criteria
 * (docs/marking-schemes.md). Everything is found by its text and by what its cells hold, never
 * by a fixed row or column: real workbooks add notes, merge cells, drop blocks and move them.
 */

/** How far to the right a header row is read: real layouts end at N (14). */
export const scanWidth = 20;

export interface BlockHeader {
  row: number;
  /** Where "Sub Criterion ID" sits (A in every layout seen, but found, not assumed). */
  idColumn: number;
}

export interface HeaderRows {
  sections?: { row: number; idColumn: number };
  criteria?: { row: number; idColumn: number };
  blocks: BlockHeader[];
}

export interface SectionRow {
  section: Section;
  /** Aspect marks and variation as typed (or last calculated) in the workbook: possibly stale. */
  statedAspectMarks?: number;
  statedVariation?: number;
  aspectMarksCell?: string;
  variationCell?: string;
}

export interface CriterionRow {
  id: string;
  name: string;
  /** Undefined when the row names the criterion but gives no mark (taken from the aspects). */
  maxMark?: number;
  markCell: string;
}

/** Header cells are read leniently: a formula or error there only makes the row unrecognised. */
export function headerText(reader: SheetReader, row: number, column: number): string {
  const value = reader.value(row, column);
  return value.kind === 'text' ? value.value : '';
}

/** The first column of the row with any content, or undefined for an empty row. */
function firstFilledColumn(reader: SheetReader, row: number): number | undefined {
  for (let column = 1; column <= scanWidth; column++) {
    if (!reader.isEmpty(row, column)) return column;
  }
  return undefined;
}

const sectionHeaders = new Set(['section', 'sections', 'раздел', 'разделы']);
const criteriaHeaders = new Set(['id', 'criteria', 'criterion', 'критерий', 'критерии', 'код']);
const isMarksHeader = (h: string) =>
  /(marks?|weight|балл|баллы|вес)$/.test(h) && h !== 'aspectmarks' && !h.startsWith('total');

/**
 * Finds the block header rows anywhere on the sheet, and the sections and criteria header rows
 * above the first block. A sections header starts with "Section" and has a marks column; a
 * criteria header starts with "ID" (or "Criteria") and has a "Mark" column to its right.
 */
export function findHeaderRows(reader: SheetReader): HeaderRows {
  const found: HeaderRows = { blocks: [] };
  for (let row = 1; row <= reader.lastRow; row++) {
    const idColumn = blockIdColumn(reader, row);
    if (idColumn !== undefined) {
      found.blocks.push({ row, idColumn });
      continue;
    }
    if (found.blocks.length > 0) continue;
    const first = firstFilledColumn(reader, row);
    if (first === undefined) continue;
    const lead = normaliseHeader(headerText(reader, row, first));
    const marks = columnsMatching(reader, row, first + 1, isMarksHeader);
    if (marks.length === 0) continue;
    if (found.sections === undefined && sectionHeaders.has(lead)) {
      found.sections = { row, idColumn: first };
    } else if (found.criteria === undefined && criteriaHeaders.has(lead)) {
      found.criteria = { row, idColumn: first };
    }
  }
  return found;
}

/**
 * The column of "Sub Criterion ID" when the row is a marking block header: that cell, with
 * headers of other block fields to its right (so a descriptor that happens to say "Sub
 * Criterion ID" is not taken for a header).
 */
export function blockIdColumn(reader: SheetReader, row: number): number | undefined {
  for (let column = 1; column <= scanWidth; column++) {
    const text = headerText(reader, row, column);
    if (text === '' || !isSubCriterionIdHeader(text)) continue;
    const fields = new Set<string>();
    for (let right = column + 1; right <= scanWidth; right++) {
      const field = blockFieldOfHeader(headerText(reader, row, right));
      if (field) fields.add(field);
    }
    return fields.has('type') && fields.has('maxMark') ? column : undefined;
  }
  return undefined;
}

function columnsMatching(
  reader: SheetReader,
  row: number,
  from: number,
  matches: (header: string) => boolean,
): number[] {
  const columns: number[] = [];
  for (let column = from; column <= scanWidth; column++) {
    const text = headerText(reader, row, column);
    if (text !== '' && matches(normaliseHeader(text))) columns.push(column);
  }
  return columns;
}

/** Data rows under a header: until an empty id cell or a "Total" row. */
function dataRows(reader: SheetReader, headerRow: number, idColumn: number): number[] {
  const rows: number[] = [];
  for (let row = headerRow + 1; row <= reader.lastRow; row++) {
    const id = reader.value(row, idColumn);
    if (id.kind === 'empty') break;
    if (id.kind === 'text' && normaliseHeader(id.value).startsWith('total')) break;
    rows.push(row);
  }
  return rows;
}

/** Of several candidate columns, the one whose data cells are numbers most often. */
function mostNumeric(reader: SheetReader, columns: number[], rows: number[]): number | undefined {
  let best: { column: number; count: number } | undefined;
  for (const column of columns) {
    const count = rows.filter((row) => reader.value(row, column).kind === 'number').length;
    if (!best || count > best.count) best = { column, count };
  }
  return best?.column;
}

/** The first column between `from` and `to` (exclusive) holding text in any data row. */
function firstTextColumn(
  reader: SheetReader,
  rows: number[],
  from: number,
  to: number,
): number | undefined {
  for (let column = from; column < to; column++) {
    if (rows.some((row) => reader.value(row, column).kind === 'text')) return column;
  }
  return undefined;
}

/** "17 Web Development", "Skill 17 – Web Development", "Компетенция № 17. Веб-технологии". */
const skillTitle =
  /^\s*(?:(?:skill|навык|компетенция|құзырет)\s*(?:no\.?|№)?\s*)?(\d{1,3}[A-Za-z]?)\s*[-–.:]?\s+(\S[\s\S]*)$/iu;

/**
 * The skill number and name: "17 Web Development" in A1 of CIS files, somewhere above the first
 * header in others, or split into a number and a name cell. Undefined when there is none.
 */
export function readTitle(
  reader: SheetReader,
  beforeRow: number,
): { number: string; name: string } | undefined {
  for (let row = 1; row < beforeRow; row++) {
    for (let column = 1; column <= scanWidth; column++) {
      const value = reader.value(row, column);
      if (value.kind === 'number' && Number.isInteger(value.value)) {
        const name = headerText(reader, row, column + 1).trim();
        if (name !== '' && value.value > 0 && value.value < 1000)
          return { number: String(value.value), name };
      }
      if (value.kind !== 'text') continue;
      const match = skillTitle.exec(value.value);
      if (match) return { number: match[1]!.toUpperCase(), name: match[2]!.trim() };
    }
  }
  // A title without a number is taken only from A1: lower rows hold block titles and notes.
  const a1 = beforeRow > 1 ? headerText(reader, 1, 1).trim() : '';
  if (a1 !== '') {
    reader.warn('skill_number_missing', { title: a1 }, 1, 1);
    return { number: '', name: a1 };
  }
  return undefined;
}

/** Section ids as people write them: 1 and "1" are the same section. */
function idOf(reader: SheetReader, row: number, column: number): string | undefined {
  return reader.text(row, column)?.trim() || undefined;
}

export function readSections(reader: SheetReader, header: HeaderRows['sections']): SectionRow[] {
  if (header === undefined) return [];
  const { row: headerRow, idColumn } = header;
  const rows = dataRows(reader, headerRow, idColumn);
  // "WSOS Marks" can head two columns (over the names and over the weights): the weights are
  // the column of numbers.
  const weightColumn = mostNumeric(
    reader,
    columnsMatching(reader, headerRow, idColumn + 1, isMarksHeader),
    rows,
  )!;
  const [aspectMarksColumn] = columnsMatching(reader, headerRow, idColumn + 1, (h) =>
    h.startsWith('aspectmark'),
  );
  const [variationColumn] = columnsMatching(reader, headerRow, idColumn + 1, (h) =>
    h.startsWith('variation'),
  );
  const nameColumn = firstTextColumn(reader, rows, idColumn + 1, weightColumn);
  const sections: SectionRow[] = [];
  for (const row of rows) {
    const id = idOf(reader, row, idColumn)!;
    if (sections.some((r) => r.section.id === id))
      reader.fail('duplicate_section', { section: id }, idColumn, row);
    const weight = reader.readable(row, weightColumn);
    if (weight.kind === 'number' && weight.value > markLimit)
      reader.fail('mark_too_large', { found: weight.value, limit: markLimit }, weightColumn, row);
    if (weight.kind === 'empty') reader.tally('section_weight_missing', weightColumn, row);
    else if (weight.kind !== 'number' || weight.value < 0) {
      reader.fail(
        'section_weight_invalid',
        { section: id, found: shown(weight) },
        weightColumn,
        row,
      );
    }
    const name = nameColumn === undefined ? '' : (reader.text(row, nameColumn) ?? '');
    const sectionRow: SectionRow = {
      section: { id, name, weight: weight.kind === 'number' ? weight.value : 0 },
    };
    if (aspectMarksColumn !== undefined) {
      sectionRow.aspectMarksCell = cellAddress(aspectMarksColumn, row);
      const stated = reader.statedNumber(row, aspectMarksColumn);
      if (stated !== undefined) sectionRow.statedAspectMarks = stated;
    }
    if (variationColumn !== undefined) {
      sectionRow.variationCell = cellAddress(variationColumn, row);
      const stated = reader.statedNumber(row, variationColumn);
      if (stated !== undefined) sectionRow.statedVariation = stated;
    }
    sections.push(sectionRow);
  }
  return sections;
}

/** "A", or "A Static Website Design" / "A. Static..." where the id and the name share a cell. */
function criterionIdOf(text: string): { id: string; name?: string } | undefined {
  const latin = latinLookalikes(text.trim());
  if (/^[A-Za-z]$/.test(latin)) return { id: latin.toUpperCase() };
  const match = /^([A-Z])(?:[.:)–-]\s*|\s+)(\S[\s\S]*)$/.exec(latin);
  return match
    ? { id: match[1]!, name: text.trim().slice(match[0].length - match[2]!.length) }
    : undefined;
}

/**
 * The criteria block: a letter, a name and a mark per row. Templates list spare letters with
 * neither name nor mark (skipped); a named row without a mark takes its aspects' total.
 */
export function readCriteria(reader: SheetReader, header: HeaderRows['criteria']): CriterionRow[] {
  if (header === undefined) return [];
  const { row: headerRow, idColumn } = header;
  const rows = dataRows(reader, headerRow, idColumn);
  const markColumns = columnsMatching(reader, headerRow, idColumn + 1, isMarksHeader);
  const markColumn = mostNumeric(reader, markColumns, rows) ?? markColumns[0]!;
  const nameColumn = firstTextColumn(reader, rows, idColumn + 1, markColumn);
  const criteria: CriterionRow[] = [];
  for (const row of rows) {
    const parsed = criterionIdOf(reader.text(row, idColumn) ?? '');
    if (!parsed) break;
    const { id } = parsed;
    const name =
      parsed.name ?? (nameColumn === undefined ? '' : (reader.text(row, nameColumn) ?? ''));
    const mark = reader.readable(row, markColumn);
    const markCell = cellAddress(markColumn, row);
    const noMark = mark.kind === 'empty' || (mark.kind === 'number' && mark.value === 0);
    if (name === '' && noMark) continue;
    if (mark.kind === 'number' && mark.value > markLimit)
      reader.fail('mark_too_large', { found: mark.value, limit: markLimit }, markColumn, row);
    if (mark.kind !== 'empty' && (mark.kind !== 'number' || mark.value < 0)) {
      reader.fail('criterion_mark_invalid', { criterion: id, found: shown(mark) }, markColumn, row);
    }
    if (criteria.some((r) => r.id === id))
      reader.fail('duplicate_criterion', { criterion: id }, idColumn, row);
    criteria.push(
      mark.kind === 'number' ? { id, name, maxMark: mark.value, markCell } : { id, name, markCell },
    );
  }
  return criteria;
}
