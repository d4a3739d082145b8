import { z } from 'zod';
import { fullName } from '../domain/entities';
import { addReasonIssue } from '../identifiers/localized-issue';
import { validateIin } from '../identifiers/iin';
import { writeCsv } from '../people/csv';
import { namespaces } from '../i18n/index';
import { translate } from '../i18n/messages';
import { getRegion } from '../reference/regions';
import type { StudentResult } from './results';
import { outcomeText, traditionalText } from './results';
import type { ExamSession } from './session';

/**
 * The NOBD export (docs/demo-exams.md): NOBD's import format for demo exam results is not public, so
 * the export is a declarative template (column order, kk/ru headers, value formats, code lists)
 * that a college edits to the current NOBD form without code changes. One row per student-exam.
 */

/** What a column can hold, and the kind of value it is (which decides the allowed format). */
export const nobdFields = {
  rowNumber: 'number',
  protocolNumber: 'text',
  examDate: 'date',
  academicYear: 'text',
  examType: 'code',
  collegeBin: 'text',
  collegeName: 'localized',
  region: 'localized',
  specialtyCode: 'text',
  specialtyName: 'localized',
  qualificationCode: 'text',
  qualificationName: 'localized',
  group: 'text',
  iin: 'text',
  fullName: 'text',
  lastName: 'text',
  firstName: 'text',
  middleName: 'text',
  birthDate: 'date',
  taskVariant: 'text',
  criterionPoints: 'number',
  totalPoints: 'number',
  maxPoints: 'number',
  percent: 'number',
  letter: 'text',
  gpa: 'number',
  traditional: 'localized',
  outcome: 'code',
  gradeScale: 'text',
} as const;
export type NobdField = keyof typeof nobdFields;
export const nobdFieldSchema = z.enum(Object.keys(nobdFields) as [NobdField, ...NobdField[]]);

/** The values a `code` field takes; a template maps each to the code NOBD expects. */
export const nobdCodeValues: Record<'examType' | 'outcome', readonly string[]> = {
  examType: ['intermediate', 'final'],
  outcome: ['pass', 'fail', 'absent', 'removed'],
};

const headerSchema = z.object({
  kk: z.string().trim().min(1).max(120),
  ru: z.string().trim().min(1).max(120),
});

export const nobdColumnSchema = z.object({
  field: nobdFieldSchema,
  header: headerSchema,
  /** criterionPoints only: which criterion (A, B, ...). */
  criterion: z.string().trim().min(1).max(10).optional(),
  /** date fields: how dates print. */
  dateFormat: z.enum(['dd.mm.yyyy', 'yyyy-mm-dd']).optional(),
  /** number fields: digits after the separator, and the separator. */
  decimals: z.number().int().min(0).max(4).optional(),
  decimalSeparator: z.enum([',', '.']).optional(),
  /** localized and code fields without codes: the language of the text. */
  language: z.enum(['kk', 'ru']).optional(),
  /** code fields: the code for every value (e.g. final -> "2"). */
  codes: z.record(z.string(), z.string().trim().min(1).max(40)).optional(),
});
export type NobdColumn = z.infer<typeof nobdColumnSchema>;

type TemplateFields = {
  id: string;
  name: string;
  headerLanguage: 'kk' | 'ru' | 'both';
  columns: NobdColumn[];
};

/** Options that do not fit a column's kind are refused, not ignored: a typo must show. */
function checkColumn(
  column: NobdColumn,
  index: number,
  ctx: z.core.$RefinementCtx<TemplateFields>,
) {
  const kind = nobdFields[column.field];
  const path = ['columns', index];
  const misplaced = (option: keyof NobdColumn, allowed: boolean) => {
    if (column[option] !== undefined && !allowed) {
      issue(ctx, 'option_not_for_field', [...path, option], { option, field: column.field });
    }
  };
  misplaced('criterion', column.field === 'criterionPoints');
  misplaced('dateFormat', kind === 'date');
  misplaced('decimals', kind === 'number');
  misplaced('decimalSeparator', kind === 'number');
  misplaced('language', kind === 'localized' || kind === 'code');
  misplaced('codes', kind === 'code');
  if (column.field === 'criterionPoints' && column.criterion === undefined) {
    issue(ctx, 'criterion_required', [...path, 'criterion']);
  }
  if (kind === 'code' && column.codes) {
    const values = nobdCodeValues[column.field as keyof typeof nobdCodeValues];
    for (const value of values) {
      if (column.codes[value] === undefined) {
        issue(ctx, 'code_missing', [...path, 'codes'], { value });
      }
    }
    for (const value of Object.keys(column.codes)) {
      if (!values.includes(value)) issue(ctx, 'code_unknown', [...path, 'codes', value], { value });
    }
  }
}

