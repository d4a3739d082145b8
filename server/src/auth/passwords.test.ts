import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { addressKey, FailureBudget, SlowDown } from './rate-limit';

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

describe('failure budget', () => {
  it('allows the limit of failures, then asks to wait until the window ends', async () => {
    let now = 0;
    const budget = new FailureBudget([{ limit: 3, windowMs: 60_000 }], () => now);
    for (let i = 0; i < 3; i += 1) {
      const admission = await budget.begin('ip');
      expect(admission.admitted).toBe(true);
      if (admission.admitted) admission.settle(true);
    }
    now = 20_000;
    expect(await budget.begin('ip')).toEqual({ admitted: false, seconds: 40 });
    expect((await budget.begin('other')).admitted).toBe(true);
    now = 60_000;
    expect((await budget.begin('ip')).admitted).toBe(true);
  });

  it('never counts a success, and keeps parallel checks within the failures still allowed', async () => {
    const budget = new FailureBudget([{ limit: 2, windowMs: 60_000 }], () => 0);
    const order: string[] = [];
    const attempt = async (name: string, fails: boolean) => {
      const admission = await budget.begin('venue');
      if (!admission.admitted) return order.push(`${name} refused`);
      order.push(`${name} checked`);
      await Promise.resolve();
      admission.settle(fails);
    };
    // Two checks at a time at most; the third waits for one of them, then is checked.
    await Promise.all([attempt('a', false), attempt('b', false), attempt('c', false)]);
    expect(order).toEqual(['a checked', 'b checked', 'c checked']);
    order.length = 0;
    await Promise.all([attempt('d', true), attempt('e', true), attempt('f', false)]);
    expect(order).toEqual(['d checked', 'e checked', 'f refused']);
  });
});

describe('slow-down', () => {
  it('holds attempts back once a key has failures, longer as they mount, never past the cap', () => {
    let now = 0;
    const slowDown = new SlowDown(
      { windowMs: 60_000, threshold: 10, stepMs: 1_000, maxMs: 3_000 },
      () => now,
    );
    const delays: number[] = [];
    for (let failure = 1; failure <= 40; failure += 1) {
      slowDown.fail('account');
      if (failure % 10 === 9 || failure % 10 === 0) delays.push(slowDown.delayMs('account'));
    }
    expect(delays).toEqual([0, 1_000, 1_000, 2_000, 2_000, 3_000, 3_000, 3_000]);
    expect(slowDown.delayMs('another')).toBe(0);
    now = 60_000;
    expect(slowDown.delayMs('account')).toBe(0);
  });
});

describe('address keys', () => {
  it('counts an IPv4 client by its address and an IPv6 client by its /64', () => {
    expect(addressKey('10.0.0.5')).toBe('10.0.0.5');
    expect(addressKey('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(addressKey('2a02:2168:8a0c:1e00:1234:5678:9abc:def0')).toBe('2a02:2168:8a0c:1e00::/64');
    expect(addressKey('2A02:2168:8A0C:1E00::1')).toBe('2a02:2168:8a0c:1e00::/64');
    expect(addressKey('2a02:2168::1')).toBe('2a02:2168:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
