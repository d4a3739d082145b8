import { namespaces, translate, type Language } from '@ashyq/shared';

type WorkbookTexts = (typeof namespaces.workbook)['en'];
export type WorkbookErrorCode = keyof WorkbookTexts['error'];
export type WorkbookWarningCode = keyof WorkbookTexts['warning'];
export type MessageParams = Record<string, string | number>;

/** A problem that does not stop the import, with the cell to look at. */
export interface WorkbookWarning {
  sheet: string;
  cell?: string;
  code: WorkbookWarningCode;
  message: string;
  params?: MessageParams;
  /** Every cell of a cause that repeats (the warning's `cell` is the first of them). */
  cells?: string[];
}

export interface WorkbookLocation {
  sheet?: string;
  cell?: string;
}

/** Text of `workbook.<key>` in one language, e.g. `error.max_mark_invalid`. */
export function workbookText(language: Language, key: string, params: MessageParams = {}): string {
  return translate(namespaces.workbook[language], key, params);
}

/**
 * Why a workbook was refused (or a scheme cannot be exported), located at a sheet and cell.
 * Callers show `message` (or re-translate `code` + `params`); there is never a stack trace to show.
 */
export class WorkbookError extends Error {
  readonly sheet?: string;
  readonly cell?: string;

  constructor(
    readonly code: WorkbookErrorCode,
    readonly params: MessageParams = {},
    location: WorkbookLocation = {},
    language: Language = 'en',
  ) {
    super(workbookText(language, `error.${code}`, params));
    this.name = 'WorkbookError';
    if (location.sheet !== undefined) this.sheet = location.sheet;
    if (location.cell !== undefined) this.cell = location.cell;
  }

  /** The same error in another language. */
  in(language: Language): WorkbookError {
    return new WorkbookError(
      this.code,
      this.params,
      { sheet: this.sheet, cell: this.cell },
      language,
    );
  }

  /** "sheet "X", cell K12: message" — one line for logs and the CLI. */
  describe(): string {
    const place = [this.sheet && `sheet "${this.sheet}"`, this.cell && `cell ${this.cell}`].filter(
      Boolean,
    );
    return place.length > 0 ? `${place.join(', ')}: ${this.message}` : this.message;
  }

  toJSON(): {
    sheet?: string;
    cell?: string;
    code: WorkbookErrorCode;
    message: string;
    params: MessageParams;
  } {
    return {
      sheet: this.sheet,
      cell: this.cell,
      code: this.code,
      message: this.message,
      params: this.params,
    };
  }
}

/** Marks print as plain decimals in messages (8.5, not 8.500000001). */
export function formatMark(value: number): string {
  return String(Math.round(value * 1_000_000) / 1_000_000);
}