function issue(
  ctx: z.core.$RefinementCtx<TemplateFields>,
  reason: string,
  path: PropertyKey[],
  values: Record<string, string | number> = {},
): void {
  addReasonIssue(
    ctx,
    { ok: false, reason, ...values },
    { namespace: 'exam', keyPrefix: 'nobd', input: undefined, path },
  );
}

export const nobdTemplateSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+@\d+$/, 'template id like nobd-demo-exam@1')
      .max(64),
    name: z.string().trim().min(1).max(200),
    headerLanguage: z.enum(['kk', 'ru', 'both']),
    columns: z.array(nobdColumnSchema).min(1).max(100),
  })
  .superRefine((template, ctx) => {
    const headers = new Map<string, number>();
    template.columns.forEach((column, index) => {
      checkColumn(column, index, ctx);
      for (const lang of ['kk', 'ru'] as const) {
        const text = column.header[lang].toLowerCase();
        const first = headers.get(`${lang}:${text}`);
        if (first !== undefined) {
          issue(ctx, 'duplicate_header', ['columns', index, 'header', lang], {
            column: first + 1,
          });
        } else headers.set(`${lang}:${text}`, index);
      }
    });
  });
export type NobdTemplate = z.infer<typeof nobdTemplateSchema>;

/** Problems a template has only with a particular session: criteria it does not have. */
export function templateIssuesFor(
  template: NobdTemplate,
  session: Pick<ExamSession, 'scheme'>,
): { path: string; criterion: string }[] {
  const criteria = new Set(session.scheme.criteria.map((criterion) => criterion.id));
  return template.columns.flatMap((column, index) =>
    column.criterion !== undefined && !criteria.has(column.criterion)
      ? [{ path: `columns.${index}.criterion`, criterion: column.criterion }]
      : [],
  );
}

const text = (kk: string, ru: string) => ({ kk, ru });

/**
 * The default template: the protocol's fields (docs/demo-exams.md) in protocol order, Russian
 * headers with Kazakh ones kept for a Kazakh-language form, dates dd.mm.yyyy, decimal commas
 * as Kazakh and Russian spreadsheets expect.
 */
export const defaultNobdTemplate: NobdTemplate = nobdTemplateSchema.parse({
  id: 'nobd-demo-exam@1',
  name: 'НОБД: результаты демонстрационного экзамена',
  headerLanguage: 'ru',
  columns: [
    { field: 'rowNumber', header: text('Р/с №', '№ п/п') },
    { field: 'protocolNumber', header: text('Хаттама нөмірі', 'Номер протокола') },
    { field: 'examDate', header: text('Емтихан күні', 'Дата экзамена'), dateFormat: 'dd.mm.yyyy' },
    { field: 'academicYear', header: text('Оқу жылы', 'Учебный год') },
    {
      field: 'examType',
      header: text('Аттестаттау түрі', 'Вид аттестации'),
      language: 'ru',
    },
    { field: 'collegeBin', header: text('Колледждің БСН', 'БИН колледжа') },
    { field: 'collegeName', header: text('Колледж', 'Колледж'), language: 'ru' },
    { field: 'region', header: text('Өңір', 'Регион'), language: 'ru' },
    { field: 'specialtyCode', header: text('Мамандық коды', 'Код специальности') },
    { field: 'specialtyName', header: text('Мамандық', 'Специальность'), language: 'ru' },
    { field: 'qualificationCode', header: text('Біліктілік коды', 'Код квалификации') },
    {
      field: 'qualificationName',
      header: text('Біліктілік', 'Квалификация'),
      language: 'ru',
    },
    { field: 'group', header: text('Топ', 'Группа') },
    { field: 'iin', header: text('ЖСН', 'ИИН') },
    { field: 'lastName', header: text('Тегі', 'Фамилия') },
    { field: 'firstName', header: text('Аты', 'Имя') },
    { field: 'middleName', header: text('Әкесінің аты', 'Отчество') },
    { field: 'birthDate', header: text('Туған күні', 'Дата рождения'), dateFormat: 'dd.mm.yyyy' },
    { field: 'taskVariant', header: text('Тапсырма нұсқасы', 'Вариант задания') },
    {
      field: 'totalPoints',
      header: text('Жалпы балл', 'Итоговый балл'),
      decimals: 2,
      decimalSeparator: ',',
    },
    {
      field: 'maxPoints',
      header: text('Ең жоғары балл', 'Максимальный балл'),
      decimals: 2,
      decimalSeparator: ',',
    },
    { field: 'percent', header: text('Пайыз', 'Процент'), decimals: 2, decimalSeparator: ',' },
    { field: 'letter', header: text('Әріптік баға', 'Буквенная оценка') },
    {
      field: 'gpa',
      header: text('Сандық баламасы', 'Цифровой эквивалент'),
      decimals: 2,
      decimalSeparator: ',',
    },
    { field: 'traditional', header: text('Дәстүрлі баға', 'Традиционная оценка'), language: 'ru' },
    { field: 'outcome', header: text('Нәтиже', 'Результат'), language: 'ru' },
    { field: 'gradeScale', header: text('Бағалау шкаласы', 'Шкала оценивания') },
  ],
});

