import type { Section } from '@ashyq/shared';
import { cellAddress, criteriaColumns, normaliseHeader, sectionColumns } from './layout';
import { shown, type SheetReader } from './sheet-reader';

/**
 * The part of the scheme sheet above the marking blocks: title, standards sections, criteria.
 * Header rows are found by their text, so extra rows, notes or a different order do not matter.
 */

export interface HeaderRows {
  sections?: number;
  criteria?: number;
  blocks: number[];
}

export interface SectionRow {
  section: Section;
  /** J and K as typed (or last calculated) in the workbook: possibly stale. */
  statedAspectMarks?: number;
  statedVariation?: number;
  aspectMarksCell: string;
  variationCell: string;
}

export interface CriterionRow {
  id: string;
  name: string;
  maxMark: number;
  markCell: string;
}

const scanWidth = 16;

export function findHeaderRows(reader: SheetReader): HeaderRows {
  const found: HeaderRows = { blocks: [] };
  for (let row = 1; row <= reader.lastRow; row++) {
    const first = normaliseHeader(headerText(reader, row, 1));
    if (first === '') continue;
    if (first.startsWith('subcriterionid')) {
      found.blocks.push(row);
    } else if (
      found.sections === undefined &&
      first.startsWith('section') &&
      sectionMarksColumn(reader, row)
    ) {
      found.sections = row;
    } else if (
      found.criteria === undefined &&
      first === 'id' &&
      normaliseHeader(headerText(reader, row, 2)).startsWith('name')
    ) {
      found.criteria = row;
    }
  }
  return found;
}

/** Header cells are read leniently: a formula or error there only makes the row unrecognised. */
function headerText(reader: SheetReader, row: number, column: number): string {
  const value = reader.value(row, column);
  return value.kind === 'text' ? value.value : '';
}

function findColumn(
  reader: SheetReader,
  row: number,
  matches: (header: string) => boolean,
): number | undefined {
  for (let column = 2; column <= scanWidth; column++) {
    if (matches(normaliseHeader(headerText(reader, row, column)))) return column;
  }
  return undefined;
}

function sectionMarksColumn(reader: SheetReader, row: number): number | undefined {
  return findColumn(reader, row, (h) => /^(wsos|wsss|ws)\w*marks?$/.test(h));
}

/** A1 "39 IT Network Systems Administration"; hand-made files sometimes split it into A1 and B1. */
export function readTitle(reader: SheetReader): { number: string; name: string } {
  const a1 = reader.value(1, 1);
  const b1 = reader.text(1, 2);
  if (a1.kind === 'number' && b1) return { number: String(a1.value), name: b1 };
  const title = reader.text(1, 1);
  if (!title) reader.fail('title_missing', {}, 1, 1);
  const match = /^([A-Z]?\d+[A-Z]?)\s+(.+)$/is.exec(title);
  if (match) return { number: match[1]!, name: match[2]!.trim() };
  reader.warn('skill_number_missing', { title }, 1, 1);
  return { number: '', name: title };
}

export function readSections(reader: SheetReader, headerRow: number | undefined): SectionRow[] {
  if (headerRow === undefined) {
    reader.warn('no_sections_block');
    return [];
  }
  const weightColumn = sectionMarksColumn(reader, headerRow) ?? sectionColumns.weight;
  const aspectMarksColumn =
    findColumn(reader, headerRow, (h) => h === 'aspectmarks') ?? sectionColumns.aspectMarks;
  const variationColumn =
    findColumn(reader, headerRow, (h) => h === 'variation') ?? sectionColumns.variation;
  const rows: SectionRow[] = [];
  for (let row = headerRow + 1; row <= reader.lastRow; row++) {
    const id = reader.text(row, sectionColumns.id);
    if (!id || normaliseHeader(id).startsWith('total')) break;
    if (rows.some((r) => r.section.id === id))
      reader.fail('duplicate_section', { section: id }, sectionColumns.id, row);
    const weight = reader.readable(row, weightColumn);
    if (weight.kind !== 'number' || weight.value < 0) {
      reader.fail(
        'section_weight_invalid',
        { section: id, found: shown(weight) },
        weightColumn,
        row,
      );
    }
    const sectionRow: SectionRow = {
      section: { id, name: reader.text(row, sectionColumns.name) ?? '', weight: weight.value },
      aspectMarksCell: cellAddress(aspectMarksColumn, row),
      variationCell: cellAddress(variationColumn, row),
    };
    const statedAspectMarks = reader.statedNumber(row, aspectMarksColumn);
    if (statedAspectMarks !== undefined) sectionRow.statedAspectMarks = statedAspectMarks;
    const statedVariation = reader.statedNumber(row, variationColumn);
    if (statedVariation !== undefined) sectionRow.statedVariation = statedVariation;
    rows.push(sectionRow);
  }
  return rows;
}

export function readCriteria(reader: SheetReader, headerRow: number | undefined): CriterionRow[] {
  if (headerRow === undefined) reader.fail('criteria_header_missing', {});
  const markColumn =
    findColumn(reader, headerRow, (h) => h.includes('mark')) ?? criteriaColumns.mark;
  const rows: CriterionRow[] = [];
  for (let row = headerRow + 1; row <= reader.lastRow; row++) {
    const id = reader.text(row, criteriaColumns.id)?.toUpperCase();
    if (!id || !/^[A-Z]$/.test(id)) break;
    const name = reader.text(row, criteriaColumns.name) ?? '';
    const mark = reader.readable(row, markColumn);
    // Templates list spare criteria letters with neither name nor mark.
    if (name === '' && (mark.kind === 'empty' || (mark.kind === 'number' && mark.value === 0)))
      continue;
    if (mark.kind !== 'number' || mark.value < 0) {
      reader.fail('criterion_mark_invalid', { criterion: id, found: shown(mark) }, markColumn, row);
    }
    if (rows.some((r) => r.id === id))
      reader.fail('duplicate_criterion', { criterion: id }, criteriaColumns.id, row);
    rows.push({ id, name, maxMark: mark.value, markCell: cellAddress(markColumn, row) });
  }
  if (rows.length === 0) reader.fail('no_criteria', {}, criteriaColumns.id, headerRow);
  return rows;
}
