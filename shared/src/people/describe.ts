import { expertRoleSchema } from '../domain/entities';
import { namespaces } from '../i18n/index';
import { translate, type Language } from '../i18n/messages';
import { userRoleName } from '../reference/roles';
import { fieldsByKind, personKinds, type PersonKind } from './columns';
import type { ImportIssue } from './table';

export interface ImportIssueText {
  /** "Row 5, column B (ИИН)", "Row 1" for a header problem, "File" for the whole file. */
  where: string;
  message: string;
}

function isPersonKind(value: unknown): value is PersonKind {
  return (personKinds as readonly unknown[]).includes(value);
}

/** The place and the message of an import problem in the reader's language. */
export function describeImportIssue(issue: ImportIssue, lang: Language): ImportIssueText {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(namespaces.people[lang], key, params);
  const { row, column, params } = issue;
  let where: string;
  if (row === null) where = t('where.file');
  else if (column === null) where = t('where.row', { row });
  else where = t('where.rowColumn', { row, letter: column.letter, header: column.header });

  let message: string;
  switch (issue.code) {
    case 'invalid_iin':
      message = translate(namespaces.identifiers[lang], `iin.${params.reason}`, params);
      break;
    case 'unsafe_character':
      message = translate(namespaces.errors[lang], `text.${params.reason}`, params);
      break;
    case 'header_not_found': {
      const kind = isPersonKind(params.kind) ? params.kind : 'student';
      const required = fieldsByKind[kind].filter((rule) => rule.required).map((rule) => rule.field);
      const columns = ['name', ...required].map((field) => t(`field.${field}`)).join(', ');
      message = t('issue.header_not_found', { columns });
      break;
    }
    case 'unknown_role': {
      const allowed = expertRoleSchema.options.map((role) => userRoleName(role, lang)).join(', ');
      message = t('issue.unknown_role', { ...params, allowed });
      break;
    }
    default:
      message = t(`issue.${issue.code}`, {
        ...params,
        ...(typeof params.field === 'string' ? { fieldName: t(`field.${params.field}`) } : {}),
      });
  }
  return { where, message };
}
