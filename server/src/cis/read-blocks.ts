import type { Aspect, AspectType, Section, SubCriterion } from '@ashyq/shared';
import {
  blockColumns,
  blockCriterionColumn,
  blockFieldOfHeader,
  blockTotalColumn,
  cellAddress,
  normaliseHeader,
  type BlockField,
} from './layout';
import { shown, type CellValue, type SheetReader } from './sheet-reader';

/** One aspect as read, with the row it came from (for later warnings about it). */
export interface AspectRead {
  aspect: Aspect;
  row: number;
  calculationColumn?: number;
}

/** One marking block: a header row `Sub Criterion ID ... Criterion A ... total`, then its rows. */
export interface BlockRead {
  /** Undefined only for an empty block whose header names no criterion. */
  criterion?: string;
  headerRow: number;
  criterionColumn: number;
  totalColumn: number;
  /** N as typed (or last calculated) in the workbook: possibly stale. */
  statedTotal?: number;
  subCriteria: SubCriterion[];
  aspects: AspectRead[];
}

type Columns = Partial<Record<BlockField, number>>;

const scanWidth = 16;
/** A header row naming this many fields is taken at its word: a field it does not name is absent. */
const labelledHeaderFields = 4;
const requiredFields: BlockField[] = ['name', 'type', 'description', 'maxMark'];

interface Tally {
  count: number;
  row: number;
  column: number;
}

/** Reads every marking block of the scheme sheet. */
export class BlockReader {
  private readonly subCriterionRows = new Map<string, number>();
  private readonly sectionIds: Set<string>;
  private legacyTypes?: Tally;
  private maxMarksInG?: Tally;
  private dayColumnMissingWarned = false;
  private sectionColumnWarned = false;

  constructor(
    private readonly reader: SheetReader,
    private readonly sections: Section[],
  ) {
    this.sectionIds = new Set(sections.map((s) => s.id));
  }

  readAll(headerRows: number[]): BlockRead[] {
    if (headerRows.length === 0) this.reader.fail('no_marking_blocks', {});
    const blocks = headerRows.map((headerRow, i) =>
      this.readBlock(headerRow, headerRows[i + 1] ?? this.reader.lastRow + 1),
    );
    if (this.legacyTypes) this.warnTally('legacy_aspect_types', this.legacyTypes);
    if (this.maxMarksInG) this.warnTally('max_mark_in_g', this.maxMarksInG);
    return blocks;
  }

  private warnTally(code: 'legacy_aspect_types' | 'max_mark_in_g', tally: Tally): void {
    this.reader.warn(code, { count: tally.count }, tally.column, tally.row);
  }

  private readBlock(headerRow: number, endRow: number): BlockRead {
    const { columns, criterion, criterionColumn, totalColumn } = this.detectColumns(headerRow);
    const block: BlockRead = {
      headerRow,
      criterionColumn,
      totalColumn,
      subCriteria: [],
      aspects: [],
    };
    if (criterion) block.criterion = criterion;
    const statedTotal = this.reader.statedNumber(headerRow, totalColumn);
    if (statedTotal !== undefined) block.statedTotal = statedTotal;

    let current: { sub: SubCriterion; counters: Record<AspectType, number> } | undefined;
    for (let row = headerRow + 1; row < endRow; row++) {
      const id = this.text(columns.id, row);
      if (id && normaliseHeader(id).startsWith('total')) break;
      if (id) {
        const sub = this.readSubCriterion(block, columns, row, id);
        block.subCriteria.push(sub);
        current = { sub, counters: { M: 0, J: 0 } };
      }
      const type = this.text(columns.type, row);
      if (type) {
        if (!current) this.reader.fail('aspect_before_sub_criterion', {}, columns.type, row);
        const { read, lastRow } = this.readAspect(columns, row, endRow, type, current, headerRow);
        current.sub.aspects.push(read.aspect);
        block.aspects.push(read);
        row = lastRow;
      } else if (!id) {
        if (columns.score && this.value(columns.score, row).kind !== 'empty') {
          this.reader.fail('descriptor_without_judgement', {}, columns.score, row);
        }
        if (this.text(columns.description, row))
          this.reader.fail('aspect_type_missing', {}, columns.type, row);
      }
    }
    return block;
  }

