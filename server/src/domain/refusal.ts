import {
  describeImportIssue,
  namespaces,
  translate,
  type ImportIssue,
  type Language,
} from '@ashyq/shared';
import { DomainError, type ErrorCode, type ErrorDetail } from './errors';

export type OrganiserRefusal = keyof (typeof namespaces)['organiserRefusals']['en']['refused'];

/** An organiser's request refused at `path`, in the organiser console's words. */
export function refusal(
  code: ErrorCode,
  path: string,
  key: OrganiserRefusal,
  params: Record<string, string | number> = {},
): DomainError {
  return new DomainError(code, {}, (lang) => [
    {
      path,
      code: key,
      message: translate(namespaces.organiserRefusals[lang], `refused.${key}`, params),
    },
  ]);
}

/** Import problems located as the organiser sees them: "Строка 6, столбец E (ИИН)". */
export function importIssueDetails(issues: readonly ImportIssue[], lang: Language): ErrorDetail[] {
  return issues.map((issue) => {
    const { where, message } = describeImportIssue(issue, lang);
    return { path: where, message, code: issue.code };
  });
}
