import i18next from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import type { College, Language } from '@ashyq/shared';

/** One located problem of a refused request, worded by the server in the console's language. */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

/** A refused request: the server's `{error: {code, message, details}}`, or a lost connection. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the API in the console's language (refusals come back worded in it). A body that is a
 * File or bytes is sent as the upload itself, as the import routes expect.
 */
export async function adminRequest<T>(method: Method, url: string, body?: unknown): Promise<T> {
  const upload = body instanceof Blob || body instanceof Uint8Array;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        'accept-language': i18next.language,
        ...(body === undefined
          ? {}
          : { 'content-type': upload ? 'application/octet-stream' : 'application/json' }),
      },
      body: body === undefined ? undefined : upload ? (body as BodyInit) : JSON.stringify(body),
    });
  } catch {
    throw new AdminApiError(null, i18next.t('organiser:failed'));
  }
  const reply = (await res.json().catch(() => null)) as
    (T & { error?: { message?: string; details?: ErrorDetail[] } }) | null;
  if (res.ok) return reply as T;
  throw new AdminApiError(
    res.status,
    reply?.error?.message ?? i18next.t('organiser:failed'),
    reply?.error?.details ?? [],
  );
}

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; error: AdminApiError } | { state: 'ready'; data: T };

/** GETs JSON; `reload` fetches again after a change. A 401 sends the organiser to sign in. */
export function useAdmin<T>(url: string | null): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (url === null) return;
    let live = true;
    adminRequest<T>('GET', url)
      .then((data) => live && setLoaded({ state: 'ready', data }))
      .catch((error: AdminApiError) => {
        if (!live) return;
        if (error.status === 401) window.location.assign('/login');
        else setLoaded({ state: 'failed', error });
      });
    return () => {
      live = false;
    };
  }, [url, round]);
  return [loaded, useCallback(() => setRound((n) => n + 1), [])];
}

/** The message to show for a failure, with every located detail. */
export function ErrorReport({ error }: { error: unknown }) {
  if (!(error instanceof AdminApiError)) return null;
  return (
    <div role="alert" className="org-error">
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

/** A college's name in the console's language; Russian when it has none in English. */
export function collegeName(college: College | undefined, lang: Language): string | undefined {
  return college ? (college.name[lang] ?? college.name.ru) : undefined;
}
