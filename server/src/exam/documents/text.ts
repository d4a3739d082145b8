import { getRegion, namespaces, translate } from '@ashyq/shared';
import { formatDate, formatDateTime, formatMark } from '../../documents/format';
import type { PdfWriter } from '../../documents/pdf';
import type { ResultRow, SessionHeader } from './data';

/** Documents of demo exams print in Kazakh or Russian, with two-language titles. */
export type DocumentLanguage = 'kk' | 'ru';

export function examText(
  lang: DocumentLanguage,
  key: string,
  params?: Record<string, string | number>,
): string {
  return translate(namespaces.exam[lang], `document.${key}`, params);
}

/** "Хаттама / Протокол": the title in both languages, the document's own language first. */
export function bilingual(lang: DocumentLanguage, key: string): string {
  const other: DocumentLanguage = lang === 'kk' ? 'ru' : 'kk';
  return `${examText(lang, key)} / ${examText(other, key)}`;
}

export function points(value: number | null, lang: DocumentLanguage): string {
  return value === null ? '—' : formatMark(value, lang);
}

export function traditionalOf(row: ResultRow, lang: DocumentLanguage): string {
  const grades = namespaces.grades[lang];
  return row.traditional
    ? translate(grades, `traditional.${row.traditional}`)
    : translate(grades, `result.${row.outcome}`);
}

export function outcomeOf(row: ResultRow, lang: DocumentLanguage): string {
  return translate(namespaces.grades[lang], `result.${row.outcome}`);
}

/**
 * The remarks column: an absent or removed student's status with the reason the officer gave
 * (as typed, in whatever language), or a warning that figures may still change.
 */
export function remarksOf(row: ResultRow, lang: DocumentLanguage): string {
  if (row.total === null) {
    const status = outcomeOf(row, lang);
    return row.attendanceReason ? `${status}: ${row.attendanceReason}` : status;
  }
  return row.complete ? '' : examText(lang, 'provisional');
}

export function roleOf(role: string, lang: DocumentLanguage): string {
  return translate(namespaces.exam[lang], `role.${role}`);
}

/** The college lines and title every exam document opens with. */
export function openDocument(
  pdf: PdfWriter,
  header: SessionHeader,
  lang: DocumentLanguage,
  titleKey: string,
): void {
  pdf.titleBlock({
    lines: [
      `${header.college.name.kk} / ${header.college.name.ru}`,
      `${examText('kk', 'bin')} / ${examText('ru', 'bin')}: ${header.college.bin}`,
    ],
    title: bilingual(lang, titleKey),
    subtitle: `${examText(lang, 'protocolOfExam', { number: header.number })}, ${formatDate(`${header.date}T12:00:00+05:00`)}`,
  });
}

/** The session's particulars as label: value lines (docs/demo-exams.md, protocol fields). */
export function sessionFields(
  header: SessionHeader,
  lang: DocumentLanguage,
  group: string | null,
): [string, string][] {
  const scaleName = translate(namespaces.grades[lang], `scale.${header.gradeScaleId}`);
  const scaleNotes = [
    header.scaleVerified ? null : translate(namespaces.grades[lang], 'unverified'),
    header.cPlusTraditional
      ? `C+ — ${translate(namespaces.grades[lang], `traditional.${header.cPlusTraditional}`)}`
      : null,
    header.passPercent === null ? null : `≥ ${header.passPercent} %`,
  ].filter(Boolean);
  return [
    [examText(lang, 'examType'), translate(namespaces.exam[lang], `examType.${header.examType}`)],
    [examText(lang, 'region'), getRegion(header.regionId)?.name[lang] ?? header.regionId],
    [examText(lang, 'academicYear'), header.academicYear],
    [examText(lang, 'specialty'), `${header.specialty.code} ${header.specialty.name[lang]}`],
    [
      examText(lang, 'qualification'),
      `${header.qualification.code} ${header.qualification.name[lang]}`,
    ],
    [examText(lang, 'task'), header.task[lang]],
    [examText(lang, 'site'), header.site],
    [examText(lang, 'start'), formatDateTime(header.startsAt)],
    [examText(lang, 'end'), formatDateTime(header.endsAt)],
    ...(group === null ? [] : [[examText(lang, 'group'), group] as [string, string]]),
    [examText(lang, 'scale'), [scaleName, ...scaleNotes].join('; ')],
    [examText(lang, 'maxPoints'), formatMark(header.maxPoints, lang)],
  ];
}
