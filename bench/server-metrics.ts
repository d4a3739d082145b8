import { randomBytes } from 'node:crypto';

/** Opens the benchmarked servers' /metrics to the benchmarks only (pass it as METRICS_TOKEN). */
export const metricsToken = randomBytes(24).toString('hex');

/** The server's event-loop delay since the last read, in ms. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/**
 * The server's event-loop delay since the last read, from its /metrics (prom-client measures it
 * with perf_hooks.monitorEventLoopDelay and resets the histogram at each read); null if unread.
 */
export async function loopDelayOf(url: string): Promise<LoopDelay | null> {
  const res = await fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  }).catch(() => undefined);
  if (!res?.ok) return null;
  const text = await res.text();
  const read = (name: string) => {
    const match = new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text);
    return match ? Number(match[1]) * 1000 : NaN;
  };
  return {
    p50: read('nodejs_eventloop_lag_p50_seconds'),
    p99: read('nodejs_eventloop_lag_p99_seconds'),
    max: read('nodejs_eventloop_lag_max_seconds'),
  };
}
