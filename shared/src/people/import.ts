import type { ExpertRole, PersonName } from '../domain/entities';
import { isSessionVariant } from '../exam/session';
import { validateIin } from '../identifiers/index';
import type { RegionId } from '../reference/regions';
import {
  acceptedFields,
  fieldOfHeader,
  fieldsByKind,
  isRowNumberHeader,
  type PersonField,
  type PersonKind,
} from './columns';
import { restoreIin, rowIssue, rowSchema } from './row';
import {
  cellText,
  columnAt,
  fileIssue,
  isBlankRow,
  type ImportIssue,
  type ImportIssueCode,
  type Table,
  type TableRow,
} from './table';

export interface ImportedPersonBase {
  /** The row of the file the person came from. */
  row: number;
  name: PersonName;
  iin: string;
}

export interface ImportedCompetitor extends ImportedPersonBase {
  /** The college as written; the caller matches it to a registered college. */
  college: string;
  regionId: RegionId;
  delegation?: string;
  guest: boolean;
}

export interface ImportedExpert extends ImportedPersonBase {
  regionId: RegionId;
  role: ExpertRole;
  college?: string;
  delegation?: string;
  certificate?: string;
  employer?: string;
}

export interface ImportedStudent extends ImportedPersonBase {
  group: string;
  taskVariant?: string;
}

export interface ImportedPersonOf {
  competitor: ImportedCompetitor;
  expert: ImportedExpert;
  student: ImportedStudent;
}

/** All or nothing: either every row is a valid person, or nothing is, with every problem listed. */
export type PeopleImportResult<P> =
  | { ok: true; people: P[]; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

export interface PeopleImportOptions {
  /** IINs already registered where the people are imported (competition, exam session). */
  existingIins?: Iterable<string>;
  /** At most this many data rows (default DEFAULT_MAX_IMPORT_ROWS). */
  maxRows?: number;
  /** Today as YYYY-MM-DD: an IIN with a later birth date is refused. Without it, not checked. */
  today?: string;
  /** Students: the exam session's number of task variants; a variant outside 1..n is refused. */
  taskVariants?: number;
  /**
   * Whether a college written in the list is registered (the caller knows the colleges): an
   * unknown one is reported with the file's other problems, so one upload lists them all.
   */
  knownCollege?: (written: string) => boolean;
}

/** Well above a regional championship (a few hundred) or a college's whole year of students. */
export const DEFAULT_MAX_IMPORT_ROWS = 5000;
/** Past this the file is the wrong one, and a longer list only buries the first problems. */
export const MAX_REPORTED_ISSUES = 500;
/** A title and a two-level header fit in far fewer rows; the header is searched for here. */
const HEADER_SEARCH_ROWS = 15;

interface HeaderMap {
  header: TableRow;
  headerIndex: number;
  columnOf: Map<PersonField, number>;
}

/**
 * The header is the row among the first ones whose cells name the most known columns, so a
 * title above it, or the upper row of a two-level header ("ФИО" over "Фамилия | Имя"), is
 * skipped.
 */
function locateHeader(kind: PersonKind, rows: readonly TableRow[]): HeaderMap | undefined {
  const accepted = acceptedFields(kind);
  let best: { index: number; score: number } | undefined;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const fields = new Set(
      row.cells.map((cell) => fieldOfHeader(cellText(cell))).filter((f) => f && accepted.has(f)),
    );
    if (fields.size > 0 && fields.size > (best?.score ?? 0)) best = { index, score: fields.size };
  });
  if (!best) return undefined;
  return { header: rows[best.index]!, headerIndex: best.index, columnOf: new Map() };
}

/** Fills `map.columnOf` from the header row; missing and repeated columns are errors. */
function mapColumns(
  kind: PersonKind,
  map: HeaderMap,
  errors: ImportIssue[],
  warnings: ImportIssue[],
): void {
  const accepted = acceptedFields(kind);
  const headerIssue = (field: PersonField | null, index: number | null, code: ImportIssueCode) => ({
    row: map.header.number,
    column: index === null ? null : columnAt(map.header, index),
    field,
    code,
    params: {} as Record<string, string | number>,
  });
  map.header.cells.forEach((cell, index) => {
    const text = cellText(cell);
    const field = fieldOfHeader(text);
    if (!field || !accepted.has(field)) {
      if (text !== '' && !isRowNumberHeader(text))
        warnings.push(headerIssue(null, index, 'unknown_column'));
      return;
    }
    const first = map.columnOf.get(field);
    if (first === undefined) {
      map.columnOf.set(field, index);
      return;
    }
    const issue = headerIssue(field, index, 'duplicate_column');
    issue.params = { field, otherColumn: columnAt(map.header, first).letter };
    errors.push(issue);
  });

  const has = (field: PersonField) => map.columnOf.has(field);
  if (has('lastName') && has('firstName')) {
    map.columnOf.delete('fullName');
  } else if (has('fullName')) {
    for (const part of ['lastName', 'firstName', 'middleName'] as const) map.columnOf.delete(part);
  } else {
    errors.push(headerIssue('fullName', null, 'missing_name_column'));
  }
  for (const rule of fieldsByKind[kind]) {
    if (!rule.required || has(rule.field)) continue;
    const issue = headerIssue(rule.field, null, 'missing_column');
    issue.params = { field: rule.field };
    errors.push(issue);
  }
}

/** Forms often number their columns (1 | 2 | 3 ...) in the row under the header. */
function isColumnNumbersRow(row: TableRow): boolean {
  const filled = row.cells
    .map((cell, index) => [cellText(cell), index] as const)
    .filter(([text]) => text !== '');
  return filled.length >= 2 && filled.every(([text, index]) => text === String(index + 1));
}

