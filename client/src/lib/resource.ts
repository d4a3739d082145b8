import { useCallback, useEffect, useState } from 'react';
import type { ZodType } from 'zod';
import { apiRequest, type ApiRequestError } from './http';

/** A resource as a screen shows it: loading, failed (with the refusal), or ready. */
export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: ApiRequestError; status: number | null }
  | { state: 'ready'; data: T };

export interface ResourceOptions<T> {
  /** The contract's schema of the reply: the data is checked, never cast. */
  schema?: ZodType<T>;
  /** Where to send a person whose session has ended (a 401); by default the failure is shown. */
  signIn?: string;
}

/**
 * The one resource hook: GETs `url` through the HTTP client, again when the URL changes or
 * `reload` is called after a change; nothing while `url` is null.
 */
export function useResource<T>(
  url: string | null,
  options: ResourceOptions<T> = {},
): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const { schema, signIn } = options;
  useEffect(() => {
    if (url === null) return;
    let live = true;
    apiRequest<T>('GET', url, undefined, schema)
      .then((data) => live && setLoaded({ state: 'ready', data }))
      .catch((error: ApiRequestError) => {
        if (!live) return;
        if (error.status === 401 && signIn) window.location.assign(signIn);
        else setLoaded({ state: 'failed', error, status: error.status });
      });
    return () => {
      live = false;
    };
  }, [url, round, schema, signIn]);
  return [loaded, useCallback(() => setRound((n) => n + 1), [])];
}
