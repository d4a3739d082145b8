import ExcelJS from 'exceljs';
import type { Language } from '@ashyq/shared';
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

/** Collects the warnings of one import and builds its located errors in the caller's language. */
export class ImportContext {
  readonly warnings: WorkbookWarning[] = [];

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

  error(
    code: WorkbookErrorCode,
    params: MessageParams = {},
    sheet?: string,
    cell?: string,
  ): WorkbookError {
    return new WorkbookError(code, params, { sheet, cell }, this.language);
  }
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

  /** The cell as text (numbers as written), or undefined when empty. */
  text(row: number, column: number): string | undefined {
    const value = this.readable(row, column);
    return value.kind === 'empty' ? undefined : String(value.value).trim();
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

  warn(code: WorkbookWarningCode, params: MessageParams = {}, column?: number, row?: number): void {
    this.context.warn(
      this.name,
      code,
      params,
      column && row ? cellAddress(column, row) : undefined,
    );
  }
}
