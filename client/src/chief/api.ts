import i18next from 'i18next';
import { ApiRequestError } from '../api';

export const chiefBase = (competitionId: string) =>
  `/api/chief/competitions/${encodeURIComponent(competitionId)}`;

/**
 * The text to show for a failure. A refusal by the competition's rules (409) is said by its first
 * detail, the rule's own words; other errors by the message, then a detail that says more.
 */
export function errorText(error: unknown): string {
  if (!(error instanceof ApiRequestError)) return i18next.t('request.refused', { status: '?' });
  const rule = error.code === 'conflict' ? error.details.find((d) => d.code) : undefined;
  if (rule) return rule.message;
  const detail = error.details.find((d) => d.message && d.message !== error.message);
  return detail ? `${error.message} ${detail.message}` : error.message;
}
