import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnWidths, fitColumns } from './xlsx-columns';

function protocolLike() {
  const sheet = new ExcelJS.Workbook().addWorksheet('Протокол');
  sheet.addRow([
    'Протокол демонстрационного экзамена по специальности 06130100 «Программное обеспечение»',
  ]);
  sheet.mergeCells('A1:E1');
  const header = sheet.addRow(['№', 'ФИО', 'ИИН', 'Итоговый балл', 'Примечание']);
  header.alignment = { wrapText: true };
  sheet.addRow([1, 'Сәрсенбаева Меруерт Жанатқызы', '061015508404', 56.67, '']);
  sheet.addRow([
    2,
    'Ли Ан',
    '070101600123',
    100,
    'Не явился: болезнь, справка из поликлиники № 4 от 12.06.2026, подтверждена куратором группы',
  ]);
  return sheet;
}

describe('fitColumns', () => {
  it('makes every IIN and name fit whole, from the table rows and not the merged title', () => {
    const sheet = protocolLike();
    fitColumns(sheet, { rows: [[2, 4]] });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual('061015508404'.length + 1);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Сәрсенбаева Меруерт Жанатқызы'.length);
    // The title spans five columns: it does not widen the first one.
    expect(sheet.getColumn(1).width).toBeLessThan(6);
    // A wrapped header needs only its longest word: "Итоговый балл" over a short number.
    expect(sheet.getColumn(4).width).toBeLessThan('Итоговый балл'.length);
  });

  it('wraps a remark longer than the widest column instead of cutting it', () => {
    const sheet = protocolLike();
    fitColumns(sheet, { rows: [[2, 4]], max: 40 });
    expect(sheet.getColumn(5).width).toBe(40);
    expect(sheet.getCell('E4').alignment?.wrapText).toBe(true);
    expect(sheet.getCell('B3').alignment?.wrapText).toBeFalsy();
  });

  it('gives a streamed table the same widths before its rows are written', () => {
    const widths = columnWidths(['ИИН', 'Итоговый балл'], [['061015508404', 56.67]]);
    expect(widths).toEqual(['061015508404'.length + 2, 'Итоговый'.length + 2]);
  });
});
