import type { Aspect, AspectType, Section, SubCriterion } from '@ashyq/shared';
import {
  blockFieldOfHeader,
  cellAddress,
  criterionOfLabel,
  latinLookalikes,
  markLimit,
  normaliseHeader,
  type BlockField,
} from './layout';
import { formatMark } from './problems';
import { headerText, scanWidth, type BlockHeader } from './read-headings';
import { shown, type CellValue, type SheetReader } from './sheet-reader';
import { markDifference, sumMarks } from '@ashyq/shared';

/** One aspect as read, with the row it came from (for later warnings about it). */
export interface AspectRead {
  aspect: Aspect;
  row: number;
  calculationColumn?: number;
  /** Where the aspect names its standards section, if the block has a section column. */
  sectionCell?: string;
}

export interface SubCriterionRead {
  sub: SubCriterion;
  row: number;
  idCell: string;
  /** A number typed in the max-mark column of the sub-criterion's own row: a subtotal. */
  statedSubtotal?: { value: number; cell: string };
  aspects: AspectRead[];
}

/** One marking block: a header row `Sub Criterion ID ... Max Mark`, then its rows. */
export interface BlockRead {
  headerRow: number;
  /** From a "Criterion A" label in the header row or anywhere in the block, if there is one. */
  label?: { criterion: string; cell: string };
  /** The block total next to the label, as typed (or last calculated): possibly stale. */
  statedTotal?: { value: number; cell: string };
  subCriteria: SubCriterionRead[];
}

export type Columns = Partial<Record<BlockField, number>>;

/** The fields a block cannot be read without. */
const requiredFields: BlockField[] = ['type', 'description', 'maxMark'];

type Current = { read: SubCriterionRead; counters: Record<AspectType, number> };

/**
 * Reads every marking block of the scheme sheet. Columns come from each block's own header row,
 * so the 2019+ set (with the day of marking) and the pre-2017 set (without) read alike. Rows
 * that are not aspects (notes, subtotals, totals, continuation lines) are recognised by what
 * they hold and reported once per cause; only what cannot be read with certainty is refused.
 */
export class BlockReader {
  private dayColumnMissing?: number;
  private sectionColumnMissing = false;
  /** Aspect marks read so far, in all blocks and in this one, for typed-in totals rows. */
  private marksSoFar: number[] = [];
  private blockMarks: number[] = [];
  private lastBlock = false;

  constructor(
    private readonly reader: SheetReader,
    private readonly sections: Section[],
  ) {}

  /** The columns of the first block, for the report (every block is read with its own). */
  columnsOf(header: BlockHeader): Columns {
    return this.detectColumns(header);
  }

  readAll(headers: BlockHeader[]): BlockRead[] {
    const blocks = headers.map((header, i) => {
      this.blockMarks = [];
      this.lastBlock = i === headers.length - 1;
      return this.readBlock(header, headers[i + 1]?.row ?? this.reader.lastRow + 1);
    });
    if (this.dayColumnMissing !== undefined)
      this.reader.warn('day_column_missing', {}, 1, this.dayColumnMissing);
    return blocks;
  }

  private detectColumns(header: BlockHeader): Columns {
    const columns: Columns = { id: header.idColumn };
    const candidates: Partial<Record<BlockField, number[]>> = {};
    for (let column = header.idColumn + 1; column <= scanWidth; column++) {
      const text = headerText(this.reader, header.row, column);
      const field = text === '' ? undefined : blockFieldOfHeader(text);
      if (field && field !== 'id') (candidates[field] ??= []).push(column);
    }
    for (const [field, found] of Object.entries(candidates) as Array<[BlockField, number[]]>) {
      columns[field] = found[0];
    }
    // "Max Mark 1", "Max Mark 2": the max mark is the first of them that holds numbers.
    const maxMarks = candidates.maxMark ?? [];
    if (maxMarks.length > 1) columns.maxMark = this.firstNumericColumn(header.row, maxMarks);
    for (const field of requiredFields) {
      if (columns[field] === undefined) {
        this.reader.fail('block_column_missing', { field }, header.idColumn, header.row);
      }
    }
    return columns;
  }

  private firstNumericColumn(headerRow: number, columns: number[]): number {
    const end = Math.min(this.reader.lastRow, headerRow + 200);
    for (const column of columns) {
      for (let row = headerRow + 1; row <= end; row++) {
        if (this.reader.value(row, column).kind === 'number') return column;
      }
    }
    return columns[0]!;
  }

