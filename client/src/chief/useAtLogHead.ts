import { useEffect, useState } from 'react';
import { apiRequest } from '../lib/http';

export interface AtLogHead<T> {
  /** The latest reply; kept on screen while the next one is on its way or if it fails. */
  data: T | null;
  /** Why the last request failed, until one succeeds. */
  failure: unknown;
}

/**
 * A staff reply computed from the whole log (standings, judge figures), fetched again whenever the
 * pushed overview moves on to a new log head: the console follows marking live without a socket
 * message of its own. A reply to an older head that arrives late is dropped.
 */
export function useAtLogHead<T>(url: string, head: number): AtLogHead<T> {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let current = true;
    apiRequest<T>('GET', url).then(
      (reply) => {
        if (!current) return;
        setData(reply);
        setFailure(null);
      },
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [url, head]);
  return { data, failure };
}
