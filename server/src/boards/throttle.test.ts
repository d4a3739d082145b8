import { afterEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle';

describe('Throttle', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a lone change at once and a burst as one send', async () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const throttle = new Throttle(250, (key) => sent.push(key));
    throttle.schedule('a');
    throttle.schedule('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['a']);
  });

  it('holds changes within the interval after a send until its end, then sends them together', async () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const throttle = new Throttle(250, () => sent.push(Date.now()));
    const start = Date.now();
    throttle.schedule('a');
    await vi.advanceTimersByTimeAsync(100);
    throttle.schedule('a');
    throttle.schedule('a');
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent.map((at) => at - start)).toEqual([0, 250]);
  });

  it('keeps rooms apart', async () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const throttle = new Throttle(250, (key) => sent.push(key));
    throttle.schedule('a');
    throttle.schedule('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['a', 'b']);
    throttle.close();
  });
});
