import i18next from 'i18next';
import { useEffect, useState } from 'react';

export type Loaded<T> =
  { state: 'loading' } | { state: 'failed'; status: number | null } | { state: 'ready'; data: T };

/** GETs JSON from the API and re-fetches when the URL changes. */
export function useJson<T>(url: string): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) return setLoaded({ state: 'failed', status: res.status });
        setLoaded({ state: 'ready', data: (await res.json()) as T });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          console.error(error);
          setLoaded({ state: 'failed', status: null });
        }
      });
    return () => controller.abort();
  }, [url]);
  return loaded;
}

/** One located problem of a refused request, worded by the server in the user's language. */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

/** A refused request: the server's `{error: {code, message, details}}`, or a lost connection. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the API in the interface's language (refusals come back worded in it) and returns the
 * answer, JSON or text, or throws an ApiRequestError; a failed connection is one with status
 * null. A body that is a File or bytes is sent as the upload itself, as the import routes expect.
 */
export async function apiRequest<T>(method: Method, url: string, body?: unknown): Promise<T> {
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
    throw new ApiRequestError(null, 'network', i18next.t('request.network'));
  }
  if (res.ok) {
    const json = (res.headers.get('content-type') ?? '').includes('json');
    return (json ? await res.json() : await res.text()) as T;
  }
  const reply = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: ErrorDetail[] };
  } | null;
  throw new ApiRequestError(
    res.status,
    reply?.error?.code ?? 'unknown',
    reply?.error?.message ?? i18next.t('request.refused', { status: res.status }),
    reply?.error?.details ?? [],
  );
}
