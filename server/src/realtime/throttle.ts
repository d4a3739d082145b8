/**
 * Runs `send(key)` at most once per interval per key, at the leading edge: a change after a
 * quiet spell goes out at once (next turn of the event loop, so a same-tick burst is one send);
 * changes within the interval after a send wait for its end and go out together, so a burst
 * costs at most two sends. Holding a lone change back for the whole interval made the first
 * update after a pause the slowest one a viewer saw. Boards (one key a room) and the chief's
 * overview (one key a competition) both go out through it.
 */
export class Throttle {
  /** The way to cancel each key's send still to come. */
  private readonly pending = new Map<string, () => void>();
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
      const immediate = setImmediate(fire);
      this.pending.set(key, () => clearImmediate(immediate));
      return;
    }
    const timer = setTimeout(fire, wait);
    timer.unref();
    this.pending.set(key, () => clearTimeout(timer));
  }

  /** Forgets a key nobody follows any more. */
  forget(key: string): void {
    this.lastSent.delete(key);
  }

  close(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}
