/**
 * The message of an API error body (`{error: {code, message}}`), which the server words in the
 * language the request named with `?lang=`; the fallback when the body has none (no connection,
 * a proxy's error page).
 */
export function apiErrorText(body: unknown, fallback: string): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' && message !== '' ? message : fallback;
}
