import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { nobdCsv, type NobdTable } from '@ashyq/shared';
import { nobdWorkbook } from './spreadsheets';

describe('the NOBD workbook', () => {
  it('keeps a name that looks like a formula as text, as the CSV does', async () => {
    const names = ['=HYPERLINK("http://evil.example";"Ашу")', "=cmd|' /C calc'!A0", '@SUM(1+1)'];
    const table: NobdTable = {
      headers: ['№', 'ФИО', 'Балл'],
      rows: names.map((name, index) => [index + 1, name, '-1,00']),
      numberColumns: [0, 2],
    };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await nobdWorkbook(table, 'NOBD')).buffer);
    const sheet = workbook.worksheets[0]!;
    const cells = names.map((_, index) => sheet.getRow(index + 2).getCell(2));
    expect(cells.map((cell) => [cell.type, cell.value])).toEqual(
      names.map((name) => [ExcelJS.ValueType.String, name]),
    );
    expect(sheet.getRow(2).getCell(3).value).toBe('-1,00');
    // The CSV of the same table says the same, behind the apostrophe a spreadsheet reads as text.
    expect(nobdCsv(table).split('\r\n')[1]).toBe(
      '1;"\'=HYPERLINK(""http://evil.example"";""Ашу"")";-1,00',
    );
  });
});
