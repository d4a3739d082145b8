import { markDifference, type Language } from '@ashyq/shared';
import type { WorkbookImport } from '../cis/import';
import { formatMark, workbookText, type WorkbookWarning } from '../cis/problems';

/** The scheme report as plain text for a terminal, in the chosen language. */
export function formatSchemeReport(
  { report, reading, warnings }: Pick<WorkbookImport, 'report' | 'reading' | 'warnings'>,
  language: Language,
): string {
  const t = (key: string, params?: Record<string, string | number>) =>
    workbookText(language, `report.${key}`, params);
  const differs = ` ${t('mismatch')}`;
  const lines = [
    t('sheet', { sheet: reading.sheet, layout: t(`layout.${reading.layout}`) }),
    ...(reading.derived.length > 0
      ? [t('derived', { parts: reading.derived.map((part) => t(`part.${part}`)).join(', ') })]
      : []),
    ...(report.skill.name === '' ? [] : [t('skill', { ...report.skill })]),
    t('counts', { ...report.counts }),
    t('total', {
      total: formatMark(report.total),
      criteriaTotal: formatMark(report.criteriaTotal),
    }),
    '',
    t('criteria'),
    ...table(
      [t('id'), t('name'), t('maxMark'), t('aspectTotal')],
      report.criteria.map((c) => [
        c.id,
        c.name,
        formatMark(c.maxMark),
        formatMark(c.aspectTotal) + (markDifference(c.maxMark, c.aspectTotal) > 0 ? differs : ''),
      ]),
    ),
  ];
  if (report.sections.length > 0) {
    lines.push(
      '',
      t('sections'),
      ...table(
        [t('id'), t('name'), t('weight'), t('aspectMarks'), t('variation')],
        report.sections.map((s) => [
          s.id,
          s.name,
          formatMark(s.weight),
          formatMark(s.aspectMarks),
          formatMark(s.variation),
        ]),
      ),
      t('totalVariation', { variation: formatMark(report.totalVariation) }),
    );
  }
  lines.push(
    '',
    t('days'),
    ...Object.entries(report.days).map(([day, count]) => `  ${t('day', { day, count })}`),
  );
  lines.push('', warnings.length > 0 ? t('warnings', { count: warnings.length }) : t('noWarnings'));
  for (const warning of warnings) lines.push(`  ${formatWarning(warning)}`);
  return lines.join('\n');
}

/** `Calculations!D4: message`, the way Excel names a cell of another sheet. */
export function formatWarning(warning: WorkbookWarning): string {
  return `${warning.sheet}${warning.cell ? `!${warning.cell}` : ''}: ${warning.message}`;
}

const maxNameWidth = 48;

/** Left-aligned text columns, right-aligned figures (every column after the name). */
function table(header: string[], rows: string[][]): string[] {
  const clipped = rows.map((row) =>
    row.map((cell, i) =>
      i === 1 && cell.length > maxNameWidth ? `${cell.slice(0, maxNameWidth - 1)}…` : cell,
    ),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...clipped.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...clipped.map(line)];
}
