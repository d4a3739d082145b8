import { roundHalfUp } from '@ashyq/shared';
import { formatMark } from '../../documents/format';
import { PdfWriter, type TableCell } from '../../documents/pdf';
import type { ResultSheet } from './data';
import type { Verified } from './protocol';
import {
  examText,
  openDocument,
  outcomeOf,
  points,
  remarksOf,
  roleOf,
  sessionFields,
  traditionalOf,
  type DocumentLanguage,
} from './text';

/**
 * A student's individual result sheet: per aspect its type, max, each judge's score (judgement)
 * or the measured result, and the mark; the criteria and the total with the grade; signatures of
 * the chief expert and the chair. A4 portrait, one student per document.
 */
export function renderResultSheet(
  sheet: ResultSheet,
  lang: DocumentLanguage,
  verification?: Verified,
): PdfWriter {
  const pdf = new PdfWriter({
    language: lang,
    title: `${examText(lang, 'resultSheet')}: ${sheet.row.name}`,
    ...(verification ? { verification } : { draft: true }),
  });
  drawResultSheet(pdf, sheet, lang);
  return pdf;
}

/**
 * The sheets of a whole group in one document, each from a new page: what the exam office prints
 * for a group, and far cheaper than a file per student (the fonts are embedded once).
 */
export function renderResultSheets(
  sheets: readonly ResultSheet[],
  lang: DocumentLanguage,
  title: string,
  verification?: Verified,
): PdfWriter {
  const pdf = new PdfWriter({
    language: lang,
    title,
    ...(verification ? { verification } : { draft: true }),
  });
  sheets.forEach((sheet, index) => {
    if (index > 0) pdf.doc.addPage();
    drawResultSheet(pdf, sheet, lang);
  });
  return pdf;
}

function drawResultSheet(pdf: PdfWriter, sheet: ResultSheet, lang: DocumentLanguage): void {
  const { header, row } = sheet;
  openDocument(pdf, header, lang, 'resultSheet');
  pdf.fields(
    [
      [examText(lang, 'student'), row.name],
      [examText(lang, 'iin'), row.iin],
      [examText(lang, 'group'), row.group],
      [examText(lang, 'variant'), row.variant || '—'],
      ...sessionFields(header, lang, null).slice(0, 8),
    ],
    0.28,
  );
  pdf.space(4);
  pdf.table(
    [
      { header: examText(lang, 'aspect'), width: 2 },
      { header: examText(lang, 'aspectType'), width: 1.2, align: 'center' },
      { header: examText(lang, 'task'), width: 9 },
      { header: examText(lang, 'max'), width: 1.6, align: 'right' },
      { header: examText(lang, 'judges'), width: 2.6, align: 'center' },
      { header: examText(lang, 'mark'), width: 1.8, align: 'right' },
    ],
    sheet.aspects.map((aspect): TableCell[] => [
      aspect.code,
      examText(lang, aspect.type === 'J' ? 'judgement' : 'measurement'),
      aspect.description,
      formatMark(aspect.max, lang),
      aspect.scores ? aspect.scores.join('  ') : (aspect.measured ?? '—'),
      aspect.mark === null ? '—' : formatMark(roundHalfUp(aspect.mark, 2), lang),
    ]),
    { fontSize: 8 },
  );
  const sat = row.total !== null;
  pdf.table(
    [
      { header: examText(lang, 'criterion'), width: 10 },
      { header: examText(lang, 'max'), width: 2, align: 'right' },
      { header: examText(lang, 'mark'), width: 2, align: 'right' },
    ],
    [
      ...header.criteria.map((criterion): TableCell[] => [
        `${criterion.id}. ${criterion.name}`,
        formatMark(criterion.max, lang),
        sat ? points(row.criteria[criterion.id] ?? 0, lang) : '—',
      ]),
      [
        { text: examText(lang, 'total'), bold: true },
        formatMark(header.maxPoints, lang),
        { text: points(row.total, lang), bold: true },
      ],
    ],
    { fontSize: 9, emphasise: (index) => index === header.criteria.length },
  );
  pdf.fields([
    [examText(lang, 'percent'), points(row.percent, lang)],
    [examText(lang, 'letter'), row.letter ?? '—'],
    [examText(lang, 'gpa'), points(row.gpa, lang)],
    [examText(lang, 'traditional'), traditionalOf(row, lang)],
    [examText(lang, 'outcome'), outcomeOf(row, lang)],
    ...(row.complete && sat
      ? []
      : [[examText(lang, 'remarks'), remarksOf(row, lang)] as [string, string]]),
  ]);
  pdf.space(4);
  pdf.ensureSpace(70);
  pdf.paragraph(examText(lang, 'signatures'), { style: 'bold' });
  pdf.signatures(
    sheet.commission
      .filter((member) => member.role === 'chief' || member.role === 'chair')
      .map((member) => ({ role: roleOf(member.role, lang), name: member.name })),
  );
}
