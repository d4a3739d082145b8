import { columnLetter, type PersonField } from './columns';

/**
 * A sheet of an uploaded file, before any meaning is given to it: every non-blank row with its
 * number as the user sees it (the Excel row, or the CSV line), cells as read.
 */
export type TableCell = string | number | boolean | Date | null | undefined;

export interface TableRow {
  /** 1-based row number in the file: the Excel row number or the CSV line. */
  number: number;
  cells: readonly TableCell[];
}

export interface Table {
  rows: readonly TableRow[];
}

export type ImportIssueCode =
  | 'file_empty'
  | 'file_too_large'
  | 'file_type_unsupported'
  | 'file_legacy_xls'
  | 'file_not_utf8'
  | 'file_unreadable'
  | 'file_unpacks_too_large'
  | 'no_worksheet'
  | 'csv_unterminated_quote'
  | 'csv_text_after_quote'
  | 'header_not_found'
  | 'missing_column'
  | 'missing_name_column'
  | 'duplicate_column'
  | 'unknown_column'
  | 'empty_cell'
  | 'too_long'
  | 'name_incomplete'
  | 'date_in_text_cell'
  | 'invalid_iin'
  | 'unsafe_character'
  | 'iin_zeros_restored'
  | 'birth_date_in_future'
  | 'unknown_region'
  | 'unknown_role'
  | 'invalid_flag'
  | 'duplicate_in_file'
  | 'already_registered'
  | 'unknown_variant'
  | 'unknown_college'
  | 'too_many_rows'
  | 'too_many_errors';

export interface IssueColumn {
  /** Spreadsheet letter: A, B, ..., AA. */
  letter: string;
  /** The header text as written in the file. */
  header: string;
}

/**
 * One problem (or warning) of an upload, located as precisely as it can be: a whole file has
 * no row, a missing column has a row (the header) but no column. `params` are the values the
 * message needs; the message itself is rendered in the reader's language by describeImportIssue.
 */
export interface ImportIssue {
  row: number | null;
  column: IssueColumn | null;
  field: PersonField | null;
  code: ImportIssueCode;
  params: Record<string, string | number>;
}

export function fileIssue(
  code: ImportIssueCode,
  params: Record<string, string | number> = {},
): ImportIssue {
  return { row: null, column: null, field: null, code, params };
}

export function columnAt(header: TableRow, index: number): IssueColumn {
  return { letter: columnLetter(index), header: cellText(header.cells[index]) };
}

/** Text of a cell with runs of whitespace (no-break spaces included) made single and trimmed. */
export function cellText(cell: TableCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).replace(/\s+/gu, ' ').trim();
}

export function isBlankRow(row: TableRow): boolean {
  return row.cells.every((cell) => cellText(cell) === '');
}
