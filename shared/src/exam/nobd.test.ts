import { describe, expect, it } from 'vitest';
import { localizeIssue } from '../identifiers/localized-issue';
import {
  defaultNobdTemplate,
  formatDate,
  nobdCsv,
  nobdTable,
  nobdTemplateSchema,
  nonFinalResults,
  templateIssuesFor,
  type NobdTemplate,
} from './nobd';
import { studentResults } from './results';
import { sampleExamSession } from './sample';

const session = sampleExamSession({ students: 3 });
const [first, second, third] = studentResults(session, []).map((r) => r.student.id);
const done = { marked: 2, total: 2 };
const results = studentResults(session, [
  {
    studentId: first!,
    attendance: 'present',
    criteria: { A: 60, B: 29.99 },
    total: 89.99,
    progress: done,
  },
  { studentId: second!, attendance: 'absent', criteria: {}, total: 0, attendanceReason: 'Болезнь' },
  {
    studentId: third!,
    attendance: 'present',
    criteria: { A: 30, B: 20 },
    total: 50,
    progress: done,
  },
]);

const small: NobdTemplate = {
  id: 'college-nobd@2',
  name: 'Форма колледжа',
  headerLanguage: 'both',
  columns: [
    { field: 'rowNumber', header: { kk: 'Р/с', ru: '№' } },
    { field: 'iin', header: { kk: 'ЖСН', ru: 'ИИН' } },
    { field: 'fullName', header: { kk: 'Аты-жөні', ru: 'ФИО; полностью' } },
    { field: 'examDate', header: { kk: 'Күні', ru: 'Дата' }, dateFormat: 'dd.mm.yyyy' },
    {
      field: 'criterionPoints',
      header: { kk: 'A', ru: 'A' },
      criterion: 'A',
      decimals: 2,
      decimalSeparator: ',',
    },
    {
      field: 'percent',
      header: { kk: 'Пайыз', ru: 'Процент' },
      decimals: 1,
      decimalSeparator: '.',
    },
    {
      field: 'outcome',
      header: { kk: 'Нәтиже', ru: 'Результат' },
      codes: { pass: '1', fail: '0', absent: 'Н', removed: 'У' },
    },
  ],
};

function located(template: unknown) {
  const result = nobdTemplateSchema.safeParse(template);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => [
    issue.path.join('.'),
    issue.code === 'custom' ? localizeIssue(issue, 'ru') : issue.code,
  ]);
}

describe('NOBD template', () => {
  it('has a valid default carrying the protocol fields in protocol order', () => {
    expect(nobdTemplateSchema.safeParse(defaultNobdTemplate).success).toBe(true);
    const fields = defaultNobdTemplate.columns.map((c) => c.field);
    expect(fields.slice(0, 3)).toEqual(['rowNumber', 'protocolNumber', 'examDate']);
    expect(fields).toEqual(expect.arrayContaining(['iin', 'totalPoints', 'letter', 'outcome']));
    expect(templateIssuesFor(defaultNobdTemplate, session)).toEqual([]);
  });

  it('locates each problem of an edited template, in the reader’s language', () => {
    const bad = structuredClone(small) as unknown as { columns: Record<string, unknown>[] };
    bad.columns[1]!.decimals = 2;
    delete bad.columns[4]!.criterion;
    bad.columns[6]!.codes = { pass: '1', fail: '0', absent: 'Н', late: 'О' };
    bad.columns[3]!.header = { kk: 'ЖСН', ru: 'Дата' };
    bad.columns.push({ field: 'nickname', header: { kk: 'x', ru: 'y' } });
    expect(located(bad)).toEqual([['columns.7.field', 'invalid_value']]);
    bad.columns.pop();
    expect(located(bad)).toEqual([
      ['columns.1.decimals', 'Параметр «decimals» не относится к полю «iin»'],
      ['columns.3.header.kk', 'Тот же заголовок, что у столбца 2'],
      ['columns.4.criterion', 'Укажите критерий (A, B, ...), баллы которого содержит столбец'],
      ['columns.6.codes', 'Не задан код для значения «removed»'],
      ['columns.6.codes.late', '«late» не является значением этого поля'],
    ]);
  });

  it('names criteria the session’s scheme does not have', () => {
    const template = structuredClone(small);
    template.columns[4]!.criterion = 'Z';
    expect(templateIssuesFor(template, session)).toEqual([
      { path: 'columns.4.criterion', criterion: 'Z' },
    ]);
  });
});