function personOf(kind: PersonKind, rowNumber: number, data: Record<string, unknown>, iin: string) {
  const name = (data.fullName as PersonName | undefined) ?? {
    last: data.lastName as string,
    first: data.firstName as string,
    ...(data.middleName ? { middle: data.middleName as string } : {}),
  };
  const optional = (field: PersonField) => (data[field] ? { [field]: data[field] } : {});
  const base = { row: rowNumber, name, iin };
  switch (kind) {
    case 'competitor':
      return {
        ...base,
        college: data.college,
        regionId: data.region,
        guest: data.guest ?? false,
        ...optional('delegation'),
      };
    case 'expert':
      return {
        ...base,
        regionId: data.region,
        role: data.role ?? 'expert',
        ...optional('college'),
        ...optional('delegation'),
        ...optional('certificate'),
        ...optional('employer'),
      };
    case 'student':
      return { ...base, group: data.group, ...optional('taskVariant') };
  }
}

/**
 * Reads competitors, experts or students from a table (see readTable on the server, or readCsv).
 * Columns are found by their headers in kk, ru or en; every row is validated, and every problem
 * is reported with its row and column. Nothing is returned unless every row is valid.
 */
export function importPeople<K extends PersonKind>(
  kind: K,
  table: Table,
  options: PeopleImportOptions = {},
): PeopleImportResult<ImportedPersonOf[K]> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const rows = table.rows.filter((row) => !isBlankRow(row));
  if (rows.length === 0) return { ok: false, errors: [fileIssue('file_empty')], warnings };
  const map = locateHeader(kind, rows);
  if (!map) return { ok: false, errors: [fileIssue('header_not_found', { kind })], warnings };
  mapColumns(kind, map, errors, warnings);
  if (errors.length > 0) return { ok: false, errors, warnings };

  let dataRows = rows.slice(map.headerIndex + 1);
  if (dataRows[0] && isColumnNumbersRow(dataRows[0])) dataRows = dataRows.slice(1);
  const maxRows = options.maxRows ?? DEFAULT_MAX_IMPORT_ROWS;
  if (dataRows.length > maxRows) {
    const issue = fileIssue('too_many_rows', { count: dataRows.length, limit: maxRows });
    return { ok: false, errors: [issue], warnings };
  }

  const schema = rowSchema(kind, map.columnOf);
  const existing = new Set(options.existingIins ?? []);
  const firstRowOfIin = new Map<string, number>();
  const people: ImportedPersonOf[K][] = [];
  const iinColumn = map.columnOf.get('iin')!;
  const columnOfField = (field: PersonField) => columnAt(map.header, map.columnOf.get(field)!);
  for (const row of dataRows) {
    const input: Record<string, unknown> = {};
    for (const [field, index] of map.columnOf) {
      const cell = row.cells[index];
      input[field] = cell instanceof Date ? cell : cellText(cell);
    }
    const iin = restoreIin(row.cells[iinColumn]);
    input.iin = iin.value;
    const atIin = {
      row: row.number,
      column: columnAt(map.header, iinColumn),
      field: 'iin' as const,
    };
    if (iin.restored) {
      warnings.push({ ...atIin, code: 'iin_zeros_restored', params: { iin: iin.value } });
    }

    const college = typeof input.college === 'string' ? input.college.trim() : '';
    if (college && options.knownCollege && !options.knownCollege(college)) {
      errors.push({
        row: row.number,
        column: columnOfField('college'),
        field: 'college',
        code: 'unknown_college',
        params: { value: college },
      });
    }

    const parsed = schema.safeParse(input);
    if (parsed.success) {
      const person = personOf(kind, row.number, parsed.data, iin.value) as ImportedPersonOf[K];
      const variant = (person as Partial<ImportedStudent>).taskVariant;
      if (
        variant !== undefined &&
        options.taskVariants !== undefined &&
        !isSessionVariant(variant, options.taskVariants)
      ) {
        errors.push({
          row: row.number,
          column: columnOfField('taskVariant'),
          field: 'taskVariant',
          code: 'unknown_variant',
          params: { value: variant, variants: options.taskVariants },
        });
      }
      people.push(person);
    } else {
      errors.push(
        ...parsed.error.issues.map((issue) => rowIssue(issue, row.number, columnOfField)),
      );
    }
    const check = validateIin(iin.value);
    if (!check.ok) continue;
    if (options.today && check.birthDate > options.today) {
      const birthDate = check.birthDate.split('-').reverse().join('.');
      errors.push({ ...atIin, code: 'birth_date_in_future', params: { birthDate } });
    }
    const firstRow = firstRowOfIin.get(iin.value);
    if (firstRow === undefined) firstRowOfIin.set(iin.value, row.number);
    else errors.push({ ...atIin, code: 'duplicate_in_file', params: { firstRow } });
    if (existing.has(iin.value)) errors.push({ ...atIin, code: 'already_registered', params: {} });
  }
  if (errors.length > 0) return { ok: false, errors: capIssues(errors), warnings };
  return { ok: true, people, warnings };
}

function capIssues(errors: ImportIssue[]): ImportIssue[] {
  if (errors.length <= MAX_REPORTED_ISSUES) return errors;
  const rest = errors.length - MAX_REPORTED_ISSUES;
  return [...errors.slice(0, MAX_REPORTED_ISSUES), fileIssue('too_many_errors', { count: rest })];
}
