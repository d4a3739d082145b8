import ExcelJS from 'exceljs';
import { documentText } from '../../documents/format';
import type { GroupDocument } from './data';
import {
  bilingual,
  examText,
  outcomeOf,
  remarksOf,
  roleOf,
  sessionFields,
  traditionalOf,
  type DocumentLanguage,
} from './text';

/**
 * The protocol and the statement as workbooks: the same content as the PDFs, numbers as numbers
 * (so the college can sum and sort), the verification code in the header block.
 */

function headerBlock(
  sheet: ExcelJS.Worksheet,
  data: GroupDocument,
  lang: DocumentLanguage,
  titleKey: string,
  code: string | undefined,
): void {
  sheet.addRow([`${data.header.college.name.kk} / ${data.header.college.name.ru}`]);
  sheet.addRow([`${examText(lang, 'bin')}: ${data.header.college.bin}`]);
  sheet.addRow([bilingual(lang, titleKey)]).font = { bold: true, size: 13 };
  sheet.addRow([
    examText(lang, 'protocolOfExam', { number: data.header.number }),
    data.header.date,
  ]);
  for (const [label, value] of sessionFields(data.header, lang, data.group)) {
    sheet.addRow([label, value]);
  }
  if (code) sheet.addRow([documentText(lang, 'footer.code', { code })]);
  sheet.addRow([]);
}

function tableHeader(sheet: ExcelJS.Worksheet, headers: string[]): void {
  const row = sheet.addRow(headers);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'top' };
}

export async function protocolWorkbook(
  data: GroupDocument,
  lang: DocumentLanguage,
  code?: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(examText(lang, 'protocol').slice(0, 31));
  headerBlock(sheet, data, lang, 'protocol', code);
  tableHeader(sheet, [
    examText(lang, 'commission'),
    examText(lang, 'fullName'),
    examText(lang, 'remarks'),
  ]);
  for (const member of data.commission) {
    sheet.addRow([
      roleOf(member.role, lang),
      member.name,
      [member.employer, member.certificate].filter(Boolean).join(', '),
    ]);
  }
  sheet.addRow([]);
  const criteria = data.header.criteria;
  tableHeader(sheet, [
    examText(lang, 'rowNumber'),
    examText(lang, 'fullName'),
    examText(lang, 'iin'),
    examText(lang, 'group'),
    examText(lang, 'variant'),
    ...criteria.map((criterion) => `${criterion.id} (${criterion.max})`),
    `${examText(lang, 'total')} (${data.header.maxPoints})`,
    examText(lang, 'percent'),
    examText(lang, 'letter'),
    examText(lang, 'gpa'),
    examText(lang, 'traditional'),
    examText(lang, 'outcome'),
    examText(lang, 'remarks'),
  ]);
  for (const row of data.rows) {
    const sat = row.total !== null;
    const added = sheet.addRow([
      row.n,
      row.name,
      row.iin,
      row.group,
      row.variant,
      ...criteria.map((criterion) => (sat ? (row.criteria[criterion.id] ?? 0) : null)),
      row.total,
      row.percent,
      row.letter,
      row.gpa,
      traditionalOf(row, lang),
      outcomeOf(row, lang),
      remarksOf(row, lang),
    ]);
    // An IIN is a code: as text it keeps a leading zero and never turns into 1.2E+11.
    added.getCell(3).numFmt = '@';
  }
  sheet.addRow([]);
  const { summary } = data;
  for (const [key, value] of [
    ['admitted', summary.admitted],
    ['sat', summary.sat],
    ['passed', summary.passed],
    ['failed', summary.failed],
    ['absent', summary.absent],
    ['removed', summary.removed],
    ['average', summary.averagePoints],
  ] as const) {
    sheet.addRow([examText(lang, key), value]);
  }
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 36;
  sheet.getColumn(3).width = 16;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function statementWorkbook(
  data: GroupDocument,
  lang: DocumentLanguage,
  code?: string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(examText(lang, 'statement').slice(0, 31));
  headerBlock(sheet, data, lang, 'statement', code);
  const criteria = data.header.criteria;
  tableHeader(sheet, [
    examText(lang, 'rowNumber'),
    examText(lang, 'fullName'),
    ...criteria.map((criterion) => `${criterion.id}. ${criterion.name} (${criterion.max})`),
    `${examText(lang, 'total')} (${data.header.maxPoints})`,
    examText(lang, 'percent'),
    examText(lang, 'letter'),
    examText(lang, 'traditional'),
  ]);
  for (const row of data.rows) {
    const sat = row.total !== null;
    sheet.addRow([
      row.n,
      row.name,
      ...criteria.map((criterion) => (sat ? (row.criteria[criterion.id] ?? 0) : null)),
      row.total,
      row.percent,
      row.letter,
      traditionalOf(row, lang),
    ]);
  }
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 36;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