describe('NOBD table and CSV', () => {
  it('writes one row per student in protocol order with the template’s formats', () => {
    const table = nobdTable(small, session, results);
    expect(table.headers).toEqual([
      'Р/с / №',
      'ЖСН / ИИН',
      'Аты-жөні / ФИО; полностью',
      'Күні / Дата',
      'A / A',
      'Пайыз / Процент',
      'Нәтиже / Результат',
    ]);
    expect(table.rows.map((row) => [row[0], row[3], row[4], row[5], row[6]])).toEqual([
      [1, '19.05.2026', '60,00', '90.0', '1'],
      [2, '19.05.2026', null, null, 'Н'],
      [3, '19.05.2026', '30,00', '50.0', '1'],
    ]);
  });

  it('prints the default template in Russian with birth dates from the IIN', () => {
    const table = nobdTable(defaultNobdTemplate, session, results);
    const column = (field: string) =>
      defaultNobdTemplate.columns.findIndex((c) => c.field === field);
    const row = table.rows[0]!;
    expect(row[column('examType')]).toBe('Итоговая аттестация');
    expect(row[column('outcome')]).toBe('Сдал');
    expect(row[column('traditional')]).toBe('Хорошо');
    expect(row[column('letter')]).toBe('B+');
    expect(row[column('gpa')]).toBe('3,33');
    expect(row[column('collegeBin')]).toBe('940140000385');
    expect(row[column('region')]).toBe('Астана');
    const iin = String(row[column('iin')]);
    const birth = String(row[column('birthDate')]);
    expect(birth).toMatch(/^\d{2}\.\d{2}\.200[67]$/);
    expect(birth.slice(0, 2) + birth.slice(3, 5) + birth.slice(8, 10)).toBe(
      iin.slice(4, 6) + iin.slice(2, 4) + iin.slice(0, 2),
    );
    expect(table.rows[1]![column('outcome')]).toBe('Не явился');
  });

  it('is UTF-8 with a BOM, semicolons, CRLF, and quotes a field holding a separator', () => {
    const csv = nobdCsv(nobdTable(small, session, results));
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[0]).toBe(
      'Р/с / №;ЖСН / ИИН;"Аты-жөні / ФИО; полностью";Күні / Дата;A / A;Пайыз / Процент;Нәтиже / Результат',
    );
    const [student] = results;
    expect(lines[1]).toBe(
      `1;${student!.student.iin};Жұмабаев1 Айгүл Өмірқызы;19.05.2026;60,00;90.0;1`,
    );
    expect(lines[2]!.endsWith(';19.05.2026;;;Н')).toBe(true);
  });

  it('writes names that would run as formulas as text, and the number columns as numbers', () => {
    const names = [
      { last: '=HYPERLINK("http://evil.example";"Ашу")', first: 'Айгүл' },
      { last: "=cmd|' /C calc'!A0", first: 'Нұрлан' },
      { last: '+1+2', first: '@SUM(1+1)', middle: '-2+3' },
    ];
    const hostile = {
      ...session,
      protocolNumber: '=1+1',
      students: session.students.map((student, index) => ({ ...student, name: names[index]! })),
    };
    const template: NobdTemplate = {
      ...small,
      columns: [
        small.columns[0]!,
        { field: 'protocolNumber', header: { kk: '=Хаттама', ru: '=Протокол' } },
        ...small.columns.slice(2, 5),
      ],
    };
    const table = nobdTable(template, hostile, studentResults(hostile, []), { draft: true });
    // The table itself (and so the XLSX, whose cells are text) keeps the names as given.
    expect(table.rows.map((row) => row[2])).toEqual([
      '+1+2 @SUM(1+1) -2+3',
      "=cmd|' /C calc'!A0 Нұрлан",
      '=HYPERLINK("http://evil.example";"Ашу") Айгүл',
    ]);
    const csv = nobdCsv({ ...table, rows: [...table.rows, [-1, '@x', '-', '-', '-1,00']] });
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Р/с / №;\'=Хаттама / =Протокол;"Аты-жөні / ФИО; полностью";Күні / Дата;A / A;Жоба: нәтиже түпкілікті емес / Черновик: результат не окончательный',
      "1;'=1+1;'+1+2 @SUM(1+1) -2+3;19.05.2026;0,00;ЧЕРНОВИК",
      "2;'=1+1;'=cmd|' /C calc'!A0 Нұрлан;19.05.2026;0,00;ЧЕРНОВИК",
      '3;\'=1+1;"\'=HYPERLINK(""http://evil.example"";""Ашу"") Айгүл";19.05.2026;0,00;ЧЕРНОВИК',
      // A number the app writes stays a number, a negative one too; text never passes as one.
      "-1;'@x;'-;'-;-1,00",
      '',
    ]);
  });

  it('refuses results that are not final, and flags every such row in a draft', () => {
    const partly = studentResults(session, [
      { studentId: first!, attendance: 'present', criteria: { A: 60 }, total: 60, progress: done },
      {
        studentId: third!,
        attendance: 'present',
        criteria: { A: 30 },
        total: 30,
        progress: { marked: 1, total: 2 },
      },
      { studentId: second!, attendance: 'absent', criteria: {}, total: 0 },
    ]);
    expect(nonFinalResults(partly).map((r) => r.student.id)).toEqual([second, third]);
    expect(() => nobdTable(small, session, partly)).toThrow(/not final/);
    const draft = nobdTable(small, session, partly, { draft: true });
    expect(draft.headers.at(-1)).toBe(
      'Жоба: нәтиже түпкілікті емес / Черновик: результат не окончательный',
    );
    // Not passed and not failed: "not marked" in words, whatever code NOBD has for a fail.
    expect(draft.rows.map((row) => [row[6], row[7]])).toEqual([
      ['1', ''],
      ['Не явился', 'ЧЕРНОВИК'],
      ['Не оценён', 'ЧЕРНОВИК'],
    ]);
  });

  it('formats dates in Kazakhstan time', () => {
    expect(formatDate('2026-05-18T23:30:00Z', 'dd.mm.yyyy')).toBe('19.05.2026');
    expect(formatDate('2026-05-19', 'yyyy-mm-dd')).toBe('2026-05-19');
  });
});