export type NobdCell = string | number | null;

export interface NobdTable {
  headers: string[];
  rows: NobdCell[][];
  /** The columns of number fields (points, percent, GPA, ...), which the app itself writes. */
  numberColumns: number[];
}

/** The header of a column as the template prints it. */
export function nobdHeader(template: NobdTemplate, column: NobdColumn): string {
  if (template.headerLanguage === 'both') return `${column.header.kk} / ${column.header.ru}`;
  return column.header[template.headerLanguage];
}

/** dd.mm.yyyy or yyyy-mm-dd of an ISO date or date-time, read in Kazakhstan (UTC+5). */
export function formatDate(iso: string, format: 'dd.mm.yyyy' | 'yyyy-mm-dd'): string {
  const date = iso.length === 10 ? iso : localDate(iso);
  const [year, month, day] = date.split('-');
  return format === 'yyyy-mm-dd' ? date : `${day}.${month}.${year}`;
}

/** The calendar date in Asia/Almaty (UTC+5 all year since March 2024) of an instant. */
function localDate(isoDateTime: string): string {
  return new Date(Date.parse(isoDateTime) + 5 * 3_600_000).toISOString().slice(0, 10);
}

function formatNumber(value: number | null | undefined, column: NobdColumn): NobdCell {
  if (value === null || value === undefined) return null;
  if (column.decimals === undefined) return value;
  const fixed = value.toFixed(column.decimals);
  return column.decimalSeparator === ',' ? fixed.replace('.', ',') : fixed;
}

function rawValue(
  field: NobdField,
  column: NobdColumn,
  session: ExamSession,
  result: StudentResult,
  index: number,
): string | number | null {
  const lang = column.language ?? 'ru';
  const { student } = result;
  switch (field) {
    case 'rowNumber':
      return index + 1;
    case 'protocolNumber':
      return session.protocolNumber ?? session.id;
    case 'examDate':
      return session.startsAt;
    case 'academicYear':
      return session.academicYear;
    case 'examType':
      return session.examType;
    case 'collegeBin':
      return session.college.bin;
    case 'collegeName':
      return session.college.name[lang];
    case 'region':
      return getRegion(session.regionId)?.name[lang] ?? session.regionId;
    case 'specialtyCode':
      return session.specialty.code;
    case 'specialtyName':
      return session.specialty.name[lang];
    case 'qualificationCode':
      return session.qualification.code;
    case 'qualificationName':
      return session.qualification.name[lang];
    case 'group':
      return student.group;
    case 'iin':
      return student.iin;
    case 'fullName':
      return fullName(student.name);
    case 'lastName':
      return student.name.last;
    case 'firstName':
      return student.name.first;
    case 'middleName':
      return student.name.middle ?? '';
    case 'birthDate': {
      const iin = validateIin(student.iin);
      return iin.ok ? iin.birthDate : null;
    }
    case 'taskVariant':
      return student.variant ?? '';
    case 'criterionPoints':
      return result.attendance === 'present' ? (result.criteria[column.criterion!] ?? 0) : null;
    case 'totalPoints':
      return result.attendance === 'present' ? result.total : null;
    case 'maxPoints':
      return result.maxPoints;
    case 'percent':
      return result.percent;
    case 'letter':
      return result.grade?.label ?? '';
    case 'gpa':
      return result.grade?.gpa ?? null;
    case 'traditional':
      return traditionalText(result, lang);
    case 'outcome':
      return result.outcome;
    case 'gradeScale':
      return translate(namespaces.grades[lang], `scale.${session.gradeScaleId}`);
  }
}

