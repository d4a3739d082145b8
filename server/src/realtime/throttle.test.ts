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

  it('sends a request after a quiet spell at once, and a burst within the interval once at its end', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const throttle = new Throttle(250, (key) => sent.push(key));
    for (let n = 0; n < 50; n++) throttle.schedule('web-1');
    throttle.schedule('cook-2');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual(['web-1', 'cook-2']);
    for (let n = 0; n < 50; n++) throttle.schedule('web-1');
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['web-1', 'cook-2']);
    vi.advanceTimersByTime(150);
    expect(sent).toEqual(['web-1', 'cook-2', 'web-1']);
    vi.advanceTimersByTime(1000);
    throttle.schedule('web-1');
    vi.advanceTimersByTime(0);
    expect(sent).toEqual(['web-1', 'cook-2', 'web-1', 'web-1']);
  });

  it('sends nothing still pending once closed', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const throttle = new Throttle(250, (key) => sent.push(key));
    throttle.schedule('web-1');
    throttle.close();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });
});
