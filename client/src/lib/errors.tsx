import i18next from 'i18next';
import { ApiRequestError } from './http';

/**
 * The text to show for a failure. A refusal by the competition's rules (409) is said by its first
 * detail, the rule's own words; other errors by the message, then a detail that says more.
 */
export function errorText(error: unknown, fallback?: string): string {
  if (!(error instanceof ApiRequestError)) {
    return fallback ?? i18next.t('request.refused', { status: '?' });
  }
  const rule = error.code === 'conflict' ? error.details.find((d) => d.code) : undefined;
  if (rule) return rule.message;
  const detail = error.details.find((d) => d.message && d.message !== error.message);
  return detail ? `${error.message} ${detail.message}` : error.message;
}

/** The server's own words for a refusal; the fallback when there are none (no connection). */
export function refusal(error: unknown, fallback: string): string {
  return error instanceof ApiRequestError && error.status !== null && error.message !== ''
    ? error.message
    : fallback;
}

/** The one error report: the server's message for a failure, with every located detail. */
export function ErrorReport({
  error,
  className = 'org-error',
}: {
  error: unknown;
  className?: string;
}) {
  if (!(error instanceof ApiRequestError)) return null;
  return (
    <div role="alert" className={className}>
      <p>{error.message}</p>
      {error.details.length > 0 && (
        <ul>
          {error.details.map((detail, i) => (
            <li key={i}>
              <strong>{detail.path}</strong>: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
