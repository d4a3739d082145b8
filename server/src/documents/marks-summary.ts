import { roundHalfUp, type Language, type Localized } from '@ashyq/shared';
import type { JsonObject } from '../events/canonical-json';
import { documentText, formatDateTime, formatMark, localizedText } from './format';
import type { MarksSummaryView, SummaryRow } from './marks-summary-data';
import { PdfWriter, type TableCell, type TableColumn } from './pdf';

export const marksSummaryKind = 'marks-summary';

export function marksSummaryTitle(language: Language, subCriterion: string): string {
  return documentText(language, 'marksSummary.title', { code: subCriterion });
}

/** What the public verification page shows: names and totals, nothing personal beyond names. */
export function marksSummarySummary(view: MarksSummaryView, language: Language): JsonObject {
  const localized = (text: Localized) => localizedText(text, language);
  return {
    championship: localized(view.championship),
    skill: `${view.skill.number} ${localized(view.skill.name)}`,
    subCriterion: `${view.subCriterion.id} ${view.subCriterion.name}`,
    lockedAt: view.lock?.at ?? null,
    competitors: view.competitors.map((row) => ({
      name: row.name,
      status: row.status,
      total: row.total,
    })),
  };
}

export interface MarksSummaryPrint {
  view: MarksSummaryView;
  language: Language;
  /** Absent for an unlocked sub-criterion: a draft is a working copy, not an issued document. */
  verification?: { code: string; url: string };
}

/**
 * The marks summary sheet: landscape, so a sub-criterion's aspects fit side by side; one row per
 * competitor with each aspect's mark (judgement: every judge's score, then the mark) and the
 * sub-criterion total; the aspects' legend; then a signature line per panel expert and the chief.
 */
export function renderMarksSummary({ view, language, verification }: MarksSummaryPrint) {
  const title = marksSummaryTitle(language, view.subCriterion.id);
  const pdf = new PdfWriter({
    language,
    title,
    landscape: true,
    draft: view.lock === null,
    ...(verification ? { verification } : {}),
  });
  const text = (value: Localized) => localizedText(value, language);
  const mark = (value: number) => formatMark(roundHalfUp(value, 2), language);

  pdf.titleBlock({ lines: [text(view.championship)], title });
  pdf.fields([
    [pdf.t('marksSummary.competition'), `${view.skill.number} ${text(view.skill.name)}`],
    [pdf.t('marksSummary.subCriterion'), `${view.subCriterion.id} ${view.subCriterion.name}`],
    [pdf.t('marksSummary.day'), pdf.t('marksSummary.dayValue', { day: view.subCriterion.day })],
    [
      pdf.t('marksSummary.locked'),
      view.lock
        ? pdf.t('marksSummary.lockedBy', { at: formatDateTime(view.lock.at), name: view.lock.by })
        : pdf.t('marksSummary.notLocked'),
    ],
  ]);

  const aspectCount = view.aspects.length;
  // A wide sub-criterion heads its columns M10, J3 (the title names the sub-criterion), so a
  // code never breaks across lines; the legend below gives the full codes.
  const narrow = aspectCount > 10;
  const heading = (code: string) => (narrow ? code.slice(code.indexOf('.') + 1) : code);
  const columns: TableColumn[] = [
    { header: pdf.t('marksSummary.number'), width: 2.2, align: 'right' },
    { header: pdf.t('marksSummary.competitor'), width: narrow ? 16 : 12 },
    ...view.aspects.map((aspect) => ({
      header: `${heading(aspect.code)}\n${pdf.t('marksSummary.max', { max: mark(aspect.maxMark) })}`,
      width: 4,
      align: 'center' as const,
    })),
    { header: pdf.t('marksSummary.total'), width: 4.5, align: 'right' },
  ];
  const maxTotal = view.aspects.reduce((sum, aspect) => sum + aspect.maxMark, 0);
  columns[columns.length - 1]!.header += `\n${pdf.t('marksSummary.max', { max: mark(maxTotal) })}`;

  const rows = view.competitors.map((row, i): TableCell[] => [
    String(i + 1),
    row.status === 'active' ? row.name : `${row.name} — ${pdf.t(`marksSummary.${row.status}`)}`,
    ...aspectCells(row, mark, pdf),
    {
      text: row.status === 'active' ? mark(row.total) : pdf.t('marksSummary.unmarked'),
      bold: true,
    },
  ]);
  pdf.table(columns, rows, { fontSize: aspectCount > 12 ? 7 : 8 });
  pdf.paragraph(pdf.t('marksSummary.scoresNote'), { size: 8 });
  pdf.space(6);
  judgeScoresTable(view, pdf, mark);

  pdf.paragraph(pdf.t('marksSummary.aspects'), { style: 'bold' });
  pdf.space(2);
  pdf.table(
    [
      { header: pdf.t('marksSummary.aspectCode'), width: 2 },
      { header: pdf.t('marksSummary.aspectType'), width: 1.3, align: 'center' },
      { header: pdf.t('marksSummary.aspectMax'), width: 1.7, align: 'right' },
      { header: pdf.t('marksSummary.aspectDescription'), width: 20 },
    ],
    view.aspects.map((aspect) => [
      aspect.code,
      pdf.t(aspect.type === 'J' ? 'marksSummary.judgement' : 'marksSummary.measurement'),
      mark(aspect.maxMark),
      aspect.description,
    ]),
    { fontSize: 8 },
  );

  pdf.ensureSpace(60);
  pdf.paragraph(pdf.t('marksSummary.signatures'), { style: 'bold' });
  pdf.signatures(
    view.signatories.map((signatory) => ({
      // Every role by its own name: an independent expert is not printed as a plain expert.
      role: pdf.t(`marksSummary.${signatory.role}`),
      name: signatory.name,
      ...(signatory.signedOffAt
        ? { signedAt: signatory.signedOffAt, signedAtText: formatDateTime(signatory.signedOffAt) }
        : {}),
    })),
  );
  return pdf;
}

