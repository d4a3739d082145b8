import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { documentText, formatDate } from '../../documents/format';
import { fitColumns } from '../../documents/xlsx-columns';
import type { GroupDocument } from './data';
import { signatories, type Verified } from './protocol';
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
 * (so the college can sum and sort), the verification code, link and QR code in the header block.
 */

/** Pixels of the QR image, placed from column H: clear of the header's long title lines. */
const qrSize = 132;

async function headerBlock(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  data: GroupDocument,
  lang: DocumentLanguage,
  titleKey: string,
  verified: Verified | undefined,
): Promise<void> {
  sheet.addRow([`${data.header.college.name.kk} / ${data.header.college.name.ru}`]);
  sheet.addRow([`${examText(lang, 'bin')}: ${data.header.college.bin}`]);
  sheet.addRow([bilingual(lang, titleKey)]).font = { bold: true, size: 13 };
  sheet.addRow([
    examText(lang, 'protocolOfExam', { number: data.header.number }),
    formatDate(`${data.header.date}T12:00:00+05:00`),
  ]);
  for (const [label, value] of sessionFields(data.header, lang, data.group)) {
    sheet.addRow([label, value]);
  }
  if (!verified) {
    // A draft: some result is not final (exam-documents in docs/demo-exams.md), so no code.
    const row = sheet.addRow([`${documentText(lang, 'draft')}: ${examText(lang, 'draftNote')}`]);
    row.font = { bold: true, color: { argb: 'FFC00000' } };
  }
  if (verified) {
    sheet.addRow([documentText(lang, 'footer.code', { code: verified.code })]);
    sheet.addRow([documentText(lang, 'footer.check', { url: verified.url })]);
    sheet.addRow([{ text: verified.url, hyperlink: verified.url }]).font = {
      color: { argb: 'FF1F4E99' },
      underline: true,
    };
    const png = await QRCode.toBuffer(verified.url, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 4,
      width: qrSize,
    });
    const image = workbook.addImage({ base64: png.toString('base64'), extension: 'png' });
    sheet.addImage(image, { tl: { col: 7.2, row: 0.2 }, ext: { width: qrSize, height: qrSize } });
  }
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
  verified?: Verified,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(examText(lang, 'protocol').slice(0, 31));
  await headerBlock(workbook, sheet, data, lang, 'protocol', verified);
  const tablesFrom = sheet.rowCount + 1;
  sheet.addRow([examText(lang, 'commission')]).font = { bold: true };
  tableHeader(sheet, [
    examText(lang, 'roleColumn'),
    examText(lang, 'fullName'),
    examText(lang, 'employerCertificate'),
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
  sheet.addRow([
    examText(lang, 'byGrade'),
    summary.byGrade.map((grade) => `${grade.label}: ${grade.count}`).join(', '),
  ]);
  // Signed on paper, as the PDF: a line per member to sign against.
  sheet.addRow([]);
  sheet.addRow([examText(lang, 'signatures')]).font = { bold: true };
  for (const line of signatories(data.commission, lang)) {
    sheet.addRow([line.role, line.name, '____________________']);
  }
  fitColumns(sheet, { rows: [[tablesFrom, sheet.rowCount]] });
  sheet.addRow([examText(lang, 'appeals')]).font = { italic: true, size: 9 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function statementWorkbook(
  data: GroupDocument,
  lang: DocumentLanguage,
  verified?: Verified,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(examText(lang, 'statement').slice(0, 31));
  await headerBlock(workbook, sheet, data, lang, 'statement', verified);
  const tableFrom = sheet.rowCount + 1;
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
  sheet.addRow([]);
  const { summary } = data;
  sheet.addRow([examText(lang, 'average'), summary.averagePoints]);
  sheet.addRow([
    examText(lang, 'byGrade'),
    summary.byGrade.map((grade) => `${grade.label}: ${grade.count}`).join(', '),
  ]);
  fitColumns(sheet, { rows: [[tableFrom, sheet.rowCount]] });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
