import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { snapshotContentHash } from './state-check';

const sha256 = (text: string) =>
  createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

describe('snapshotContentHash', () => {
  const place = { stream: 'wsk-2026', projection: 'scores@3', seq: 20_000, hash: 'a'.repeat(64) };

  it('is SHA-256 of the canonical place, a newline and the state text, for a large state', () => {
    const state = JSON.stringify(
      Array.from({ length: 20_000 }, (_, i) => ({ id: `m-${i}`, name: 'Әсел Нұрланқызы 🇰🇿' })),
    );
    expect(snapshotContentHash({ ...place, state })).toBe(
      sha256(`${canonicalJson(place)}\n${state}`),
    );
  });

  it('changes with one character of the state or with the place it was taken at', () => {
    const state = '{"marks":[{"id":"m-1","name":"Ақтөбе"}]}';
    const kept = snapshotContentHash({ ...place, state });
    expect(snapshotContentHash({ ...place, state: state.replace('Ақтөбе', 'Актөбе') })).not.toBe(
      kept,
    );
    expect(snapshotContentHash({ ...place, seq: place.seq + 1, state })).not.toBe(kept);
  });
});
