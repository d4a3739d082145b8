import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { offThreadFrom, sha256OffThread } from './off-thread-hash';
import { snapshotContentHash } from './state-check';

const sha256 = (text: string) =>
  createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

describe('sha256OffThread', () => {
  it('is the SHA-256 of the joined text, short or long enough for the worker', async () => {
    const short = ['{"a":1}', '\n', 'Қазақстан 🇰🇿'];
    expect(await sha256OffThread(short)).toBe(sha256(short.join('')));
    const long = ['{"b":2}', '\n', 'Ақтөбе, Алматы 🏆 '.repeat(Math.ceil(offThreadFrom / 10))];
    expect(long[2]!.length).toBeGreaterThan(offThreadFrom);
    const [first, second] = await Promise.all([
      sha256OffThread(long),
      sha256OffThread([...long, 'x']),
    ]);
    expect(first).toBe(sha256(long.join('')));
    expect(second).toBe(sha256(`${long.join('')}x`));
  });
});

describe('snapshotContentHash', () => {
  it('is SHA-256 of the canonical place, a newline and the state text, for a large state', async () => {
    const state = JSON.stringify(
      Array.from({ length: 20_000 }, (_, i) => ({ id: `m-${i}`, name: 'Әсел Нұрланқызы' })),
    );
    const place = { stream: 'wsk-2026', projection: 'scores@3', seq: 20_000, hash: 'a'.repeat(64) };
    const expected = sha256(`${canonicalJson(place)}\n${state}`);
    expect(await snapshotContentHash({ ...place, state })).toBe(expected);
  });
});
