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
