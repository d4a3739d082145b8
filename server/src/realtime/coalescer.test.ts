import { afterEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './coalescer';

afterEach(() => {
  vi.useRealTimers();
});

describe('Coalescer', () => {
  it('sends a request after a quiet spell at once, and a burst within the interval once at its end', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const coalescer = new Coalescer(250, (key) => sent.push(key));
    for (let n = 0; n < 50; n++) coalescer.schedule('web-1');
    coalescer.schedule('cook-2');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual(['web-1', 'cook-2']);
    for (let n = 0; n < 50; n++) coalescer.schedule('web-1');
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['web-1', 'cook-2']);
    vi.advanceTimersByTime(150);
    expect(sent).toEqual(['web-1', 'cook-2', 'web-1']);
    vi.advanceTimersByTime(1000);
    coalescer.schedule('web-1');
    vi.advanceTimersByTime(0);
    expect(sent).toEqual(['web-1', 'cook-2', 'web-1', 'web-1']);
  });

  it('sends nothing still pending once closed', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const coalescer = new Coalescer(250, (key) => sent.push(key));
    coalescer.schedule('web-1');
    coalescer.close();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });
});