  private readBlock(header: BlockHeader, endRow: number): BlockRead {
    const columns = this.detectColumns(header);
    if (columns.day === undefined) this.dayColumnMissing ??= header.row;
    if (columns.section === undefined && this.sections.length > 1 && !this.sectionColumnMissing) {
      this.sectionColumnMissing = true;
      this.reader.warn(
        'section_column_missing',
        { count: this.sections.length },
        header.idColumn,
        header.row,
      );
    }
    const lastField = Math.max(...Object.values(columns).map((c) => c ?? 0));
    const block: BlockRead = { headerRow: header.row, subCriteria: [] };
    let current: Current | undefined;
    let lastAspect: AspectRead | undefined;
    for (let row = header.row; row < endRow; row++) {
      this.readLabel(block, row, lastField);
      if (row === header.row) continue;
      const idText = this.text(columns.id, row);
      const typeText = this.text(columns.type, row);
      const description = this.text(columns.description, row);
      const max = this.value(columns.maxMark, row);
      if (idText !== undefined) {
        const id = latinLookalikes(idText).toUpperCase().replace(/\s+/g, '');
        if (normaliseHeader(idText).startsWith('total')) {
          this.checkTotalsRow(columns, row);
          continue;
        }
        if (/^[A-Z][0-9]+$/.test(id)) {
          if (id !== idText) this.reader.tally('lookalike_letters', columns.id!, row);
          current = { read: this.readSubCriterion(columns, row, id), counters: { M: 0, J: 0 } };
          block.subCriteria.push(current.read);
          lastAspect = undefined;
          if (typeText === undefined && description === undefined) {
            if (max.kind === 'number')
              current.read.statedSubtotal = {
                value: max.value,
                cell: cellAddress(columns.maxMark!, row),
              };
            continue;
          }
        } else if (typeText !== undefined || max.kind === 'number') {
          this.reader.fail('sub_criterion_id_invalid', { found: idText }, columns.id, row);
        } else {
          this.reader.tally('label_rows', columns.id!, row);
          continue;
        }
      }
      if (typeText !== undefined) {
        const read = this.readTypedRow(columns, row, endRow, typeText, description, max, current);
        if (read) {
          lastAspect = read.aspect;
          row = read.lastRow;
        }
        continue;
      }
      if (description !== undefined && max.kind === 'number' && max.value > 0 && current) {
        // A description and a max mark but no type: an aspect whose type cell was left empty.
        const judgement = this.isScoreRow(columns, row + 1, endRow, 0);
        this.reader.tally('aspect_type_derived', columns.type!, row, {
          type: judgement ? 'J' : 'M',
        });
        const read = this.readAspect(columns, row, endRow, judgement ? 'J' : 'M', current);
        lastAspect = read.aspect;
        row = read.lastRow;
        continue;
      }
      if (description !== undefined) {
        this.reader.tally('label_rows', columns.description!, row);
      } else if (max.kind === 'number') {
        this.checkTotalsRow(columns, row);
      } else if (this.value(columns.score, row).kind === 'number') {
        this.reader.tally('score_row_orphan', columns.score!, row);
      } else {
        this.continueExtra(columns, row, lastAspect);
      }
    }
    return block;
  }

  /** "Criterion A" in the header row or in any row of the block, right of the marking columns. */
  private readLabel(block: BlockRead, row: number, lastField: number): void {
    if (block.label) return;
    for (let column = lastField + 1; column <= scanWidth; column++) {
      const text = headerText(this.reader, row, column);
      const criterion = text === '' ? undefined : criterionOfLabel(text);
      if (!criterion) continue;
      block.label = { criterion, cell: cellAddress(column, row) };
      // The total sits right of its "Total Mark" label, or two cells right of "Criterion A".
      let totalColumn = column + 2;
      for (let c = column + 1; c <= scanWidth; c++) {
        if (normaliseHeader(headerText(this.reader, row, c)).startsWith('total')) {
          totalColumn = c + 1;
          break;
        }
      }
      const total = this.reader.statedNumber(row, totalColumn);
      if (total !== undefined)
        block.statedTotal = { value: total, cell: cellAddress(totalColumn, row) };
      return;
    }
  }

