import { z } from 'zod';
import { expertRoleSchema, type ExpertRole, type PersonName } from '../domain/entities';
import { refuseUnsafeText } from '../domain/text';
import { iinSchema, isValidIin, type ReasonIssueParams } from '../identifiers/index';
import { languages } from '../i18n/messages';
import type { RegionId } from '../reference/regions';
import { userRoleName } from '../reference/roles';
import { fieldsByKind, normalizeLabel, type PersonField, type PersonKind } from './columns';
import { matchRegion } from './region-match';
import {
  cellText,
  type ImportIssue,
  type ImportIssueCode,
  type IssueColumn,
  type TableCell,
} from './table';

/**
 * One data row of a people list, field by field: the zod schema of a row given the columns the
 * file has, and the translation of its issues into located import issues.
 */

const ZEROS_LOST_MAX = 3;

/**
 * Excel stores an IIN typed without a leading apostrophe as a number, dropping its leading
 * zeros (people born in 2000-2009 have IINs starting with 0). The zeros are put back only when
 * the padded number is a valid IIN, so a digit missing by mistake is still reported.
 */
export function restoreIin(cell: TableCell): { value: string; restored: boolean } {
  const text =
    typeof cell === 'number' && Number.isSafeInteger(cell)
      ? String(cell)
      : cellText(cell).replace(/\s/g, '');
  const zerosLost = 12 - text.length;
  if (/^\d+$/.test(text) && zerosLost > 0 && zerosLost <= ZEROS_LOST_MAX) {
    const padded = text.padStart(12, '0');
    if (isValidIin(padded)) return { value: padded, restored: true };
  }
  return { value: text, restored: false };
}

/** Our own issue codes travel in the zod issue's params; rowIssue unpacks them. */
function addIssue(
  ctx: z.core.$RefinementCtx,
  code: ImportIssueCode,
  values: Record<string, string | number> = {},
): void {
  ctx.addIssue({ code: 'custom', message: code, params: { code, values } });
}

const requiredText = (max: number) => z.string().min(1).max(max).superRefine(refuseUnsafeText);
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine(refuseUnsafeText)
    .transform((value) => value || undefined);

const fullNameSchema = requiredText(300).transform((value, ctx): PersonName => {
  const [last = '', first = '', ...rest] = value.split(' ');
  if (!first) addIssue(ctx, 'name_incomplete');
  return { last, first, ...(rest.length > 0 ? { middle: rest.join(' ') } : {}) };
});

const regionSchema = requiredText(200).transform((value, ctx): RegionId | undefined => {
  const id = matchRegion(value);
  if (!id) addIssue(ctx, 'unknown_region', { value });
  return id;
});

const YES = new Set('да д иә ия yes y true 1 + x х гость қонақ guest'.split(' '));
const NO = new Set(['', ...'нет н жоқ no n false 0 -'.split(' ')]);

const flagSchema = z.string().transform((value, ctx): boolean => {
  const normalized = value.toLowerCase();
  if (!YES.has(normalized) && !NO.has(normalized)) addIssue(ctx, 'invalid_flag', { value });
  return YES.has(normalized);
});

const expertRoles = expertRoleSchema.options;
/** Official names of the roles in every language, plus the abbreviations used in expert lists. */
const ROLE_BY_NAME = new Map<string, ExpertRole>([
  ...expertRoles.flatMap((role) =>
    [role, ...languages.map((lang) => userRoleName(role, lang))].map(
      (name) => [normalizeLabel(name), role] as const,
    ),
  ),
  ['гэ', 'chief'],
  ['згэ', 'deputy-chief'],
  ['ce', 'chief'],
  ['dce', 'deputy-chief'],
]);

const roleSchema = z.string().transform((value, ctx): ExpertRole => {
  if (value === '') return 'expert';
  const role = ROLE_BY_NAME.get(normalizeLabel(value));
  if (!role) addIssue(ctx, 'unknown_role', { value });
  return role ?? 'expert';
});

/** Fields with their own parsing; every other field is text of at most TEXT_LIMITS[field]. */
const parsedFields: Partial<Record<PersonField, z.ZodType>> = {
  fullName: fullNameSchema,
  iin: z.string().min(1).pipe(iinSchema),
  region: regionSchema,
  guest: flagSchema,
  role: roleSchema,
};

const TEXT_LIMITS: Partial<Record<PersonField, number>> = {
  lastName: 100,
  firstName: 100,
  middleName: 100,
  college: 300,
  group: 50,
  taskVariant: 50,
  delegation: 100,
  certificate: 100,
  employer: 300,
};

/** Name parts follow the name columns present: last and first required, middle optional. */
const NAME_PART_REQUIRED: Partial<Record<PersonField, boolean>> = {
  lastName: true,
  firstName: true,
  middleName: false,
};

export function rowSchema(kind: PersonKind, columnOf: Map<PersonField, number>) {
  const requiredOf = new Map(fieldsByKind[kind].map((rule) => [rule.field, rule.required]));
  const shape: Record<string, z.ZodType> = {};
  for (const field of columnOf.keys()) {
    const required = NAME_PART_REQUIRED[field] ?? requiredOf.get(field) ?? false;
    const max = TEXT_LIMITS[field] ?? 0;
    shape[field] = parsedFields[field] ?? (required ? requiredText(max) : optionalText(max));
  }
  return z.object(shape);
}

/** An issue of rowSchema as an import issue; `columnOf` locates the field's column. */
export function rowIssue(
  issue: z.core.$ZodIssue,
  row: number,
  columnOf: (field: PersonField) => IssueColumn,
): ImportIssue {
  const field = issue.path[0] as PersonField;
  const place = { row, column: columnOf(field), field };
  const params = (issue.code === 'custom' ? issue.params : undefined) as
    Partial<ReasonIssueParams & { code: ImportIssueCode }> | undefined;
  if (params?.namespace === 'identifiers' && params.reason) {
    return { ...place, code: 'invalid_iin', params: { reason: params.reason, ...params.values } };
  }
  if (params?.namespace === 'errors' && params.reason) {
    const values = { reason: params.reason, ...params.values };
    return { ...place, code: 'unsafe_character', params: values };
  }
  if (params?.code) return { ...place, code: params.code, params: params.values ?? {} };
  if (issue.code === 'too_big')
    return { ...place, code: 'too_long', params: { max: Number(issue.maximum) } };
  if (issue.code === 'invalid_type') return { ...place, code: 'date_in_text_cell', params: {} };
  return { ...place, code: 'empty_cell', params: {} };
}
