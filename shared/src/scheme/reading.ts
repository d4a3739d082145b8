/**
 * What the CIS workbook importer read, and where: the first lines of its report, shown by the
 * CLI and by the organiser and exam office screens before a scheme is accepted.
 */
export type SchemeLayout = 'cis-2019' | 'cis-2016';
export type DerivedPart = 'skill' | 'sections' | 'criteria' | 'days';

export interface WorkbookReading {
  /** The sheet the scheme was read from, and every sheet of the workbook. */
  sheet: string;
  sheets: string[];
  /** `cis-2019`: with a day-of-marking column; `cis-2016`: the older set without one. */
  layout: SchemeLayout;
  /** Column letter of each field, as the first marking block's header names them. */
  columns: Record<string, string>;
  blocks: Array<{ row: number; criteria: string[]; label?: string }>;
  /** Parts the workbook does not have, derived from the aspects (each with its warning). */
  derived: DerivedPart[];
}

/** One warning of an import, located; `cells` lists every cell of a cause that repeats. */
export interface SchemeWarning {
  sheet: string;
  cell?: string;
  cells?: string[];
  code: string;
  message: string;
}
