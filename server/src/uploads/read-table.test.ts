import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  describeImportIssue,
  importPeople,
  seededRng,
  syntheticIin,
  writeCsv,
} from '@ashyq/shared';
import { buildZip } from '../../../test/fixtures/zip';
import { importPeopleFile } from './import-people';
import { readTable, type ReadTableResult } from './read-table';

const rng = seededRng(2025);
const iin = () => syntheticIin(rng, { from: '1995-01-01', to: '1999-12-31' });
/** Born in 2000-2009, so the IIN starts with zeros that Excel drops from a number cell. */
const zeroIin = () => syntheticIin(rng, { from: '2000-01-01', to: '2000-09-30' });

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function tableOf(result: ReadTableResult) {
  if (!result.ok) throw new Error(`unexpected errors ${JSON.stringify(result.errors)}`);
  return result;
}

/**
 * A demo-exam student list as colleges keep it: an instructions sheet first, a merged title, a
 * two-level header ("ФИО" over its three parts, the other headers merged down), the group typed
 * once in a cell merged down the rows, and formatted but empty rows below the data.
 */
async function studentWorkbook(students: { iin: string | number; name: string[] }[]) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Инструкция').getCell('A1').value = 'Заполните лист «Студенты»';
  const sheet = workbook.addWorksheet('Студенты');
  sheet.mergeCells('A1:F1');
  sheet.getCell('A1').value = 'Список студентов на демонстрационный экзамен';
  sheet.getRow(2).values = ['№', 'ФИО', null, null, 'ИИН', 'Группа'];
  sheet.getRow(3).values = [null, 'Фамилия', 'Имя', 'Отчество'];
  for (const column of ['A', 'E', 'F']) sheet.mergeCells(`${column}2:${column}3`);
  sheet.mergeCells('B2:D2');
  students.forEach((student, i) => {
    sheet.getRow(4 + i).values = [i + 1, ...student.name, student.iin];
  });
  sheet.mergeCells(`F4:F${3 + students.length}`);
  sheet.getCell('F4').value = { formula: '"ПО-"&"21"', result: 'ПО-21' };
  sheet.getCell('B4').value = {
    richText: [{ text: 'Ахме' }, { text: 'тов', font: { bold: true } }],
  };
  for (let row = 4 + students.length; row < 30; row++) sheet.getRow(row).font = { name: 'Arial' };
  sheet.getCell('C25').value = '';
  return bytesOf(workbook);
}

describe('readTable: XLSX', () => {
  it('reads a list with a merged title, a two-level header, merged cells and an IIN typed as a number', async () => {
    const [numberIin, textIin] = [zeroIin(), iin()];
    const data = await studentWorkbook([
      { name: ['', 'Нұрлан', 'Серікұлы'], iin: Number(numberIin) },
      { name: ['Иванова', 'Анна', ''], iin: textIin },
    ]);
    const read = tableOf(await readTable(data, { kind: 'student' }));
    expect(read.type).toBe('xlsx');
    expect(read.sheet).toBe('Студенты');
    expect(read.table.rows[3]).toEqual({
      number: 4,
      cells: [1, 'Ахметов', 'Нұрлан', 'Серікұлы', Number(numberIin), 'ПО-21'],
    });

    const result = importPeople('student', read.table);
    expect(result).toEqual({
      ok: true,
      people: [
        {
          row: 4,
          name: { last: 'Ахметов', first: 'Нұрлан', middle: 'Серікұлы' },
          iin: numberIin,
          group: 'ПО-21',
        },
        { row: 5, name: { last: 'Иванова', first: 'Анна' }, iin: textIin, group: 'ПО-21' },
      ],
      warnings: [
        {
          row: 4,
          column: { letter: 'E', header: 'ИИН' },
          field: 'iin',
          code: 'iin_zeros_restored',
          params: { iin: numberIin },
        },
      ],
    });
  });

  it('locates a bad IIN and a duplicate by Excel row and column, and imports nobody', async () => {
    const repeated = iin();
    const valid = iin();
    const wrong = valid.slice(0, 11) + ((Number(valid[11]) + 1) % 10);
    const data = await studentWorkbook([
      { name: ['', 'Нұрлан', ''], iin: repeated },
      { name: ['Иванова', 'Анна', ''], iin: wrong },
      { name: ['Петров', 'Иван', ''], iin: repeated },
    ]);
    const result = await importPeopleFile('student', data, { existingIins: [] });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.row, e.column?.letter, e.code, e.params])).toEqual([
      [5, 'E', 'invalid_iin', { reason: 'check_digit', expected: Number(valid[11]) }],
      [6, 'E', 'duplicate_in_file', { firstRow: 4 }],
    ]);
    expect(describeImportIssue(errors.at(-1)!, 'ru')).toEqual({
      where: 'Строка 6, столбец E (ИИН)',
      message: 'Такой же ИИН уже есть в строке 4',
    });
  });

  it('prefers the worksheet named for the list being imported', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Участники').addRow(['ФИО', 'ИИН', 'Колледж', 'Регион']);
    workbook.addWorksheet('Эксперты').addRow(['ФИО', 'ИИН', 'Регион', 'Роль']);
    const data = await bytesOf(workbook);
    expect(tableOf(await readTable(data, { kind: 'expert' })).sheet).toBe('Эксперты');
    expect(tableOf(await readTable(data, { kind: 'competitor' })).sheet).toBe('Участники');
    expect(tableOf(await readTable(data)).sheet).toBe('Участники');
  });

  it('refuses a workbook without data, a damaged one and one that unpacks too large', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Лист1');
    const damaged = buildZip([
      { name: '[Content_Types].xml', data: '<Types' },
      { name: 'xl/workbook.xml', data: 'not xml at all' },
    ]);
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024 * 1024), declaredSize: 1000 },
    ]);
    const codes = async (data: Uint8Array) => {
      const result = await readTable(data);
      return result.ok ? [] : result.errors.map((e) => e.code);
    };
    expect(await codes(await bytesOf(empty))).toEqual(['no_worksheet']);
    expect(await codes(damaged)).toEqual(['file_unreadable']);
    expect(await codes(bomb)).toEqual(['file_unpacks_too_large']);
  });
});

describe('readTable: CSV and other files', () => {
  it('reads CSV with a BOM into rows numbered by line', async () => {
    const a = iin();
    const text = writeCsv([['ФИО', 'ИИН', 'Группа'], [], ['Ахметов Нұрлан', a, 'ПО-21']], {
      bom: true,
    });
    const read = tableOf(await readTable(Buffer.from(text)));
    expect(read.type).toBe('csv');
    expect(read.table.rows).toEqual([
      { number: 1, cells: ['ФИО', 'ИИН', 'Группа'] },
      { number: 3, cells: ['Ахметов Нұрлан', a, 'ПО-21'] },
    ]);
  });

  it('locates a CSV syntax error by line', async () => {
    const result = await readTable(Buffer.from('ФИО;ИИН\nА Б;1\nВ Г;"2\n'));
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, column: null, field: null, code: 'csv_unterminated_quote', params: { cell: 2 } },
      ],
    });
  });

  it('refuses PNG bytes even when the caller would call them a CSV', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    const result = await importPeopleFile('competitor', png);
    expect(result).toEqual({
      ok: false,
      errors: [{ row: null, column: null, field: null, code: 'file_type_unsupported', params: {} }],
      warnings: [],
    });
  });
});
