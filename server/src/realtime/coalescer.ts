/**
 * Runs `send(key)` at most once per interval per key: the first request starts the interval and
 * the send at its end covers every request made meanwhile, so a burst costs one send.
 */
export class Coalescer {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly send: (key: string) => void,
  ) {}

  schedule(key: string): void {
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.send(key);
    }, this.intervalMs);
    timer.unref();
    this.pending.set(key, timer);
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
