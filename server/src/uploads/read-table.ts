import ExcelJS from 'exceljs';
import {
  fileIssue,
  readCsv,
  type ImportIssue,
  type PersonKind,
  type Table,
  type TableCell,
} from '@ashyq/shared';
import { decodeUtf8, sniffFileType, type UploadFileType } from './file-type';
import { openUploadedWorkbook } from './workbook';

export type ReadTableResult =
  | { ok: true; type: UploadFileType; table: Table; sheet?: string }
  | { ok: false; errors: ImportIssue[] };

export interface ReadTableOptions {
  /** Prefer a worksheet named for this kind of list ("Эксперты", "Students", ...). */
  kind?: PersonKind;
}

/** Worksheet names that say which list a sheet holds, compared in lower case. */
const SHEET_NAMES: Record<PersonKind, readonly string[]> = {
  competitor: ['участники', 'конкурсанты', 'қатысушылар', 'competitors', 'participants'],
  expert: ['эксперты', 'сарапшылар', 'experts', 'комиссия', 'комиссия құрамы', 'commission'],
  student: ['студенты', 'обучающиеся', 'студенттер', 'білім алушылар', 'students'],
};
const GENERIC_SHEET_NAMES = ['people', 'список', 'тізім', 'list'];

/**
 * Reads an uploaded XLSX or CSV file into a table for importPeople: the content decides the
 * type, every refusal is an ImportIssue (never an exception), row numbers are those the user
 * sees in Excel or in a text editor.
 */
export async function readTable(
  data: Uint8Array,
  options: ReadTableOptions = {},
): Promise<ReadTableResult> {
  const sniffed = sniffFileType(data);
  if (!sniffed.ok) return { ok: false, errors: [sniffed.issue] };
  return sniffed.type === 'csv' ? readCsvTable(data) : readXlsxTable(data, options);
}

function readCsvTable(data: Uint8Array): ReadTableResult {
  const read = readCsv(decodeUtf8(data) ?? '');
  if (!read.ok) {
    const { code, line, cell } = read.error;
    return {
      ok: false,
      errors: [{ row: line, column: null, field: null, code, params: { cell } }],
    };
  }
  const rows = read.records.map((record) => ({ number: record.line, cells: record.cells }));
  return { ok: true, type: 'csv', table: { rows } };
}

async function readXlsxTable(
  data: Uint8Array,
  options: ReadTableOptions,
): Promise<ReadTableResult> {
  const opened = await openUploadedWorkbook(data);
  if (!opened.ok) {
    return {
      ok: false,
      errors: [
        opened.problem === 'too_large'
          ? fileIssue('file_unpacks_too_large', { limit: opened.limit })
          : fileIssue('file_unreadable'),
      ],
    };
  }
  const { workbook } = opened;
  const sheet = pickSheet(workbook, options.kind);
  if (!sheet) return { ok: false, errors: [fileIssue('no_worksheet')] };
  const rows: Table['rows'][number][] = [];
  sheet.eachRow((row, number) => {
    // row.values is 1-based (index 0 is empty) and sparse; a merged cell repeats its master's value.
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    rows.push({ number, cells: Array.from(values, cellOf) });
  });
  return { ok: true, type: 'xlsx', table: { rows }, sheet: sheet.name };
}

function pickSheet(
  workbook: ExcelJS.Workbook,
  kind: PersonKind | undefined,
): ExcelJS.Worksheet | undefined {
  const withData = workbook.worksheets.filter((sheet) => sheet.actualRowCount > 0);
  const named = (names: readonly string[]) =>
    withData.find((sheet) => names.includes(sheet.name.trim().toLowerCase()));
  const kindNames = kind ? SHEET_NAMES[kind] : Object.values(SHEET_NAMES).flat();
  return named(kindNames) ?? named(GENERIC_SHEET_NAMES) ?? withData[0];
}

/** A cell as the user sees it: formulas by their saved result, rich text and links by their text. */
function cellOf(value: ExcelJS.CellValue): TableCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return cellOf(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}
