import { afterEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './coalescer';

afterEach(() => {
  vi.useRealTimers();
});

describe('Coalescer', () => {
  it('sends once per interval per key however many requests a burst makes', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const coalescer = new Coalescer(250, (key) => sent.push(key));
    for (let n = 0; n < 50; n++) coalescer.schedule('web-1');
    coalescer.schedule('cook-2');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(sent).toEqual(['web-1', 'cook-2']);
    coalescer.schedule('web-1');
    vi.advanceTimersByTime(250);
    expect(sent).toEqual(['web-1', 'cook-2', 'web-1']);
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
