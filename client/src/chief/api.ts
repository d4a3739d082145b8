import i18next from 'i18next';

/** One located problem of an error answer, worded by the server in the user's language. */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

/** A refused request: the server's `{error: {code, message, details}}`, or a lost connection. */
export class ChiefApiError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const chiefBase = (competitionId: string) =>
  `/api/chief/competitions/${encodeURIComponent(competitionId)}`;

/**
 * Calls the API in the console's language (errors come back worded in it) and returns the JSON
 * answer, or throws a ChiefApiError; a failed connection becomes one with status null.
 */
export async function chiefRequest<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        'accept-language': i18next.language,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ChiefApiError(null, 'network', i18next.t('chief:errors.network'));
  }
  const contentType = res.headers.get('content-type') ?? '';
  if (res.ok) {
    return (contentType.includes('json') ? await res.json() : await res.text()) as T;
  }
  const reply = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: ErrorDetail[] };
  } | null;
  throw new ChiefApiError(
    res.status,
    reply?.error?.code ?? 'unknown',
    reply?.error?.message ?? i18next.t('chief:errors.unknown', { status: res.status }),
    reply?.error?.details ?? [],
  );
}

/**
 * The text to show for a failure. A refusal by the competition's rules (409) is said by its first
 * detail, the rule's own words; other errors by the message, then a detail that says more.
 */
export function errorText(error: unknown): string {
  if (!(error instanceof ChiefApiError)) return i18next.t('chief:errors.unknown', { status: '?' });
  const rule = error.code === 'conflict' ? error.details.find((d) => d.code) : undefined;
  if (rule) return rule.message;
  const detail = error.details.find((d) => d.message && d.message !== error.message);
  return detail ? `${error.message} ${detail.message}` : error.message;
}
