import type ExcelJS from 'exceljs';

/**
 * Column widths from what the cells hold, so that a spreadsheet opens with every IIN, number and
 * name whole (Excel shows a number too wide for its column as ####, and cuts text at the next
 * filled cell). Widths are in Excel's unit, about one character of the default font.
 */
export interface FitOptions {
  /** The rows that count, 1-based and inclusive: a table's, not a title above it. Default: all. */
  rows?: readonly (readonly [number, number])[];
  /** No column narrower than this (default 4) or wider than this (default 50). */
  min?: number;
  max?: number;
}

/** The characters of the longest piece of a text split by `split` (lines, or words). */
const longest = (text: string, split: RegExp) =>
  Math.max(0, ...text.split(split).map((piece) => [...piece].length));

/** A column's width for its longest piece: a character each side of it. */
const clamp = (characters: number, min: number, max: number) =>
  Math.min(max, Math.max(min, characters + 2));

/**
 * Sets each column's width to its widest cell in the given rows: the longest line of a cell, or
 * its longest word where the cell wraps (a wrapped header needs only its longest word on a line).
 * A cell still wider than its column at `max` is set to wrap, at spaces, so it is never cut.
 * Merged cells are left out: their text spans several columns. A column never gets narrower than
 * it already is, so a caller's wider setting stands.
 */
export function fitColumns(sheet: ExcelJS.Worksheet, options: FitOptions = {}): void {
  const { min = 4, max = 50 } = options;
  const ranges = options.rows ?? [[1, sheet.rowCount] as const];
  const cells: { cell: ExcelJS.Cell; column: number; line: number }[] = [];
  const widths = new Map<number, number>();
  for (const [from, to] of ranges) {
    for (let r = from; r <= to; r++) {
      sheet.getRow(r).eachCell((cell, column) => {
        if (cell.isMerged) return;
        const line = longest(cell.text, /\n/);
        const needed = cell.alignment?.wrapText ? longest(cell.text, /\s+/) : line;
        cells.push({ cell, column, line });
        widths.set(column, Math.max(widths.get(column) ?? 0, needed));
      });
    }
  }
  for (const [column, characters] of widths) {
    const target = clamp(characters, min, max);
    const current = sheet.getColumn(column).width ?? 0;
    sheet.getColumn(column).width = Math.max(current, target);
  }
  for (const { cell, column, line } of cells) {
    if (line + 2 > sheet.getColumn(column).width!) {
      cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
    }
  }
}

/**
 * The widths `fitColumns` would give a table of a wrapped header row and plain rows, for a sheet
 * that is streamed (its widths are set before any row is written).
 */
export function columnWidths(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  { min = 4, max = 50 }: Pick<FitOptions, 'min' | 'max'> = {},
): number[] {
  return headers.map((header, i) => {
    let characters = longest(header, /\s+/);
    for (const row of rows) {
      const value = row[i];
      if (value !== null && value !== undefined) {
        characters = Math.max(characters, longest(String(value), /\n/));
      }
    }
    return clamp(characters, min, max);
  });
}
