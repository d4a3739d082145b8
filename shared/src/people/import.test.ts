import { describe, expect, it } from 'vitest';
import { seededRng, syntheticIin, validateIin } from '../identifiers/index';
import { describeImportIssue } from './describe';
import { importPeople, MAX_REPORTED_ISSUES, type PeopleImportResult } from './import';
import type { ImportIssue, Table, TableCell } from './table';

const rng = seededRng(7);
const iin = () => syntheticIin(rng);
/** Born 2000-2009: the IIN starts with 0, which Excel drops when the cell is a number. */
const zeroIin = (from = '2000-01-01', to = '2009-12-31') => syntheticIin(rng, { from, to });

/** Rows numbered from 1 as in a spreadsheet; the first array is the first row of the sheet. */
function tableOf(...rows: TableCell[][]): Table {
  return { rows: rows.map((cells, index) => ({ number: index + 1, cells })) };
}

function errorsOf<P>(result: PeopleImportResult<P>): ImportIssue[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

function peopleOf<P>(result: PeopleImportResult<P>): P[] {
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result.people;
}

const withWrongCheckDigit = (valid: string) => valid.slice(0, 11) + ((Number(valid[11]) + 1) % 10);

describe('importPeople: clean files', () => {
  it('reads students from a Russian list with a full-name column', () => {
    const [a, b] = [iin(), iin()];
    const result = importPeople(
      'student',
      tableOf(
        ['№', 'ФИО', 'ИИН', 'Группа', 'Вариант'],
        [1, 'Ахметов  Нұрлан Серік ұлы', a, 'ПО-21', 2],
        [2, 'Иванова Анна', b, 'ПО-21', ''],
      ),
    );
    expect(peopleOf(result)).toEqual([
      {
        row: 2,
        name: { last: 'Ахметов', first: 'Нұрлан', middle: 'Серік ұлы' },
        iin: a,
        group: 'ПО-21',
        taskVariant: '2',
      },
      { row: 3, name: { last: 'Иванова', first: 'Анна' }, iin: b, group: 'ПО-21' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads students from Kazakh headers with separate name columns', () => {
    const a = iin();
    const result = importPeople(
      'student',
      tableOf(
        ['Тегі', 'Аты', 'Әкесінің аты', 'ЖСН', 'Топ', 'Тапсырма нұсқасы'],
        ['Сейітова', 'Әйгерім', '', a, 'ТО-22', 'Б'],
      ),
    );
    expect(peopleOf(result)).toEqual([
      {
        row: 2,
        name: { last: 'Сейітова', first: 'Әйгерім' },
        iin: a,
        group: 'ТО-22',
        taskVariant: 'Б',
      },
    ]);
  });

  it('reads competitors from English headers, matching regions by any of their names', () => {
    const rows = [
      ['Pavlodar Region', 'pavlodar'],
      ['Павлодарская область', 'pavlodar'],
      ['Алматы', 'almaty-city'],
      ['г. Алматы', 'almaty-city'],
      ['Алматы облысы', 'almaty-region'],
      ['ВКО', 'east-kazakhstan'],
      ['Нур-Султан', 'astana'],
      ['Абай облысы', 'abai'],
    ] as const;
    const iins = rows.map(() => iin());
    const result = importPeople(
      'competitor',
      tableOf(
        ['Full name', 'IIN', 'College', 'Region', 'Guest', 'Delegation'],
        ...rows.map(([region], i) => [
          'Omarov Daniyar',
          iins[i]!,
          'Pavlodar Higher College',
          region,
          i === 0 ? 'да' : '',
          i === 1 ? 'Team B' : '',
        ]),
      ),
    );
    const people = peopleOf(result);
    expect(people.map((p) => p.regionId)).toEqual(rows.map(([, id]) => id));
    expect(people[0]).toEqual({
      row: 2,
      name: { last: 'Omarov', first: 'Daniyar' },
      iin: iins[0],
      college: 'Pavlodar Higher College',
      regionId: 'pavlodar',
      guest: true,
    });
    expect(people[1]).toMatchObject({ guest: false, delegation: 'Team B' });
  });

  it('reads experts with roles named in any language, an empty role meaning a plain expert', () => {
    const iins = [iin(), iin(), iin(), iin()];
    const result = importPeople(
      'expert',
      tableOf(
        ['Аты-жөні', 'ЖСН', 'Облыс', 'Рөлі', 'Сертификат нөмірі', 'Жұмыс беруші', 'Колледж'],
        [
          'Бекова Сәуле',
          iins[0]!,
          'Қарағанды облысы',
          'Бас сарапшы',
          'WSK-123',
          '',
          'Қарағанды политехникалық колледжі',
        ],
        [
          'Петров Пётр',
          iins[1]!,
          'Карагандинская область',
          'Заместитель главного эксперта',
          '',
          '',
          '',
        ],
        ['Smith John', iins[2]!, 'Karaganda Region', 'independent expert', '', 'ТОО "Арселор"', ''],
        ['Касымов Ерлан', iins[3]!, 'karaganda', '', '', '', ''],
      ),
    );
    const people = peopleOf(result);
    expect(people.map((p) => p.role)).toEqual(['chief', 'deputy-chief', 'independent', 'expert']);
    expect(people[0]).toEqual({
      row: 2,
      name: { last: 'Бекова', first: 'Сәуле' },
      iin: iins[0],
      regionId: 'karaganda',
      role: 'chief',
      certificate: 'WSK-123',
      college: 'Қарағанды политехникалық колледжі',
    });
    expect(people[2]).toMatchObject({ employer: 'ТОО "Арселор"' });
    expect(people[3]).not.toHaveProperty('college');
  });

  it('skips a title above the header, a row of column numbers and blank rows', () => {
    const a = iin();
    const result = importPeople(
      'student',
      tableOf(
        ['Список студентов группы ПО-21', null, null],
        [],
        ['ФИО', 'ИИН *', 'Группа (шифр)'],
        [1, 2, 3],
        ['Ахметов Нұрлан', a, 'ПО-21'],
        ['', null, ''],
      ),
    );
    expect(peopleOf(result)).toEqual([
      { row: 5, name: { last: 'Ахметов', first: 'Нұрлан' }, iin: a, group: 'ПО-21' },
    ]);
  });

  it('warns about columns it does not know, but not about the running number', () => {
    const result = importPeople(
      'student',
      tableOf(['№ п/п', 'ФИО', 'ИИН', 'Группа', 'Телефон'], [1, 'А Б', iin(), 'Г', '+7']),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        row: 1,
        column: { letter: 'E', header: 'Телефон' },
        field: null,
        code: 'unknown_column',
        params: {},
      },
    ]);
  });
});

describe('importPeople: IIN typed as a number in Excel', () => {
  it('restores lost leading zeros when the padded number is a valid IIN, with a warning', () => {
    const one = zeroIin();
    const three = zeroIin('2000-01-01', '2000-09-30');
    expect(three.startsWith('000')).toBe(true);
    const result = importPeople(
      'student',
      tableOf(['ФИО', 'ИИН', 'Группа'], ['А Б', Number(one), 'Г'], ['В Г', Number(three), 'Г']),
    );
    expect(peopleOf(result).map((p) => p.iin)).toEqual([one, three]);
    expect(result.warnings).toEqual([
      {
        row: 2,
        column: { letter: 'B', header: 'ИИН' },
        field: 'iin',
        code: 'iin_zeros_restored',
        params: { iin: one },
      },
      {
        row: 3,
        column: { letter: 'B', header: 'ИИН' },
        field: 'iin',
        code: 'iin_zeros_restored',
        params: { iin: three },
      },
    ]);
  });

  it('keeps a short number as an error when zeros would not make it valid', () => {
    const valid = iin();
    const missingDigit = valid.slice(0, 5) + valid.slice(6);
    const result = importPeople(
      'student',
      tableOf(['ФИО', 'ИИН', 'Группа'], ['А Б', missingDigit, 'Г']),
    );
    const padded = missingDigit.padStart(12, '0');
    expect(validateIin(padded).ok).toBe(false);
    expect(errorsOf(result)).toEqual([
      {
        row: 2,
        column: { letter: 'B', header: 'ИИН' },
        field: 'iin',
        code: 'invalid_iin',
        params: { reason: 'length', length: 11 },
      },
    ]);
    expect(result.warnings).toEqual([]);
  });
});

describe('importPeople: every problem with its row and column', () => {
  const header = ['ФИО', 'ИИН', 'Колледж', 'Регион'];

  it('reports missing required columns at the header row, and nothing else', () => {
    const result = importPeople(
      'competitor',
      tableOf(['Фамилия', 'ИИН', 'Колледж'], ['Ахметов', iin(), 'ПВК']),
    );
    expect(errorsOf(result)).toEqual([
      { row: 1, column: null, field: 'fullName', code: 'missing_name_column', params: {} },
      {
        row: 1,
        column: null,
        field: 'region',
        code: 'missing_column',
        params: { field: 'region' },
      },
    ]);
  });

  it('reports a column given twice', () => {
    const result = importPeople(
      'student',
      tableOf(['ФИО', 'ИИН', 'Группа', 'ЖСН'], ['А Б', iin(), 'Г', iin()]),
    );
    expect(errorsOf(result)).toEqual([
      {
        row: 1,
        column: { letter: 'D', header: 'ЖСН' },
        field: 'iin',
        code: 'duplicate_column',
        params: { field: 'iin', otherColumn: 'B' },
      },
    ]);
  });

  it('reports a file without a recognisable header, and an empty file', () => {
    expect(errorsOf(importPeople('student', tableOf(['a', 'b'], ['1', '2'])))).toEqual([
      {
        row: null,
        column: null,
        field: null,
        code: 'header_not_found',
        params: { kind: 'student' },
      },
    ]);
    expect(errorsOf(importPeople('student', tableOf([], [null, '']))).map((e) => e.code)).toEqual([
      'file_empty',
    ]);
  });

  it('reports every bad cell of every row and imports nothing', () => {
    const good = iin();
    const result = importPeople(
      'competitor',
      tableOf(
        header,
        ['Ахметов Нұрлан', good, 'ПВК', 'Павлодар облысы'],
        ['Иванов', '', '', 'Марс'],
        ['Сейтова Дана', withWrongCheckDigit(iin()), new Date(Date.UTC(2024, 8, 1)), 'Astana'],
      ),
    );
    const errors = errorsOf(result);
    expect(
      errors.map(({ row, column, code }) => [row, column?.letter, column?.header, code]),
    ).toEqual([
      [3, 'A', 'ФИО', 'name_incomplete'],
      [3, 'B', 'ИИН', 'empty_cell'],
      [3, 'C', 'Колледж', 'empty_cell'],
      [3, 'D', 'Регион', 'unknown_region'],
      [4, 'B', 'ИИН', 'invalid_iin'],
      [4, 'C', 'Колледж', 'date_in_text_cell'],
    ]);
    expect(errors[3]!.params).toEqual({ value: 'Марс' });
    expect(result).not.toHaveProperty('people');
  });

  it('gives the precise reason of an invalid IIN, with the expected check digit', () => {
    const valid = iin();
    const wrong = withWrongCheckDigit(valid);
    const cases: [string, Record<string, string | number>][] = [
      [wrong, { reason: 'check_digit', expected: Number(valid[11]) }],
      ['991332300010', { reason: 'date' }],
      [valid.slice(0, 6) + '0' + valid.slice(7), { reason: 'century', digit: 0 }],
      ['12345678901O', { reason: 'non_digit', position: 12 }],
      ['1234567890123', { reason: 'length', length: 13 }],
    ];
    const result = importPeople(
      'student',
      tableOf(['ФИО', 'ИИН', 'Группа'], ...cases.map(([value]) => ['А Б', value, 'Г'])),
    );
    expect(errorsOf(result).map((e) => [e.row, e.code, e.params])).toEqual(
      cases.map(([, params], i) => [i + 2, 'invalid_iin', params]),
    );
    const text = describeImportIssue(errorsOf(result)[0]!, 'ru');
    expect(text.where).toBe('Строка 2, столбец B (ИИН)');
    expect(text.message).toContain(`последняя цифра должна быть ${valid[11]}`);
  });

  it('refuses a task variant the exam session does not have, at its row and column', () => {
    const result = importPeople(
      'student',
      tableOf(
        ['ФИО', 'ИИН', 'Группа', 'Вариант'],
        ['А Б', iin(), 'Г', 2],
        ['В Г', iin(), 'Г', 7],
        ['Д Е', iin(), 'Г', ''],
      ),
      { taskVariants: 2 },
    );
    expect(errorsOf(result)).toEqual([
      {
        row: 3,
        column: { letter: 'D', header: 'Вариант' },
        field: 'taskVariant',
        code: 'unknown_variant',
        params: { value: '7', variants: 2 },
      },
    ]);
    expect(describeImportIssue(errorsOf(result)[0]!, 'kk')).toEqual({
      where: '3-жол, D бағаны (Вариант)',
      message: 'Сессияда 7 тапсырма нұсқасы жоқ: оның нұсқалары 1-ден 2-ге дейін',
    });
  });

  it('names both rows of an IIN given twice, and flags IINs already registered', () => {
    const [twice, registered] = [iin(), iin()];
    const result = importPeople(
      'student',
      tableOf(
        ['ФИО', 'ИИН', 'Группа'],
        ['А Б', twice, 'Г'],
        ['В Г', registered, 'Г'],
        ['Д Е', twice, 'Г'],
      ),
      { existingIins: [registered] },
    );
    expect(errorsOf(result)).toEqual([
      {
        row: 3,
        column: { letter: 'B', header: 'ИИН' },
        field: 'iin',
        code: 'already_registered',
        params: {},
      },
      {
        row: 4,
        column: { letter: 'B', header: 'ИИН' },
        field: 'iin',
        code: 'duplicate_in_file',
        params: { firstRow: 2 },
      },
    ]);
    expect(describeImportIssue(errorsOf(result)[1]!, 'kk')).toEqual({
      where: '4-жол, B бағаны (ИИН)',
      message: 'Дәл осындай ЖСН 2-жолда бар',
    });
  });

  it('refuses an IIN whose birth date is after today, when today is given', () => {
    const young = syntheticIin(rng, { from: '2009-06-01', to: '2009-12-31' });
    const table = tableOf(['ФИО', 'ИИН', 'Группа'], ['А Б', young, 'Г']);
    const check = validateIin(young);
    if (!check.ok) throw new Error('a synthetic IIN is always valid');
    const birthDate = check.birthDate.split('-').reverse().join('.');
    expect(errorsOf(importPeople('student', table, { today: '2009-05-31' }))).toEqual([
      {
        row: 2,
        column: { letter: 'B', header: 'ИИН' },
        field: 'iin',
        code: 'birth_date_in_future',
        params: { birthDate },
      },
    ]);
    expect(importPeople('student', table, { today: '2026-01-01' }).ok).toBe(true);
    expect(importPeople('student', table).ok).toBe(true);
  });

  it('refuses more rows than the limit before validating them', () => {
    const rows = Array.from({ length: 4 }, () => ['А Б', 'bad', 'Г']);
    expect(
      errorsOf(importPeople('student', tableOf(['ФИО', 'ИИН', 'Группа'], ...rows), { maxRows: 3 })),
    ).toEqual([
      {
        row: null,
        column: null,
        field: null,
        code: 'too_many_rows',
        params: { count: 4, limit: 3 },
      },
    ]);
  });

  it('stops listing after MAX_REPORTED_ISSUES and says how many more there are', () => {
    const rows = Array.from({ length: MAX_REPORTED_ISSUES + 10 }, () => ['А Б', '1', 'Г']);
    const errors = errorsOf(importPeople('student', tableOf(['ФИО', 'ИИН', 'Группа'], ...rows)));
    expect(errors).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(errors.at(-1)).toEqual({
      row: null,
      column: null,
      field: null,
      code: 'too_many_errors',
      params: { count: 10 },
    });
  });

  it('rejects an unknown role, a guest flag that is not yes or no, and over-long text', () => {
    const expert = importPeople(
      'expert',
      tableOf(['ФИО', 'ИИН', 'Регион', 'Роль'], ['А Б', iin(), 'Астана', 'Судья']),
    );
    const issue = errorsOf(expert)[0]!;
    expect(issue).toMatchObject({
      row: 2,
      column: { letter: 'D' },
      code: 'unknown_role',
      params: { value: 'Судья' },
    });
    expect(describeImportIssue(issue, 'en').message).toBe(
      'Unknown role "Судья"; use one of: Chief expert, Deputy chief expert, Expert, Independent expert, Trainee expert',
    );
    const competitor = importPeople(
      'competitor',
      tableOf(
        ['ФИО', 'ИИН', 'Колледж', 'Регион', 'Гость'],
        ['А Б', iin(), 'К'.repeat(301), 'Астана', 'может быть'],
      ),
    );
    expect(errorsOf(competitor).map((e) => [e.column?.letter, e.code, e.params])).toEqual([
      ['C', 'too_long', { max: 300 }],
      ['E', 'invalid_flag', { value: 'может быть' }],
    ]);
  });
});

describe('describeImportIssue', () => {
  it('says where and what in each language', () => {
    const missing: ImportIssue = {
      row: 1,
      column: null,
      field: 'group',
      code: 'missing_column',
      params: { field: 'group' },
    };
    expect(describeImportIssue(missing, 'ru')).toEqual({
      where: 'Строка 1',
      message: 'Нет обязательного столбца «Группа»',
    });
    expect(describeImportIssue(missing, 'kk')).toEqual({
      where: '1-жол',
      message: '«Топ» міндетті бағаны жоқ',
    });
    const noHeader: ImportIssue = {
      row: null,
      column: null,
      field: null,
      code: 'header_not_found',
      params: { kind: 'student' },
    };
    expect(describeImportIssue(noHeader, 'en')).toEqual({
      where: 'File',
      message:
        'No header row was found; the first rows must name the columns: Full name, IIN, Group',
    });
  });
});