  private detectColumns(headerRow: number) {
    const named: Columns = {};
    let criterion: string | undefined;
    let criterionColumn = blockCriterionColumn;
    let totalLabelColumn: number | undefined;
    for (let column = 1; column <= scanWidth; column++) {
      const value = this.reader.value(headerRow, column);
      if (value.kind !== 'text') continue;
      const label = /^\s*criterion\s*([A-Za-z])\s*$/i.exec(value.value);
      if (label) {
        criterion = label[1]!.toUpperCase();
        criterionColumn = column;
        continue;
      }
      const header = normaliseHeader(value.value);
      if (header.startsWith('total')) {
        totalLabelColumn = column;
        continue;
      }
      const field = blockFieldOfHeader(value.value);
      if (field && named[field] === undefined) named[field] = column;
    }
    let columns: Columns = { ...blockColumns };
    if (Object.keys(named).length >= labelledHeaderFields) {
      columns = { ...named, id: 1 };
      for (const field of requiredFields) columns[field] ??= blockColumns[field];
    }
    const totalColumn = totalLabelColumn
      ? totalLabelColumn + 1
      : criterion
        ? criterionColumn + 2
        : blockTotalColumn;
    return { columns, criterion, criterionColumn, totalColumn };
  }

  private readSubCriterion(
    block: BlockRead,
    columns: Columns,
    row: number,
    text: string,
  ): SubCriterion {
    const id = text.toUpperCase();
    if (!/^[A-Z][0-9]+$/.test(id))
      this.reader.fail('sub_criterion_id_invalid', { found: text }, columns.id, row);
    if (!block.criterion) {
      block.criterion = id[0]!;
      this.reader.warn(
        'block_criterion_inferred',
        { criterion: block.criterion },
        block.criterionColumn,
        block.headerRow,
      );
    }
    if (id[0] !== block.criterion) {
      this.reader.fail(
        'sub_criterion_outside_block',
        { id, criterion: block.criterion },
        columns.id,
        row,
      );
    }
    const firstRow = this.subCriterionRows.get(id);
    if (firstRow !== undefined)
      this.reader.fail('duplicate_sub_criterion', { id, row: firstRow }, columns.id, row);
    this.subCriterionRows.set(id, row);
    return {
      id,
      name: this.text(columns.name, row) ?? '',
      day: this.readDay(columns, row, id, block.headerRow),
      aspects: [],
    };
  }

  private readDay(columns: Columns, row: number, id: string, headerRow: number): number {
    if (columns.day === undefined) {
      if (!this.dayColumnMissingWarned) this.reader.warn('day_column_missing', {}, 1, headerRow);
      this.dayColumnMissingWarned = true;
      return 1;
    }
    const value = this.reader.readable(row, columns.day);
    if (value.kind === 'empty') {
      this.reader.warn('day_missing', { id }, columns.day, row);
      return 1;
    }
    // A competition lasts days, not years: anything beyond three digits is a typo.
    if (value.kind === 'number' && Number.isInteger(value.value) && Math.abs(value.value) < 1000) {
      return value.value;
    }
    const match =
      value.kind === 'text' ? /^(?:c|day)?\s*(-?\d{1,3})$/i.exec(value.value.trim()) : null;
    if (!match) this.reader.fail('day_invalid', { id, found: shown(value) }, columns.day, row);
    return Number(match[1]);
  }

  private readAspect(
    columns: Columns,
    row: number,
    endRow: number,
    typeText: string,
    current: { sub: SubCriterion; counters: Record<AspectType, number> },
    headerRow: number,
  ): { read: AspectRead; lastRow: number } {
    const typeColumn = columns.type!;
    const match = /^([MJOS])\s*(\d{1,3})?$/.exec(typeText.toUpperCase());
    if (!match) this.reader.fail('aspect_type_invalid', { found: typeText }, typeColumn, row);
    const legacy = match[1] === 'O' || match[1] === 'S';
    if (legacy) this.legacyTypes = tally(this.legacyTypes, typeColumn, row);
    const type: AspectType = match[1] === 'M' || match[1] === 'O' ? 'M' : 'J';
    // Numbered type cells (M3) keep their number; plain ones continue the sequence.
    const number = match[2] ? Number(match[2]) : current.counters[type] + 1;
    current.counters[type] = Math.max(current.counters[type], number);
    const code = `${current.sub.id}.${type}${number}`;
    if (current.sub.aspects.some((a) => a.code === code)) {
      this.reader.fail('duplicate_aspect', { aspect: code }, typeColumn, row);
    }

    const description = this.text(columns.description, row);
    if (!description)
      this.reader.fail('aspect_description_missing', { aspect: code }, columns.description, row);
    const { maxMark, fromExtraColumn } = this.readMaxMark(columns, row, code);
    const aspect: Aspect = {
      code,
      type,
      description,
      section: this.readSection(columns, row, code, headerRow),
      maxMark,
    };
    const extra = fromExtraColumn ? undefined : this.text(columns.extra, row);
    if (extra) aspect.extraDescription = extra;
    const requirement = this.text(columns.requirement, row);
    if (requirement) aspect.requirement = requirement;
    const calculation = this.text(columns.calculation, row);
    if (calculation) aspect.calculation = calculation;

    const read: AspectRead = { aspect, row };
    if (columns.calculation !== undefined) read.calculationColumn = columns.calculation;
    if (type === 'M') return { read, lastRow: row };
    const descriptors = this.readDescriptors(columns, row, endRow, code, legacy);
    aspect.descriptors = descriptors.descriptors;
    return { read, lastRow: descriptors.lastRow };
  }

