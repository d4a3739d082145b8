import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnWidths, fitColumns } from '../documents/xlsx-columns';
import {
  getRegion,
  namespaces,
  translate,
  type AnnualReport,
  type Figures,
  type Language,
  type NobdTable,
} from '@ashyq/shared';

/**
 * XLSX files of demo exams: the NOBD export (the same table as the CSV, every cell as text so
 * codes, IINs and dates keep their leading zeros and format) and the annual report.
 */

function headerRow(sheet: ExcelJS.Worksheet, headers: readonly string[]): void {
  const row = sheet.addRow([...headers]);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'top' };
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
}

/**
 * Written with exceljs's streaming writer: a 10,000-row export builds no cell objects it keeps,
 * about twice as fast as the in-memory workbook. Cells that are text stay text (IINs, codes,
 * dates as the template formats them), so no leading zero is lost.
 */
export async function nobdWorkbook(table: NobdTable, sheetName: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // A streamed sheet takes its widths before its rows, so they come from the table itself.
  sheet.columns = columnWidths(table.headers, table.rows).map((width) => ({ width }));
  const header = sheet.addRow(table.headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.commit();
  for (const row of table.rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

const t = (lang: Language, key: string) => translate(namespaces.exam[lang], `report.${key}`);

function figuresCells(figures: Figures): (string | number | null)[] {
  return [figures.examsHeld, figures.studentsExamined, figures.passed, figures.passRate];
}

/** The annual report workbook: totals and the college share, then one sheet per breakdown. */
export async function reportWorkbook(report: AnnualReport, lang: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const figureHeaders = ['examsHeld', 'studentsExamined', 'passed', 'passRate'].map((key) =>
    t(lang, `column.${key}`),
  );

  const summary = workbook.addWorksheet(t(lang, 'sheet.summary'));
  summary.addRow([t(lang, 'title'), report.academicYear]).font = { bold: true };
  summary.addRow([t(lang, 'column.deadline'), report.deadline]);
  summary.addRow([t(lang, 'column.state'), t(lang, `state.${report.state}`)]);
  summary.addRow([]);
  headerRow(summary, figureHeaders);
  summary.addRow(figuresCells(report.totals));
  summary.addRow([]);
  const share = report.collegeShare;
  summary.addRow([t(lang, 'column.collegesRan'), share.ran]);
  summary.addRow([t(lang, 'column.collegesTotal'), share.total]);
  summary.addRow([t(lang, 'column.sharePercent'), share.percent]);
  summary.addRow([t(lang, 'column.shareTarget'), share.target]);
  if (share.meetsTarget !== null) {
    summary.addRow([
      t(lang, 'column.meetsTarget'),
      t(lang, `column.${share.meetsTarget ? 'yes' : 'no'}`),
    ]);
  }
  fitColumns(summary);

  const regions = workbook.addWorksheet(t(lang, 'sheet.regions'));
  headerRow(regions, [t(lang, 'column.region'), ...figureHeaders]);
  for (const region of report.byRegion) {
    regions.addRow([
      getRegion(region.regionId)?.name[lang] ?? region.regionId,
      ...figuresCells(region),
    ]);
  }

  const colleges = workbook.addWorksheet(t(lang, 'sheet.colleges'));
  headerRow(colleges, [
    t(lang, 'column.college'),
    t(lang, 'column.region'),
    ...figureHeaders,
    t(lang, 'column.incomplete'),
  ]);
  for (const college of report.byCollege) {
    colleges.addRow([
      college.name?.[lang] ?? college.collegeId,
      getRegion(college.regionId)?.name[lang] ?? college.regionId,
      ...figuresCells(college),
      college.incompleteExams,
    ]);
  }

  const specialties = workbook.addWorksheet(t(lang, 'sheet.specialties'));
  headerRow(specialties, [
    t(lang, 'column.specialty'),
    t(lang, 'column.qualification'),
    ...figureHeaders,
  ]);
  const nameLang = lang === 'en' ? 'ru' : lang;
  for (const entry of report.bySpecialty) {
    specialties.addRow([
      `${entry.specialty.code} ${entry.specialty.name[nameLang]}`,
      `${entry.qualification.code} ${entry.qualification.name[nameLang]}`,
      ...figuresCells(entry),
    ]);
  }
  // How the grades fell, in all of the scope and per region: one row per scale and grade.
  const grades = workbook.addWorksheet(t(lang, 'sheet.grades'));
  headerRow(grades, [
    t(lang, 'column.scope'),
    t(lang, 'column.scale'),
    t(lang, 'column.grade'),
    t(lang, 'column.students'),
  ]);
  const scopes: [string, Figures][] = [
    [t(lang, 'column.total'), report.totals],
    ...report.byRegion.map((region): [string, Figures] => [
      getRegion(region.regionId)?.name[lang] ?? region.regionId,
      region,
    ]),
  ];
  for (const [scope, figures] of scopes) {
    for (const [scale, counts] of Object.entries(figures.grades)) {
      for (const [grade, count] of Object.entries(counts))
        grades.addRow([scope, scale, grade, count]);
    }
  }

  for (const sheet of [regions, colleges, specialties, grades]) fitColumns(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