function aspectCells(row: SummaryRow, mark: (value: number) => string, pdf: PdfWriter): string[] {
  return row.aspects.map((aspect) =>
    row.status !== 'active' || aspect.mark === null
      ? pdf.t('marksSummary.unmarked')
      : mark(aspect.mark),
  );
}

/**
 * Each judgement aspect's scores under the name of the judge who gave them, one row per
 * competitor and aspect, so that the sheet a judge signs shows that judge's own scores: a team of
 * four where one judge sat out a compatriot shows that judge's dash, not three unattributed numbers.
 */
function judgeScoresTable(view: MarksSummaryView, pdf: PdfWriter, mark: (value: number) => string) {
  const rows: TableCell[][] = [];
  view.competitors.forEach((row, i) => {
    for (const aspect of row.aspects) {
      if (!aspect.scores || row.status !== 'active' || aspect.mark === null) continue;
      const byJudge = new Map(aspect.scores.map(({ expert, score }) => [expert, score]));
      rows.push([
        String(i + 1),
        row.name,
        aspect.code,
        ...view.judges.map(({ expertId }) =>
          String(byJudge.get(expertId) ?? pdf.t('marksSummary.unmarked')),
        ),
        { text: mark(aspect.mark), bold: true },
      ]);
    }
  });
  if (rows.length === 0) return;
  pdf.paragraph(pdf.t('marksSummary.judgeScores'), { style: 'bold' });
  pdf.space(2);
  pdf.table(
    [
      { header: pdf.t('marksSummary.number'), width: 2.2, align: 'right' },
      { header: pdf.t('marksSummary.competitor'), width: 14 },
      { header: pdf.t('marksSummary.aspect'), width: 3 },
      ...view.judges.map((judge) => ({
        header: judge.shortName,
        width: 3,
        align: 'center' as const,
      })),
      { header: pdf.t('marksSummary.mark'), width: 3, align: 'right' },
    ],
    rows,
    { fontSize: 8 },
  );
  pdf.paragraph(pdf.t('marksSummary.judgeScoresNote'), { size: 8 });
  pdf.space(6);
}
