import {
  commissionMemberSchema,
  formatMarks,
  examSessionSchema,
  localizeIssue,
  nobdTemplateSchema,
  qualificationCodeSchema,
  specialtyCodeSchema,
  specialtyQualificationSchema,
  type CommissionMember,
  type ExamSession,
  type Language,
  type NobdTemplate,
} from '@ashyq/shared';
import type { z } from 'zod';

/**
 * Pure view logic of the exam office: what the forms show and send. The server checks every
 * payload again; these checks only tell the officer what is wrong before they press Save.
 */

/** Kazakhstan has been UTC+5 all year since March 2024; exam times are typed in local time. */
const KZ_OFFSET_MS = 5 * 3_600_000;

/** An ISO instant as the value of a datetime-local input in Kazakhstan time. */
export function toLocalInput(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time + KZ_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value typed in Kazakhstan time as the ISO date-time the API expects. */
export function fromLocalInput(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+05:00` : value;
}

/** The first localised reason `schema` refuses `value` for, or null when it accepts it. */
function firstReason(schema: z.ZodType, value: unknown, lang: Language): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const [issue] = result.error.issues;
  return issue ? (localizeIssue(issue, lang) ?? issue.message) : null;
}

/**
 * Why the specialty and qualification codes do not fit (format, edition, or a qualification of
 * another specialty), located on the field the officer has to change.
 */
export function codeReasons(
  specialty: string,
  qualification: string,
  lang: Language,
): { specialty: string | null; qualification: string | null } {
  const own = {
    specialty: specialty.trim() === '' ? null : firstReason(specialtyCodeSchema, specialty, lang),
    qualification:
      qualification.trim() === ''
        ? null
        : firstReason(qualificationCodeSchema, qualification, lang),
  };
  if (own.specialty || own.qualification || !specialty.trim() || !qualification.trim()) return own;
  return {
    specialty: null,
    qualification: firstReason(specialtyQualificationSchema, { specialty, qualification }, lang),
  };
}

/** Groups typed as a comma or line separated list, without blanks and repeats. */
export function parseGroups(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((group) => group.trim())
        .filter(Boolean),
    ),
  ];
}

/** A commission member as the form edits it: the id is absent until the server gives one. */
export type MemberDraft = Omit<CommissionMember, 'id'> & { id?: string };

/** Problems of the commission by row (index) and session-wide ones (e.g. "exactly one chair"). */
export interface CommissionCheck {
  byRow: Map<number, string[]>;
  general: string[];
}

/**
 * The commission checked as the server will check it: each member's fields, then the
 * independence rule of docs/scoring.md over the whole session (own staff never mark, one chair and
 * one chief expert, no student in the commission).
 */
export function checkCommission(
  session: ExamSession,
  members: readonly MemberDraft[],
  lang: Language,
): CommissionCheck {
  const byRow = new Map<number, string[]>();
  const general: string[] = [];
  const add = (row: number, message: string) =>
    byRow.set(row, [...(byRow.get(row) ?? []), message]);
  const commission = members.map((member, index) => ({
    ...member,
    id: member.id ?? `new-${index}`,
  }));
  commission.forEach((member, index) => {
    const own = commissionMemberSchema.safeParse(member);
    if (!own.success) {
      for (const issue of own.error.issues) add(index, issueText(issue, lang));
    }
  });
  const whole = examSessionSchema.safeParse({ ...session, commission });
  if (!whole.success) {
    for (const issue of whole.error.issues) {
      if (issue.path[0] !== 'commission') continue;
      const row = issue.path[1];
      const text = localizeIssue(issue, lang);
      if (text === undefined) continue;
      if (typeof row === 'number') {
        if (!byRow.get(row)?.includes(text)) add(row, text);
      } else general.push(text);
    }
  }
  return { byRow, general };
}

/** An issue in words: the shared reason when there is one, else the field and zod's message. */
function issueText(issue: z.core.$ZodIssue, lang: Language): string {
  return localizeIssue(issue, lang) ?? `${issue.path.join('.')}: ${issue.message}`;
}

/** A located template problem: the column (1-based) when it is about one, and what is wrong. */
export interface TemplateProblem {
  column: number | null;
  option: string;
  message: string;
}

/** The NOBD template checked as the server checks it, each problem located on its column. */
export function checkTemplate(template: unknown, lang: Language): TemplateProblem[] {
  const result = nobdTemplateSchema.safeParse(template);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [first, index, ...rest] = issue.path;
    const inColumn = first === 'columns' && typeof index === 'number';
    return {
      column: inColumn ? index + 1 : null,
      option: (inColumn ? rest : issue.path).map(String).join('.'),
      message: localizeIssue(issue, lang) ?? issue.message,
    };
  });
}

/** Code lists typed as "pass=1; fail=2" (what a college copies from the NOBD form). */
export function parseCodes(text: string): Record<string, string> | undefined {
  const pairs = text
    .split(/[;\n]/)
    .map((pair) => pair.split('='))
    .filter((parts) => parts.length === 2 && parts[0]!.trim() !== '');
  if (pairs.length === 0) return undefined;
  return Object.fromEntries(pairs.map(([value, code]) => [value!.trim(), code!.trim()]));
}

export function formatCodes(codes: Record<string, string> | undefined): string {
  return Object.entries(codes ?? {})
    .map(([value, code]) => `${value}=${code}`)
    .join('; ');
}

/** Moves column `from` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveColumn(template: NobdTemplate, from: number, step: -1 | 1): NobdTemplate {
  const to = from + step;
  if (to < 0 || to >= template.columns.length) return template;
  const columns = [...template.columns];
  [columns[from], columns[to]] = [columns[to]!, columns[from]!];
  return { ...template, columns };
}

/**
 * The letter-scale grade distribution of an annual report as chart data: one bar per grade
 * label in the scale's order (highest first), zero counts kept so the axis never shifts.
 */
export function gradeDistribution(
  grades: Record<string, Record<string, number>>,
  scaleId: string,
  labels: readonly string[],
): { labels: string[]; counts: number[] } {
  const counts = grades[scaleId] ?? {};
  return { labels: [...labels], counts: labels.map((label) => counts[label] ?? 0) };
}

/** A percent for a table cell: two decimals, a dash when there is none (absent, nobody sat). */
export function percentText(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return '—';
  return formatMarks(value, lang);
}
