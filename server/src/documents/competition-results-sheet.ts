import {
  fullName,
  namespaces,
  translate,
  type Language,
  type Localized,
  type Medal,
} from '@ashyq/shared';
import type { JsonObject } from '../events/canonical-json';
import type { CompetitionResults } from '../results/rows';
import { formatDateTime, formatMark, localizedText } from './format';
import { PdfWriter, type TableCell } from './pdf';

/**
 * The printed result sheet of one competition, in Kazakh or Russian: every competitor with place,
 * region, college, total and medal, and the chief expert's signature line. Issued with a
 * verification code once the results are published; before that it prints as a DRAFT.
 */

export const resultsSheetKind = 'results-sheet';

/** What the sheet prints, and what the verification page rebuilds to compare: no IIN in it. */
export interface ResultsSheetView {
  competitionId: string;
  championship: Localized;
  skill: { number: string; name: Localized };
  /** The first publication; null while the results are provisional (or being corrected). */
  publishedAt: string | null;
  /**
   * The re-publication after a correction. Absent, not null, on results never corrected, so a
   * sheet issued before corrections were printed still verifies.
   */
  correctedAt?: string;
  chief: string | null;
  rows: {
    position: number | null;
    name: string;
    region: string;
    college: string;
    total: number;
    medal: Medal | null;
    medallion: boolean;
    note: 'guest' | 'absent' | 'withdrawn' | null;
  }[];
}

export function resultsSheetView(
  results: CompetitionResults,
  context: {
    championship: Localized;
    chief: string | null;
    collegeName: (id: string | null) => string;
  },
): ResultsSheetView {
  const { competition } = results;
  return {
    competitionId: competition.id,
    championship: context.championship,
    skill: competition.skill,
    publishedAt: results.firstPublishedAt,
    ...(results.correctedAt ? { correctedAt: results.correctedAt } : {}),
    chief: context.chief,
    rows: results.rows.map((row) => ({
      position: row.position,
      name: row.name ? fullName(row.name) : row.competitorId,
      region: row.regionName,
      college: context.collegeName(row.collegeId),
      total: row.total,
      medal: row.medal,
      medallion: row.medallion,
      note: row.status !== 'active' ? row.status : row.guest ? 'guest' : null,
    })),
  };
}

export function resultsSheetContent(view: ResultsSheetView): JsonObject {
  return JSON.parse(JSON.stringify(view)) as JsonObject;
}

const text = (language: Language, key: string) =>
  translate(namespaces.organiser[language], `resultSheet.${key}`);

export function resultsSheetTitle(language: Language, view: ResultsSheetView): string {
  return `${text(language, 'title')}: ${view.skill.number} ${localizedText(view.skill.name, language)}`;
}

/** The public page shows names, places and totals, as the published board does. */
export function resultsSheetSummary(view: ResultsSheetView, language: Language): JsonObject {
  return {
    championship: localizedText(view.championship, language),
    skill: `${view.skill.number} ${localizedText(view.skill.name, language)}`,
    publishedAt: view.publishedAt,
    ...(view.correctedAt ? { correctedAt: view.correctedAt } : {}),
    competitors: view.rows.map((row) => ({
      position: row.position,
      name: row.name,
      total: row.total,
      medal: row.medal,
    })),
  };
}

export function renderResultsSheet(
  view: ResultsSheetView,
  language: Language,
  verification?: { code: string; url: string },
): PdfWriter {
  const t = (key: string) => text(language, key);
  const title = t('title');
  const pdf = new PdfWriter({
    language,
    title: resultsSheetTitle(language, view),
    draft: view.publishedAt === null,
    ...(verification ? { verification } : {}),
  });
  pdf.titleBlock({ lines: [localizedText(view.championship, language)], title });
  pdf.fields([
    [t('competition'), `${view.skill.number} ${localizedText(view.skill.name, language)}`],
    [t('published'), view.publishedAt ? formatDateTime(view.publishedAt) : t('notPublished')],
    ...(view.correctedAt
      ? [[t('corrected'), formatDateTime(view.correctedAt)] as [string, string]]
      : []),
  ]);
  pdf.space(4);
  const award = (row: ResultsSheetView['rows'][number]) =>
    row.medal ? t(row.medal) : row.medallion ? t('medallion') : '';
  const rows = view.rows.map((row): TableCell[] => [
    { text: row.position === null ? '—' : String(row.position), align: 'right' },
    row.note ? `${row.name} (${t(row.note)})` : row.name,
    row.region,
    row.college,
    { text: formatMark(row.total, language), align: 'right', bold: true },
    award(row),
  ]);
  pdf.table(
    [
      { header: t('position'), width: 1.9, align: 'right' },
      { header: t('competitor'), width: 6 },
      { header: t('region'), width: 4 },
      { header: t('college'), width: 5 },
      { header: t('total'), width: 2.2, align: 'right' },
      { header: t('medal'), width: 3.4 },
    ],
    rows,
    { fontSize: 9 },
  );
  pdf.ensureSpace(60);
  pdf.signatures([{ role: t('chief'), name: view.chief ?? '' }]);
  return pdf;
}
