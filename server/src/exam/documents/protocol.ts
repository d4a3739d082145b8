import { roundHalfUp } from '@ashyq/shared';
import { formatMark } from '../../documents/format';
import {
  PdfWriter,
  type SignatureLine,
  type TableCell,
  type TableColumn,
} from '../../documents/pdf';
import type { CommissionLine, GroupDocument } from './data';
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
 * The protocol of the qualification commission and the statement (ведомость) of one group:
 * A4 landscape, so every criterion fits beside the name. The protocol carries every field of
 * docs/demo-exams.md; the statement is the group x criterion matrix with totals and grades.
 */

export interface Verified {
  code: string;
  url: string;
}

function writer(lang: DocumentLanguage, title: string, verification?: Verified): PdfWriter {
  return new PdfWriter({
    language: lang,
    title,
    landscape: true,
    // Without a code the results are not all final: the document is a draft, not to be signed.
    ...(verification ? { verification } : { draft: true }),
  });
}

function commissionTable(pdf: PdfWriter, commission: CommissionLine[], lang: DocumentLanguage) {
  pdf.paragraph(examText(lang, 'commission'), { style: 'bold' });
  pdf.space(2);
  pdf.table(
    [
      { header: examText(lang, 'rowNumber'), width: 1 },
      { header: examText(lang, 'roleColumn'), width: 5 },
      { header: examText(lang, 'fullName'), width: 7 },
      { header: examText(lang, 'employerCertificate'), width: 10 },
    ],
    commission.map((member, index) => [
      String(index + 1),
      roleOf(member.role, lang),
      member.name,
      [member.employer, member.certificate].filter(Boolean).join(', '),
    ]),
    { fontSize: 8 },
  );
}

/** Chair, the members who marked (chief expert first), other members, then the secretary. */
export function signatories(commission: CommissionLine[], lang: DocumentLanguage): SignatureLine[] {
  const order = ['chair', 'chief', 'expert', 'employer-expert', 'technical', 'secretary'];
  return [...commission]
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map((member) => ({
      role:
        member.role === 'chair'
          ? examText(lang, 'chairSignature')
          : member.role === 'secretary'
            ? examText(lang, 'secretarySignature')
            : `${examText(lang, 'membersSignature')}: ${roleOf(member.role, lang)}`,
      name: member.name,
    }));
}

function summaryBlock(pdf: PdfWriter, data: GroupDocument, lang: DocumentLanguage): void {
  const { summary } = data;
  const average =
    summary.averagePoints === null
      ? '—'
      : `${formatMark(summary.averagePoints, lang)} / ${formatMark(summary.averagePercent!, lang)} %`;
  pdf.ensureSpace(120);
  pdf.paragraph(examText(lang, 'summary'), { style: 'bold' });
  pdf.fields([
    [examText(lang, 'admitted'), String(summary.admitted)],
    [examText(lang, 'sat'), String(summary.sat)],
    [examText(lang, 'passed'), String(summary.passed)],
    [examText(lang, 'failed'), String(summary.failed)],
    ...((summary.unmarked ?? 0) > 0
      ? [[examText(lang, 'unmarkedCount'), String(summary.unmarked)] as [string, string]]
      : []),
    [examText(lang, 'absent'), String(summary.absent)],
    [examText(lang, 'removed'), String(summary.removed)],
    [examText(lang, 'average'), average],
    [
      examText(lang, 'byGrade'),
      summary.byGrade.map((grade) => `${grade.label}: ${grade.count}`).join(', '),
    ],
  ]);
}

