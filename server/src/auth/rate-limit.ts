/**
 * Fixed-window attempt counter per key (client address + account), in memory: sign-in
 * attempts are counted on the instance that serves them, which is enough to stop guessing
 * a six-digit PIN (at most `limit` tries per window per address).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (this.windows.size > 10_000) this.prune(now);
    return window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0;
  }

  /**
   * Gives back one attempt that turned out legitimate (a successful sign-in), so only failures
   * use up the budget: a venue whose tablets share one public address can sign everyone in.
   * Attempts are still counted before they are checked, so parallel guesses cannot overshoot.
   */
  refund(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0 && this.now() - window.start < this.windowMs) window.count -= 1;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}