function cell(
  column: NobdColumn,
  session: ExamSession,
  result: StudentResult,
  index: number,
): NobdCell {
  const value = rawValue(column.field, column, session, result, index);
  const kind = nobdFields[column.field];
  if (value === null) return null;
  if (kind === 'date') return formatDate(String(value), column.dateFormat ?? 'dd.mm.yyyy');
  if (kind === 'number') return formatNumber(Number(value), column);
  if (kind === 'code') {
    // NOBD has no code for a result not yet final: only a draft export has such rows, in words.
    if (column.field === 'outcome' && !result.final) {
      return outcomeText(result, column.language ?? 'ru');
    }
    if (column.codes) return column.codes[String(value)] ?? String(value);
    if (column.field === 'outcome') return outcomeText(result, column.language ?? 'ru');
    return codeLabel(String(value), column.language ?? 'ru');
  }
  return value;
}

const examTypeLabels: Record<string, Record<'kk' | 'ru', string>> = {
  intermediate: text('Аралық аттестаттау', 'Промежуточная аттестация'),
  final: text('Қорытынды аттестаттау', 'Итоговая аттестация'),
};

function codeLabel(value: string, lang: 'kk' | 'ru'): string {
  return examTypeLabels[value]?.[lang] ?? value;
}

/** The students whose result is not final yet, in protocol order: what a NOBD export refuses. */
export function nonFinalResults(results: readonly StudentResult[]): StudentResult[] {
  return results.filter((result) => !result.final);
}

/** The last column of a draft export, in the template's header language. */
export const nobdDraftColumn = {
  header: text('Жоба: нәтиже түпкілікті емес', 'Черновик: результат не окончательный'),
  mark: text('ЖОБА', 'ЧЕРНОВИК'),
};

/**
 * The export table: headers, then one row per student in protocol order. A session with a result
 * that is not final is exported only as a draft (`draft: true`): a last column marks every such
 * row, so nobody uploads it to NOBD as a pass or a fail. Without `draft`, it throws; the route
 * refuses with `nonFinalResults` first.
 */
export function nobdTable(
  template: NobdTemplate,
  session: ExamSession,
  results: readonly StudentResult[],
  options: { draft?: boolean } = {},
): NobdTable {
  const pending = nonFinalResults(results).length > 0;
  if (pending && !options.draft) throw new Error('NOBD export of results that are not final');
  const lang = template.headerLanguage === 'kk' ? 'kk' : 'ru';
  const draftHeader = nobdHeader(template, {
    field: 'outcome',
    header: nobdDraftColumn.header,
  } as NobdColumn);
  return {
    headers: [
      ...template.columns.map((column) => nobdHeader(template, column)),
      ...(pending ? [draftHeader] : []),
    ],
    rows: results.map((result, index) => [
      ...template.columns.map((column) => cell(column, session, result, index)),
      ...(pending ? [result.final ? '' : nobdDraftColumn.mark[lang]] : []),
    ]),
    numberColumns: template.columns.flatMap((column, index) =>
      nobdFields[column.field] === 'number' ? [index] : [],
    ),
  };
}

/**
 * The CSV NOBD and Excel read in Kazakhstan: UTF-8 with a byte-order mark (so Excel does not
 * guess a Windows code page), `;` between fields (the comma is the decimal separator), CRLF.
 * Text that a spreadsheet would run as a formula (a student named `=HYPERLINK(...)`) is written
 * as text; the number columns are written as formatted.
 */
export function nobdCsv(table: NobdTable): string {
  return writeCsv([table.headers, ...table.rows], {
    separator: ';',
    bom: true,
    lineEnding: '\r\n',
    numberColumns: table.numberColumns,
  });
}