  private readMaxMark(
    columns: Columns,
    row: number,
    code: string,
  ): { maxMark: number; fromExtraColumn: boolean } {
    const column = columns.maxMark!;
    const value = this.reader.readable(row, column);
    if (value.kind === 'number' && value.value > 0)
      return { maxMark: value.value, fromExtraColumn: false };
    if (value.kind !== 'empty')
      this.reader.fail('max_mark_invalid', { aspect: code, found: shown(value) }, column, row);
    // Hand-made workbooks put the max mark in G; a positive number there cannot be a description.
    const extra = columns.extra === undefined ? undefined : this.value(columns.extra, row);
    if (extra?.kind === 'number' && extra.value > 0) {
      this.maxMarksInG = tally(this.maxMarksInG, columns.extra!, row);
      return { maxMark: extra.value, fromExtraColumn: true };
    }
    this.reader.fail('max_mark_missing', { aspect: code }, column, row);
  }

  private readSection(columns: Columns, row: number, code: string, headerRow: number): string {
    const only = this.sections.length === 1 ? this.sections[0]!.id : undefined;
    if (columns.section === undefined) {
      if (only === undefined)
        this.reader.fail('section_column_missing', { count: this.sections.length }, 1, headerRow);
      if (!this.sectionColumnWarned)
        this.reader.warn('section_column_single', { section: only }, 1, headerRow);
      this.sectionColumnWarned = true;
      return only;
    }
    const section = this.text(columns.section, row);
    if (!section) {
      if (only === undefined)
        this.reader.fail('aspect_section_missing', { aspect: code }, columns.section, row);
      this.reader.warn(
        'aspect_section_defaulted',
        { aspect: code, section: only },
        columns.section,
        row,
      );
      return only;
    }
    if (this.sectionIds.size > 0 && !this.sectionIds.has(section)) {
      this.reader.fail('section_unknown', { aspect: code, section }, columns.section, row);
    }
    return section;
  }

  /** The four rows under a judgement aspect: scores 0..3 in F, their descriptors in G. */
  private readDescriptors(
    columns: Columns,
    row: number,
    endRow: number,
    code: string,
    legacy: boolean,
  ) {
    const descriptors: string[] = [];
    for (let score = 0; score < 4; score++) {
      const at = row + 1 + score;
      if (!this.isScoreRow(columns, at, endRow, score)) {
        if (score === 0 && legacy) {
          this.reader.warn('legacy_descriptors_missing', { aspect: code }, columns.type, row);
          return {
            descriptors: ['', '', '', ''] as [string, string, string, string],
            lastRow: row,
          };
        }
        this.reader.fail(
          'judgement_descriptors_missing',
          { aspect: code, score },
          columns.score ?? columns.type,
          at,
        );
      }
      const text = this.text(columns.extra, at) ?? '';
      if (text === '')
        this.reader.warn('descriptor_empty', { aspect: code, score }, columns.extra, at);
      descriptors.push(text);
    }
    return { descriptors: descriptors as [string, string, string, string], lastRow: row + 4 };
  }

  private isScoreRow(columns: Columns, row: number, endRow: number, score: number): boolean {
    if (row >= endRow || columns.score === undefined) return false;
    if (
      this.value(columns.id, row).kind !== 'empty' ||
      this.value(columns.type, row).kind !== 'empty'
    )
      return false;
    const value = this.reader.readable(row, columns.score);
    return (
      (value.kind === 'number' && value.value === score) ||
      (value.kind === 'text' && value.value.trim() === String(score))
    );
  }

  private value(column: number | undefined, row: number): CellValue {
    return column === undefined ? { kind: 'empty' } : this.reader.value(row, column);
  }

  private text(column: number | undefined, row: number): string | undefined {
    return column === undefined ? undefined : this.reader.text(row, column);
  }
}

function tally(previous: Tally | undefined, column: number, row: number): Tally {
  return previous ? { ...previous, count: previous.count + 1 } : { count: 1, row, column };
}

/** Where the calculation name of an aspect sits, for warnings about it. */
export function calculationCell(read: AspectRead): string | undefined {
  return read.calculationColumn === undefined
    ? undefined
    : cellAddress(read.calculationColumn, read.row);
}
