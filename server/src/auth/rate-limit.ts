/**
 * Limits on guessing, in memory: sign-in attempts are counted on the instance that serves them.
 *
 * Only failures count. A successful sign-in never uses up anything, so a venue whose tablets
 * share one public address can sign everyone in at once, and nobody is refused for other
 * people's mistakes except those sharing their address.
 */

export interface Window {
  /** Failures allowed in the window; the next attempt is refused until the window ends. */
  limit: number;
  windowMs: number;
}

/** What `begin` answers: go ahead and `settle` with the outcome, or wait `seconds`. */
export type Admission =
  { admitted: true; settle: (failed: boolean) => void } | { admitted: false; seconds: number };

interface Count {
  /** When the window began: at its first failure. */
  start: number;
  failures: number;
}

interface Entry {
  counts: Count[];
  /** Checks admitted and not yet settled: each may still turn out a failure. */
  checking: number;
  waiting: Array<() => void>;
}

/** Keys kept before idle ones are dropped, so a flood of addresses cannot fill the memory. */
const keptKeys = 10_000;

/**
 * Failures allowed per key (a client address) in one or more fixed windows. A check under way
 * holds one of the failures still allowed until it settles, so a burst of parallel guesses is
 * checked no more often than the budget allows; attempts beyond that wait for the checks ahead of
 * them rather than being refused, since those may well succeed (a venue signing in together).
 */
export class FailureBudget {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly windows: readonly Window[],
    private readonly now: () => number = Date.now,
    /** Attempts one key may have waiting; past that it is refused for a second. */
    private readonly maxWaiting = 1_000,
  ) {}

  async begin(key: string): Promise<Admission> {
    for (;;) {
      const entry = this.entry(key);
      const seconds = this.secondsBlocked(entry);
      if (seconds > 0) return { admitted: false, seconds };
      if (
        this.windows.every((window, i) => this.failures(entry, i) + entry.checking < window.limit)
      ) {
        entry.checking += 1;
        let settled = false;
        return {
          admitted: true,
          settle: (failed) => {
            if (settled) return;
            settled = true;
            this.settle(entry, failed);
          },
        };
      }
      if (entry.waiting.length >= this.maxWaiting) return { admitted: false, seconds: 1 };
      await new Promise<void>((resolve) => entry.waiting.push(resolve));
    }
  }

  private settle(entry: Entry, failed: boolean): void {
    entry.checking -= 1;
    if (failed) {
      const now = this.now();
      this.windows.forEach((window, i) => {
        const count = entry.counts[i]!;
        if (now - count.start >= window.windowMs || count.failures === 0) {
          count.start = now;
          count.failures = 0;
        }
        count.failures += 1;
      });
    }
    for (const wake of entry.waiting.splice(0)) wake();
  }

  /** Failures in the key's current window `i`; none once the window has ended. */
  private failures(entry: Entry, i: number): number {
    const count = entry.counts[i]!;
    return this.now() - count.start < this.windows[i]!.windowMs ? count.failures : 0;
  }

  private secondsBlocked(entry: Entry): number {
    let seconds = 0;
    this.windows.forEach((window, i) => {
      if (this.failures(entry, i) < window.limit) return;
      const left = entry.counts[i]!.start + window.windowMs - this.now();
      seconds = Math.max(seconds, Math.ceil(left / 1000));
    });
    return seconds;
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= keptKeys) this.prune();
      entry = {
        counts: this.windows.map(() => ({ start: 0, failures: 0 })),
        checking: 0,
        waiting: [],
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private prune(): void {
    for (const [key, entry] of this.entries) {
      const idle = entry.checking === 0 && entry.waiting.length === 0;
      if (idle && this.windows.every((_, i) => this.failures(entry, i) === 0)) {
        this.entries.delete(key);
      }
    }
  }
}

export interface SlowDownOptions {
  /** How long failures are remembered, from the first one. */
  windowMs: number;
  /** Failures before attempts are held back. */
  threshold: number;
  /** The hold grows by `stepMs` for every `threshold` failures... */
  stepMs: number;
  /** ...up to this. */
  maxMs: number;
}

/**
 * Failures per key (an account, a competition's PINs) from any address. It never refuses: once
 * the key has `threshold` failures, every attempt at it is held back before it is checked, longer
 * as failures mount, up to `maxMs`. A stranger can make a sign-in slower, never impossible.
 */
export class SlowDown {
  private readonly counts = new Map<string, Count>();

  constructor(
    private readonly options: SlowDownOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long to hold an attempt at `key` back, in milliseconds. */
  delayMs(key: string): number {
    const failures = this.failures(key);
    if (failures < this.options.threshold) return 0;
    const { threshold, stepMs, maxMs } = this.options;
    return Math.min(maxMs, Math.floor(failures / threshold) * stepMs);
  }

  fail(key: string): void {
    const now = this.now();
    let count = this.counts.get(key);
    if (!count || now - count.start >= this.options.windowMs) {
      if (!count && this.counts.size >= keptKeys) this.prune(now);
      count = { start: now, failures: 0 };
      this.counts.set(key, count);
    }
    count.failures += 1;
  }

  private failures(key: string): number {
    const count = this.counts.get(key);
    return count && this.now() - count.start < this.options.windowMs ? count.failures : 0;
  }

  private prune(now: number): void {
    for (const [key, count] of this.counts)
      if (now - count.start >= this.options.windowMs) this.counts.delete(key);
  }
}

/**
 * The key a client address is counted under. An IPv6 client usually holds a whole /64 (and can
 * pick any address in it), so its first four groups are the key; IPv4 addresses, also when
 * written IPv4-mapped (`::ffff:10.0.0.5`), count one by one.
 */
export function addressKey(address: string): string {
  const ip = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const size = (groups: string[]) =>
    groups.reduce((n, group) => n + (group.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? 0 : Math.max(0, 8 - size(headGroups) - size(tailGroups));
  const groups = [...headGroups, ...Array<string>(zeros).fill('0'), ...tailGroups];
  const prefix = groups.slice(0, 4).map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? group : '0'));
  return `${prefix.map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}