export function renderProtocol(
  data: GroupDocument,
  lang: DocumentLanguage,
  verification?: Verified,
): PdfWriter {
  const pdf = writer(lang, `${examText(lang, 'protocol')} ${data.header.number}`, verification);
  openDocument(pdf, data.header, lang, 'protocol');
  pdf.fields(sessionFields(data.header, lang, data.group), 0.22);
  pdf.space(4);
  commissionTable(pdf, data.commission, lang);

  const criteria = data.header.criteria;
  const columns: TableColumn[] = [
    { header: examText(lang, 'rowNumber'), width: 1.2, align: 'right' },
    { header: examText(lang, 'fullName'), width: 6.9 },
    { header: examText(lang, 'iin'), width: 3.6 },
    { header: examText(lang, 'group'), width: 2.6 },
    { header: examText(lang, 'variant'), width: 2.5, align: 'center' },
    ...criteria.map((criterion) => ({
      header: `${criterion.id}\n(${formatMark(criterion.max, lang)})`,
      width: 2.2,
      align: 'right' as const,
    })),
    {
      header: `${examText(lang, 'total')}\n(${formatMark(data.header.maxPoints, lang)})`,
      width: 2.6,
      align: 'right',
    },
    { header: examText(lang, 'percent'), width: 1.9, align: 'right' },
    { header: examText(lang, 'letter'), width: 2.1, align: 'center' },
    { header: examText(lang, 'gpa'), width: 1.6, align: 'right' },
    { header: examText(lang, 'traditional'), width: 5.4 },
    { header: examText(lang, 'outcome'), width: 3.2 },
    { header: examText(lang, 'remarks'), width: 3.5 },
  ];
  const rows = data.rows.map((row): TableCell[] => {
    const sat = row.total !== null;
    return [
      String(row.n),
      row.name,
      row.iin,
      row.group,
      row.variant,
      ...criteria.map((criterion) => (sat ? points(row.criteria[criterion.id] ?? 0, lang) : '—')),
      { text: points(row.total, lang), bold: true },
      points(row.percent, lang),
      row.letter ?? '—',
      points(row.gpa, lang),
      traditionalOf(row, lang),
      outcomeOf(row, lang),
      remarksOf(row, lang),
    ];
  });
  pdf.space(4);
  pdf.table(columns, rows, { fontSize: 7.5 });
  summaryBlock(pdf, data, lang);
  pdf.space(4);
  pdf.ensureSpace(60);
  pdf.paragraph(examText(lang, 'signatures'), { style: 'bold' });
  pdf.signatures(signatories(data.commission, lang));
  pdf.paragraph(examText(lang, 'appeals'), { size: 8, style: 'italic' });
  return pdf;
}

export function renderStatement(
  data: GroupDocument,
  lang: DocumentLanguage,
  verification?: Verified,
): PdfWriter {
  const pdf = writer(lang, `${examText(lang, 'statement')} ${data.header.number}`, verification);
  openDocument(pdf, data.header, lang, 'statement');
  const { header } = data;
  pdf.fields(
    sessionFields(header, lang, data.group).filter(([label]) =>
      [examText(lang, 'specialty'), examText(lang, 'qualification'), examText(lang, 'group')]
        .concat(examText(lang, 'scale'))
        .includes(label),
    ),
    0.22,
  );
  const criterionColumns: TableColumn[] = header.criteria.map((criterion) => ({
    header: `${criterion.id}. ${criterion.name}\n(${formatMark(criterion.max, lang)})`,
    width: 3,
    align: 'right',
  }));
  const columns: TableColumn[] = [
    { header: examText(lang, 'rowNumber'), width: 1.2, align: 'right' },
    { header: examText(lang, 'fullName'), width: 7.5 },
    ...criterionColumns,
    {
      header: `${examText(lang, 'total')}\n(${formatMark(header.maxPoints, lang)})`,
      width: 2.8,
      align: 'right',
    },
    { header: examText(lang, 'percent'), width: 2.2, align: 'right' },
    { header: examText(lang, 'letter'), width: 1.6, align: 'center' },
    { header: examText(lang, 'traditional'), width: 3.8 },
  ];
  const rows: TableCell[][] = data.rows.map((row) => {
    const sat = row.total !== null;
    return [
      String(row.n),
      row.name,
      ...header.criteria.map((criterion) =>
        sat ? points(row.criteria[criterion.id] ?? 0, lang) : '—',
      ),
      { text: points(row.total, lang), bold: true },
      points(row.percent, lang),
      row.letter ?? '—',
      traditionalOf(row, lang),
    ];
  });
  const sat = data.rows.filter((row) => row.total !== null);
  const mean = (values: number[]) =>
    values.length === 0
      ? '—'
      : formatMark(roundHalfUp(values.reduce((a, b) => a + b, 0) / values.length, 2), lang);
  rows.push([
    '',
    examText(lang, 'average'),
    ...header.criteria.map((criterion) => mean(sat.map((row) => row.criteria[criterion.id] ?? 0))),
    mean(sat.map((row) => row.total!)),
    mean(sat.map((row) => row.percent!)),
    '',
    '',
  ]);
  pdf.table(columns, rows, { fontSize: 8, emphasise: (index) => index === rows.length - 1 });
  summaryBlock(pdf, data, lang);
  pdf.ensureSpace(60);
  pdf.signatures(
    signatories(data.commission, lang).filter(
      (line) =>
        line.role === examText(lang, 'chairSignature') ||
        line.role === examText(lang, 'secretarySignature'),
    ),
  );
  return pdf;
}