  /** A row with a number in the max-mark column and nothing to mark: a typed-in total. */
  private checkTotalsRow(columns: Columns, row: number): void {
    const stated = this.reader.statedNumber(row, columns.maxMark!);
    if (stated === undefined) return;
    const block = sumMarks(this.blockMarks);
    const all = sumMarks(this.marksSoFar);
    // A totals row may add up its block or, below the last block, the whole scheme.
    const computed = this.lastBlock ? all : block;
    if (markDifference(stated, block) > 0 && markDifference(stated, all) > 0) {
      this.reader.warn(
        'total_row_stale',
        { found: formatMark(stated), computed: formatMark(computed) },
        columns.maxMark,
        row,
      );
    } else {
      this.reader.tally('total_rows', columns.maxMark!, row);
    }
  }

  /** A line that only continues the extra description of the aspect above (a choice, a note). */
  private continueExtra(columns: Columns, row: number, last: AspectRead | undefined): void {
    const extra = this.text(columns.extra, row);
    if (extra === undefined || !last || last.aspect.type !== 'M') return;
    last.aspect.extraDescription = [last.aspect.extraDescription, extra].filter(Boolean).join('\n');
  }

  private readSubCriterion(columns: Columns, row: number, id: string): SubCriterionRead {
    return {
      sub: {
        id,
        name: this.text(columns.name, row) ?? '',
        day: this.readDay(columns, row, id),
        aspects: [],
      },
      row,
      idCell: cellAddress(columns.id!, row),
      aspects: [],
    };
  }

  private readDay(columns: Columns, row: number, id: string): number {
    if (columns.day === undefined) return 1;
    const value = this.reader.readable(row, columns.day);
    if (value.kind === 'empty') {
      this.reader.tally('day_missing', columns.day, row);
      return 1;
    }
    // A competition lasts days, not years: anything beyond three digits is a typo.
    if (value.kind === 'number' && Number.isInteger(value.value) && Math.abs(value.value) < 1000) {
      return value.value;
    }
    const match =
      value.kind === 'text'
        ? /^(?:c|day|д|день)?\s*(-?\d{1,3})$/i.exec(latinLookalikes(value.value.trim()))
        : null;
    if (!match) this.reader.fail('day_invalid', { id, found: shown(value) }, columns.day, row);
    return Number(match[1]);
  }

  /** A row with a type cell: an aspect, or an empty template row (a type and nothing else). */
  private readTypedRow(
    columns: Columns,
    row: number,
    endRow: number,
    typeText: string,
    description: string | undefined,
    max: CellValue,
    current: Current | undefined,
  ): { aspect: AspectRead; lastRow: number } | undefined {
    const latin = latinLookalikes(typeText).toUpperCase();
    const match = /^([MJOS])\s*(\d{1,3})?$/.exec(latin.trim());
    if (!match) this.reader.fail('aspect_type_invalid', { found: typeText }, columns.type, row);
    if (latin !== typeText.toUpperCase())
      this.reader.tally('lookalike_letters', columns.type!, row);
    if (description === undefined && max.kind === 'empty') {
      this.reader.tally('aspect_rows_empty', columns.type!, row);
      return undefined;
    }
    if (!current) this.reader.fail('aspect_before_sub_criterion', {}, columns.type, row);
    if (match[1] === 'O' || match[1] === 'S')
      this.reader.tally('legacy_aspect_types', columns.type!, row);
    const type: AspectType = match[1] === 'M' || match[1] === 'O' ? 'M' : 'J';
    return this.readAspect(columns, row, endRow, type, current, match[2]);
  }

  private readAspect(
    columns: Columns,
    row: number,
    endRow: number,
    type: AspectType,
    current: Current,
    numbered?: string,
  ): { aspect: AspectRead; lastRow: number } {
    // Numbered type cells (M3) keep their number; plain ones continue the sequence.
    const number = numbered ? Number(numbered) : current.counters[type] + 1;
    current.counters[type] = Math.max(current.counters[type], number);
    const sub = current.read.sub;
    const code = `${sub.id}.${type}${number}`;
    if (sub.aspects.some((a) => a.code === code)) {
      this.reader.fail('duplicate_aspect', { aspect: code }, columns.type, row);
    }
    const { maxMark, fromExtraColumn } = this.readMaxMark(columns, row, code);
    const extra = fromExtraColumn ? undefined : this.text(columns.extra, row);
    const ownDescription = this.text(columns.description, row);
    // A row whose description sits in the extra column only: that text is its description.
    const description = ownDescription ?? extra;
    if (!description)
      this.reader.fail('aspect_description_missing', { aspect: code }, columns.description, row);
    const aspect: Aspect = { code, type, description, maxMark };
    const section = this.readSection(columns, row);
    if (section !== undefined) aspect.section = section;
    if (extra !== undefined && ownDescription !== undefined) aspect.extraDescription = extra;
    const requirement = this.text(columns.requirement, row);
    if (requirement) aspect.requirement = requirement;
    const calculation = this.readCalculationName(columns, row);
    if (calculation) aspect.calculation = calculation;

    const read: AspectRead = { aspect, row };
    if (columns.calculation !== undefined) read.calculationColumn = columns.calculation;
    if (columns.section !== undefined) read.sectionCell = cellAddress(columns.section, row);
    sub.aspects.push(aspect);
    current.read.aspects.push(read);
    this.marksSoFar.push(maxMark);
    this.blockMarks.push(maxMark);
    if (type === 'M') return { aspect: read, lastRow: row };
    const descriptors = this.readDescriptors(columns, row, endRow);
    aspect.descriptors = descriptors.descriptors;
    return { aspect: read, lastRow: descriptors.lastRow };
  }

