import ExcelJS from 'exceljs';
import { checkNameText, withoutUnsafeText, type Language } from '@ashyq/shared';
import { cellAddress } from './layout';
import {
  WorkbookError,
  workbookText,
  type MessageParams,
  type WorkbookErrorCode,
  type WorkbookWarning,
  type WorkbookWarningCode,
} from './problems';

/** What a cell holds once formulas are replaced by their saved results. */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'unreadable'; detail: string };

export function readCell(cell: ExcelJS.Cell, language: Language): CellValue {
  // A merged range shows its value in every cell; only the top-left one holds it.
  if (cell.isMerged && cell.master !== cell) return { kind: 'empty' };
  if (cell.type === ExcelJS.ValueType.Formula) {
    // `cell.value` drops a saved result of 0; `cell.result` keeps it.
    const result: unknown = cell.result;
    if (result === undefined || result === null) {
      return { kind: 'unreadable', detail: workbookText(language, 'cell.formula_without_value') };
    }
    return classify(result, language);
  }
  return classify(cell.value, language);
}

function classify(value: unknown, language: Language): CellValue {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', value } : unreadable(language, String(value));
  }
  if (typeof value === 'string')
    return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'text', value: formatDate(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('error' in v) return unreadable(language, String(v.error));
    if (Array.isArray(v.richText)) {
      return classify(
        (v.richText as Array<{ text?: string }>).map((run) => run.text ?? '').join(''),
        language,
      );
    }
    if (typeof v.text === 'string') return classify(v.text, language);
  }
  return unreadable(language, String(value));
}

function unreadable(language: Language, value: string): CellValue {
  return { kind: 'unreadable', detail: workbookText(language, 'cell.error_value', { value }) };
}

function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

/** How a cell's content is quoted in a message ("found ..."). */
export function shown(value: CellValue): string {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'unreadable':
      return value.detail;
    default:
      return String(value.value);
  }
}

/** One cause seen in many cells: reported once, with the count and the cells. */
interface Tally {
  sheet: string;
  code: WorkbookWarningCode;
  params: MessageParams;
  cells: string[];
  seen: Set<string>;
}

/**
 * Collects the warnings of one import and builds its located errors in the caller's language.
 * A cause that repeats (a look-alike letter in 40 cells, 185 aspects naming the same missing
 * calculation) is tallied and reported once: "40 cells ...: C15, C55:C71, ...".
 */
export class ImportContext {
  readonly warnings: WorkbookWarning[] = [];
  private readonly tallies = new Map<string, Tally>();

  constructor(readonly language: Language) {}

  warn(sheet: string, code: WorkbookWarningCode, params: MessageParams = {}, cell?: string): void {
    const warning: WorkbookWarning = {
      sheet,
      code,
      message: workbookText(this.language, `warning.${code}`, params),
    };
    if (cell !== undefined) warning.cell = cell;
    if (Object.keys(params).length > 0) warning.params = params;
    this.warnings.push(warning);
  }

  /** Counts one more cell of a repeated cause; `params` tell causes of one code apart. */
  tally(sheet: string, code: WorkbookWarningCode, cell: string, params: MessageParams = {}): void {
    const key = JSON.stringify([sheet, code, params]);
    const tally = this.tallies.get(key);
    if (!tally)
      this.tallies.set(key, { sheet, code, params, cells: [cell], seen: new Set([cell]) });
    // A cell read twice (checked, then read) counts once.
    else if (!tally.seen.has(cell)) {
      tally.seen.add(cell);
      tally.cells.push(cell);
    }
  }

  /** Turns every tally into one warning at its first cell, listing all of them. */
  flushTallies(): void {
    for (const { sheet, code, params, cells } of this.tallies.values()) {
      this.warn(sheet, code, { ...params, count: cells.length, cells: cellList(cells) }, cells[0]);
      this.warnings.at(-1)!.cells = cells;
    }
    this.tallies.clear();
  }

  error(
    code: WorkbookErrorCode,
    params: MessageParams = {},
    sheet?: string,
    cell?: string,
  ): WorkbookError {
    return new WorkbookError(code, params, { sheet, cell }, this.language);
  }
}

const listedRuns = 8;

/** "C15, C55:C71, D3" — runs of cells down one column as ranges, at most eight runs shown. */
export function cellList(cells: readonly string[]): string {
  const runs: Array<{ column: string; first: number; last: number }> = [];
  for (const cell of cells) {
    const [, column = '', row = '0'] = /^([A-Z]+)(\d+)$/.exec(cell) ?? [];
    const run = runs.at(-1);
    if (run && run.column === column && run.last + 1 === Number(row)) run.last = Number(row);
    else runs.push({ column, first: Number(row), last: Number(row) });
  }
  const shown = runs
    .slice(0, listedRuns)
    .map(({ column, first, last }) =>
      first === last ? `${column}${first}` : `${column}${first}:${column}${last}`,
    );
  return runs.length > listedRuns ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** Reads one worksheet: cell values, and warnings or errors that name the sheet and cell. */
export class SheetReader {
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    readonly context: ImportContext,
  ) {}

  get name(): string {
    return this.sheet.name;
  }

  get lastRow(): number {
    return this.sheet.rowCount;
  }

  value(row: number, column: number): CellValue {
    return readCell(this.sheet.getRow(row).getCell(column), this.context.language);
  }

  isEmpty(row: number, column: number): boolean {
    return this.value(row, column).kind === 'empty';
  }

  /** The cell's value; refuses a cell that holds an error or a formula without a saved result. */
  readable(row: number, column: number): Exclude<CellValue, { kind: 'unreadable' }> {
    const value = this.value(row, column);
    if (value.kind === 'unreadable')
      this.fail('unreadable_cell', { detail: value.detail }, column, row);
    return value;
  }

  /**
   * The cell as text (numbers as written), or undefined when empty. NUL, bidi overrides and lone
   * surrogates are removed, with one warning listing the cells: they would show a name on a
   * board or a protocol in another order than it is stored, and break PDF and XLSX output.
   */
  text(row: number, column: number): string | undefined {
    const value = this.readable(row, column);
    if (value.kind === 'empty') return undefined;
    const text = String(value.value).trim();
    if (checkNameText(text).ok) return text;
    this.tally('unsafe_characters', column, row);
    return withoutUnsafeText(text).trim() || undefined;
  }

  /** A number the workbook states, or undefined when it states none that can be read. */
  statedNumber(row: number, column: number): number | undefined {
    const value = this.value(row, column);
    return value.kind === 'number' ? value.value : undefined;
  }

  fail(code: WorkbookErrorCode, params: MessageParams, column?: number, row?: number): never {
    throw this.context.error(
      code,
      params,
      this.name,
      column && row ? cellAddress(column, row) : undefined,
    );
  }

  tally(code: WorkbookWarningCode, column: number, row: number, params: MessageParams = {}): void {
    this.context.tally(this.name, code, cellAddress(column, row), params);
  }

  warn(code: WorkbookWarningCode, params: MessageParams = {}, column?: number, row?: number): void {
    this.context.warn(
      this.name,
      code,
      params,
      column && row ? cellAddress(column, row) : undefined,
    );
  }
}
