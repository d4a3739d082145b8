import ExcelJS from 'exceljs';
import {
  formatMarks,
  signedMarks,
  type ChampionshipJudgesReport,
  type JudgeFigures,
  type Language,
} from '@ashyq/shared';
import { documentText, localizedText } from './format';
import { PdfWriter, type TableCell, type TableColumn } from './pdf';
import { fitColumns } from './xlsx-columns';

/**
 * The organiser's report of how every expert judged across a championship, as a workbook and as
 * a PDF in kk, ru or en (docs/judge-analytics.md). One row per expert and competition, then the
 * expert's row over all its competitions; every figure beside the count it rests on.
 */

interface ReportRow {
  expert: string;
  competition: string;
  total: boolean;
  judging: JudgeFigures | null;
  rescores: { asked: number; answered: number; changed: number };
  measurements: { entered: number; corrected: number };
}

const columnKeys = [
  'expert',
  'competition',
  'cells',
  'severity',
  'spread',
  'exact',
  'withinOne',
  'outliers',
  'reading',
  'rescoresAsked',
  'rescoresAnswered',
  'rescoresChanged',
  'measurementsEntered',
  'measurementsCorrected',
] as const;

function reportRows(report: ChampionshipJudgesReport, lang: Language): ReportRow[] {
  const t = (key: string) => documentText(lang, `judgesReport.${key}`);
  const competitionName = new Map(
    report.competitions.map((c) => [c.id, `${c.skillNumber} ${localizedText(c.skillName, lang)}`]),
  );
  return report.experts.flatMap((expert) => [
    ...expert.competitions.map((row) => ({
      expert: expert.name,
      competition: competitionName.get(row.competitionId) ?? row.competitionId,
      total: false,
      judging: row.judging,
      rescores: row.rescores,
      measurements: row.measurements,
    })),
    {
      expert: expert.name,
      competition: t('allCompetitions'),
      total: true,
      judging: expert.judging,
      rescores: expert.rescores,
      measurements: expert.measurements,
    },
  ]);
}

function reading(judging: JudgeFigures | null, lang: Language): string {
  const t = (key: string, params?: Record<string, number>) =>
    documentText(lang, `judgesReport.${key}`, params);
  if (!judging) return t('noCells');
  if (judging.smallSample) return t('smallSample', { n: judging.cells });
  return judging.flag ? t(judging.flag) : t('inLine');
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
const ofN = (n: number, of: number) => `${n} / ${of}`;

/** The title both files carry. */
export function judgesReportTitle(report: ChampionshipJudgesReport, lang: Language): string {
  return documentText(lang, 'judgesReport.title', {
    championship: localizedText(report.championshipName, lang),
  });
}

/** The workbook: one sheet, numbers as numbers (severity signed, shares as per cent). */
export async function judgesReportWorkbook(
  report: ChampionshipJudgesReport,
  lang: Language,
): Promise<Buffer> {
  const t = (key: string) => documentText(lang, `judgesReport.${key}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ashyq';
  const sheet = workbook.addWorksheet(t('sheet'));
  sheet.addRow([judgesReportTitle(report, lang)]).font = { bold: true, size: 13 };
  sheet.addRow([t('staffOnly')]);
  const headerRow = sheet.addRow(columnKeys.map((key) => t(key)));
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'top' };
  const first = headerRow.number;
  for (const row of reportRows(report, lang)) {
    const j = row.judging;
    const added = sheet.addRow([
      row.expert,
      row.competition,
      j?.cells ?? 0,
      j ? j.severity.mean : null,
      j ? j.severity.spread : null,
      j ? j.exact : null,
      j ? j.withinOne : null,
      j ? j.outlier : null,
      reading(j, lang),
      row.rescores.asked,
      row.rescores.answered,
      row.rescores.changed,
      row.measurements.entered,
      row.measurements.corrected,
    ]);
    if (row.total) added.font = { bold: true };
    added.getCell(4).numFmt = '+0.00;-0.00;0.00';
    added.getCell(5).numFmt = '0.00';
    added.getCell(6).numFmt = '0%';
    added.getCell(7).numFmt = '0%';
  }
  if (report.experts.length === 0) sheet.addRow([t('none')]);
  fitColumns(sheet, { rows: [[first, sheet.rowCount]] });
  sheet.views = [{ state: 'frozen', ySplit: first }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The PDF: a landscape table, each expert's own total row in bold. */
export function renderJudgesReport(report: ChampionshipJudgesReport, lang: Language): PdfWriter {
  const title = judgesReportTitle(report, lang);
  const pdf = new PdfWriter({ language: lang, title, landscape: true });
  pdf.titleBlock({ title });
  pdf.paragraph(pdf.t('judgesReport.staffOnly'), { size: 8 });
  if (report.experts.length === 0) {
    pdf.paragraph(pdf.t('judgesReport.none'));
    return pdf;
  }
  // Fewer, fuller columns than the workbook: fourteen would not fit a landscape page's width.
  const column = (key: string, width: number, align: TableColumn['align'] = 'right') => ({
    header: pdf.t(`judgesReport.${key}`),
    width,
    align,
  });
  const columns: TableColumn[] = [
    column('expert', 3, 'left'),
    column('competition', 3, 'left'),
    column('cells', 1),
    column('pdfSeverity', 1.5),
    column('exact', 1),
    column('withinOne', 1),
    column('outliers', 1),
    column('reading', 2.5, 'left'),
    column('pdfRescores', 1.5),
    column('pdfMeasurements', 1.5),
  ];
  const rows = reportRows(report, lang);
  const cells: TableCell[][] = rows.map((row) => {
    const j = row.judging;
    const { asked, answered, changed } = row.rescores;
    return [
      row.expert,
      row.competition,
      String(j?.cells ?? 0),
      j ? `${signedMarks(j.severity.mean, lang)} (${formatMarks(j.severity.spread, lang)})` : '',
      j ? percent(j.exact) : '',
      j ? percent(j.withinOne) : '',
      j ? String(j.outlier) : '',
      reading(j, lang),
      `${asked}, ${answered}, ${changed}`,
      ofN(row.measurements.corrected, row.measurements.entered),
    ];
  });
  pdf.table(columns, cells, { fontSize: 7.5, emphasise: (index) => rows[index]!.total });
  return pdf;
}
