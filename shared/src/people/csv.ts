/**
 * CSV as colleges actually produce it: Excel in a Russian or Kazakh locale writes `;`, other tools
 * write `,` or tabs; files may start with a UTF-8 byte order mark and end lines with CRLF or LF.
 * The reader follows RFC 4180 quoting and keeps the physical line on which each record starts, so
 * an import error can say "line 14" and match what the user sees in a text editor.
 */

export const csvSeparators = [';', ',', '\t'] as const;
export type CsvSeparator = (typeof csvSeparators)[number];

export interface CsvRecord {
  /** 1-based physical line on which the record starts (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

export type CsvSyntaxErrorCode = 'csv_unterminated_quote' | 'csv_text_after_quote';

export interface CsvSyntaxError {
  code: CsvSyntaxErrorCode;
  line: number;
  /** 1-based index of the cell within its record. */
  cell: number;
}

export type CsvReadResult =
  | { ok: true; separator: CsvSeparator; records: CsvRecord[] }
  | { ok: false; error: CsvSyntaxError };

const BOM = '\uFEFF';

/**
 * Picks the separator that occurs most often outside quotes on the first line. Ties go to `;`
 * first because that is what Excel writes in the kk-KZ and ru-RU locales.
 */
export function detectCsvSeparator(text: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>(csvSeparators.map((s) => [s, 0]));
  let quoted = false;
  for (const char of text.startsWith(BOM) ? text.slice(1) : text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvSeparator)) {
      counts.set(char as CsvSeparator, counts.get(char as CsvSeparator)! + 1);
    }
  }
  let best: CsvSeparator = ';';
  for (const separator of csvSeparators) {
    if (counts.get(separator)! > counts.get(best)!) best = separator;
  }
  return best;
}

/**
 * Reads CSV text into records. Empty lines are skipped (they carry no cells), but line numbers
 * still count them. A quote inside an unquoted cell is kept as a literal character, because
 * hand-edited files often hold names like `ТОО "Алем"` without quoting; a quoted cell that never
 * closes, or text glued after a closing quote, is a syntax error: guessing there would silently
 * merge or split rows.
 */
export function readCsv(text: string, separator?: CsvSeparator): CsvReadResult {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const sep = separator ?? detectCsvSeparator(source);
  const records: CsvRecord[] = [];
  let line = 1;
  let position = 0;

  while (position < source.length) {
    const startLine = line;
    const cells: string[] = [];
    let quotedCellSeen = false;
    let recordDone = false;
    while (!recordDone) {
      let cell = '';
      if (source[position] === '"') {
        quotedCellSeen = true;
        const quoteLine = line;
        position++;
        for (;;) {
          if (position >= source.length) {
            const error = {
              code: 'csv_unterminated_quote',
              line: quoteLine,
              cell: cells.length + 1,
            } as const;
            return { ok: false, error };
          }
          const char = source[position]!;
          if (char === '"') {
            if (source[position + 1] !== '"') {
              position++;
              break;
            }
            cell += '"';
            position += 2;
            continue;
          }
          if (char === '\n' || (char === '\r' && source[position + 1] !== '\n')) line++;
          cell += char;
          position++;
        }
        const next = source[position];
        if (next !== undefined && next !== sep && next !== '\r' && next !== '\n') {
          return {
            ok: false,
            error: { code: 'csv_text_after_quote', line, cell: cells.length + 1 },
          };
        }
      } else {
        while (position < source.length) {
          const char = source[position]!;
          if (char === sep || char === '\r' || char === '\n') break;
          cell += char;
          position++;
        }
      }
      cells.push(cell);
      const terminator = source[position];
      if (terminator === sep) {
        position++;
        continue;
      }
      if (terminator === '\r') position++;
      if (source[position] === '\n') position++;
      if (terminator !== undefined) line++;
      recordDone = true;
    }
    const blankLine = !quotedCellSeen && cells.length === 1 && cells[0] === '';
    if (!blankLine) records.push({ line: startLine, cells });
  }
  return { ok: true, separator: sep, records };
}

export type CsvCell = string | number | null | undefined;

export interface CsvWriteOptions {
  separator?: CsvSeparator;
  /** Prefix a UTF-8 byte order mark so Excel opens the file as UTF-8 (NOBD exports need it). */
  bom?: boolean;
  lineEnding?: '\r\n' | '\n';
  /**
   * Columns (0-based) the app fills with numbers it formats itself (`60,00`, `-1.5`): a text cell
   * there that reads as a plain number is written as it is, so a negative number stays a number.
   */
  numberColumns?: readonly number[];
}

/**
 * What a spreadsheet reads as the start of a formula: OWASP's list for CSV injection (`=`, `+`,
 * `-`, `@`, tab, carriage return) and the full-width forms of the first four, which some
 * spreadsheets fold into them.
 */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const plainNumber = /^[-+]?\d+(?:[.,]\d+)?$/;

/**
 * A text cell a spreadsheet will show as text: one that would start a formula (a name typed as
 * `=HYPERLINK(...)` or `@SUM(1+1)`) gets a leading apostrophe, which Excel and LibreOffice read
 * as "text follows" (OWASP's rule against CSV injection). Other text is unchanged.
 */
export function formulaSafe(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * Writes records as CSV, quoting a cell only when it holds the separator, a quote or a line
 * break. Every text cell goes through `formulaSafe`; numbers (a JS number, or a number the app
 * formatted in one of `numberColumns`) are written as they are.
 */
export function writeCsv(
  records: readonly (readonly CsvCell[])[],
  options: CsvWriteOptions = {},
): string {
  const separator = options.separator ?? ';';
  const lineEnding = options.lineEnding ?? '\r\n';
  const numberColumns = new Set(options.numberColumns ?? []);
  const written = (cell: CsvCell, column: number): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'number') return String(cell);
    return numberColumns.has(column) && plainNumber.test(cell) ? cell : formulaSafe(cell);
  };
  const lines = records.map((record) => {
    // A lone empty cell must be quoted, or it would be an empty line, which readers skip.
    if (record.length === 1 && (record[0] ?? '') === '') return '""';
    return record
      .map((cell, column) => quoteCsvCell(written(cell, column), separator))
      .join(separator);
  });
  const body = lines.length > 0 ? lines.join(lineEnding) + lineEnding : '';
  return (options.bom ? BOM : '') + body;
}

function quoteCsvCell(value: string, separator: CsvSeparator): string {
  const needsQuotes =
    value.includes(separator) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r');
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}