  private readMaxMark(
    columns: Columns,
    row: number,
    code: string,
  ): { maxMark: number; fromExtraColumn: boolean } {
    const column = columns.maxMark!;
    const value = this.reader.readable(row, column);
    if (value.kind === 'number' && value.value > markLimit)
      this.reader.fail('mark_too_large', { found: value.value, limit: markLimit }, column, row);
    if (value.kind === 'number' && value.value > 0)
      return { maxMark: value.value, fromExtraColumn: false };
    if (value.kind !== 'empty')
      this.reader.fail('max_mark_invalid', { aspect: code, found: shown(value) }, column, row);
    // Hand-made workbooks put the max mark in G; a positive number there cannot be a description.
    const extra = this.value(columns.extra, row);
    if (extra.kind === 'number' && extra.value > 0 && extra.value <= markLimit) {
      this.reader.tally('max_mark_in_g', columns.extra!, row);
      return { maxMark: extra.value, fromExtraColumn: true };
    }
    this.reader.fail('max_mark_missing', { aspect: code }, column, row);
  }

  /** The section the aspect counts towards, or undefined in a scheme without sections. */
  private readSection(columns: Columns, row: number): string | undefined {
    const only = this.sections.length === 1 ? this.sections[0]!.id : undefined;
    const section = columns.section === undefined ? undefined : this.text(columns.section, row);
    if (section !== undefined) return section;
    if (only !== undefined) {
      this.reader.tally('aspect_section_defaulted', columns.section ?? columns.type!, row, {
        section: only,
      });
    } else if (columns.section !== undefined) {
      this.reader.tally('aspect_section_missing', columns.section, row);
    }
    return only;
  }

  /** A name of the Calculations sheet; a number there (1, a section) names no calculation. */
  private readCalculationName(columns: Columns, row: number): string | undefined {
    if (columns.calculation === undefined) return undefined;
    const value = this.reader.readable(row, columns.calculation);
    const text = value.kind === 'empty' ? undefined : String(value.value).trim();
    if (text === undefined || text === '') return undefined;
    if (value.kind === 'number' || /^\d+([.,]\d+)?$/.test(text)) {
      this.reader.tally('calculation_number', columns.calculation, row, { value: text });
      return undefined;
    }
    return text;
  }

  /**
   * The rows under a judgement aspect: scores 0..3 in the score column, their descriptors in the
   * extra-description column. Some files have fewer than four; the missing ones stay empty.
   */
  private readDescriptors(columns: Columns, row: number, endRow: number) {
    const descriptors: [string, string, string, string] = ['', '', '', ''];
    let at = row + 1;
    let found = 0;
    for (let score = 0; score < 4 && this.isScoreRow(columns, at, endRow, score); score++) {
      descriptors[score] = this.text(columns.extra, at) ?? this.text(columns.description, at) ?? '';
      if (descriptors[score] === '')
        this.reader.tally('descriptor_empty', columns.extra ?? columns.score!, at);
      found++;
      at++;
    }
    if (found < 4) this.reader.tally('descriptors_incomplete', columns.type!, row, { found });
    return { descriptors, lastRow: at - 1 };
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

/** Where the calculation name of an aspect sits, for warnings about it. */
export function calculationCell(read: AspectRead): string | undefined {
  return read.calculationColumn === undefined
    ? undefined
    : cellAddress(read.calculationColumn, read.row);
}
