import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { RateLimiter } from './rate-limit';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('Qazaqstan-2026');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Qazaqstan-2026', stored)).toBe(true);
    expect(await verifyPassword('qazaqstan-2026', stored)).toBe(false);
    expect(await verifyPassword('Qazaqstan-2026', 'plain')).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('rate limiter', () => {
  it('allows the limit, then asks to wait until the window ends', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => limiter.hit('ip'))).toEqual([0, 0, 0]);
    expect(limiter.hit('ip')).toBe(60);
    expect(limiter.hit('other')).toBe(0);
    now = 60_000;
    expect(limiter.hit('ip')).toBe(0);
  });

  it('refunds a legitimate attempt so only failures use up the budget', () => {
    const limiter = new RateLimiter(2, 60_000, () => 0);
    for (let i = 0; i < 5; i += 1) {
      expect(limiter.hit('venue')).toBe(0);
      limiter.refund('venue');
    }
    expect([limiter.hit('venue'), limiter.hit('venue'), limiter.hit('venue')]).toEqual([0, 0, 60]);
  });
});
