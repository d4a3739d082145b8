/**
 * Runs `send(key)` at most once per interval per key, at the leading edge: a change after a
 * quiet spell goes out at once (next turn of the event loop, so a same-tick burst is one send);
 * changes within the interval after a send wait for its end and go out together.
 * Unlike the chief's coalescer (always at the end of the interval), a lone mark is not held back.
 */
export class Throttle {
  private readonly pending = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly send: (key: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  schedule(key: string): void {
    if (this.pending.has(key)) return;
    const fire = () => {
      this.pending.delete(key);
      this.lastSent.set(key, this.now());
      this.send(key);
    };
    const wait = (this.lastSent.get(key) ?? -Infinity) + this.intervalMs - this.now();
    if (wait <= 0) {
      this.pending.set(key, setImmediate(fire));
      return;
    }
    const timer = setTimeout(fire, wait);
    timer.unref();
    this.pending.set(key, timer);
  }

  /** Forgets a key nobody follows any more. */
  forget(key: string): void {
    this.lastSent.delete(key);
  }

  close(): void {
    for (const timer of this.pending.values()) {
      clearTimeout(timer as NodeJS.Timeout);
      clearImmediate(timer as NodeJS.Immediate);
    }
    this.pending.clear();
  }
}
