import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../store/port';
import { chainEvents, genesisHash, hashEvent, verifyChain } from './chain';
import { markRecorded } from './mark-totals';

const at = '2026-03-01T04:00:00.000Z';

function chainOf(count: number, stream = 'c1'): StoredEvent[] {
  const drafts = Array.from({ length: count }, (_, i) =>
    markRecorded({
      id: `mark-000${i}`,
      competitor: `k${i % 3}`,
      aspect: 'A1',
      expert: 'e1',
      score: i % 4,
    }),
  );
  return chainEvents(stream, { seq: 0, hash: null }, drafts, at);
}

describe('hashEvent', () => {
  it('is SHA-256 of the canonical event without its hash, followed by prevHash', () => {
    const event = {
      stream: 'c1',
      seq: 1,
      at,
      actor: 'expert-7',
      type: 'mark.recorded',
      data: { score: 3, aspect: 'A1' },
      prevHash: genesisHash,
    };
    const text =
      '{"actor":"expert-7","at":"2026-03-01T04:00:00.000Z","data":{"aspect":"A1","score":3},' +
      `"prevHash":"${genesisHash}","seq":1,"stream":"c1","type":"mark.recorded"}${genesisHash}`;
    expect(hashEvent(event)).toBe(createHash('sha256').update(text).digest('hex'));
    expect(genesisHash).toMatch(/^0{64}$/);
  });
});

describe('chainEvents', () => {
  it('numbers events after the head and links each to the one before', () => {
    const first = chainOf(2);
    expect(first.map((e) => [e.seq, e.prevHash])).toEqual([
      [1, genesisHash],
      [2, first[0]!.hash],
    ]);
    const next = chainEvents(
      'c1',
      { seq: 2, hash: first[1]!.hash },
      [markRecorded({ id: 'mark-0009', competitor: 'k1', aspect: 'A2', expert: 'e2', score: 1 })],
      at,
    );
    expect(next[0]).toMatchObject({ seq: 3, prevHash: first[1]!.hash, actor: 'e2' });
    expect(verifyChain([...first, ...next])).toEqual({ ok: true, events: 3, head: next[0]!.hash });
  });

  it('refuses a draft without a type or an actor, or with data that is not JSON', () => {
    const head = { seq: 0, hash: null };
    expect(() => chainEvents('c1', head, [{ type: '', actor: 'e1', data: {} }], at)).toThrow(
      /type/,
    );
    expect(() => chainEvents('c1', head, [{ type: 't', actor: '', data: {} }], at)).toThrow(
      /actor/,
    );
    const notJson = { type: 't', actor: 'e1', data: { at: new Date() } } as never;
    expect(() => chainEvents('c1', head, [notJson], at)).toThrow(/Date/);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its length and head; an empty chain has the genesis head', () => {
    const events = chainOf(5);
    expect(verifyChain(events, 'c1')).toEqual({ ok: true, events: 5, head: events[4]!.hash });
    expect(verifyChain([])).toEqual({ ok: true, events: 0, head: genesisHash });
  });

  it('names the first altered event, whichever field was changed', () => {
    const fields = ['data', 'actor', 'at', 'type', 'stream'] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        fc.constantFrom(...fields),
        (length, pick, field) => {
          const events = chainOf(length);
          const index = pick % length;
          const altered = {
            ...events[index]!,
            [field]: field === 'data' ? { score: 99 } : 'forged',
          };
          events[index] = altered;
          expect(verifyChain(events)).toEqual({
            ok: false,
            firstBadSeq: index + 1,
            reason: 'hash_mismatch',
          });
        },
      ),
    );
  });

  it('catches an altered event whose hash was recomputed at the next event', () => {
    const events = chainOf(4);
    const forged = { ...events[1]!, data: { score: 99 } };
    events[1] = { ...forged, hash: hashEvent(forged) };
    expect(verifyChain(events)).toEqual({
      ok: false,
      firstBadSeq: 3,
      reason: 'prev_hash_mismatch',
    });
  });

  it('catches a missing, repeated or foreign event', () => {
    const events = chainOf(4);
    expect(verifyChain([events[0]!, events[2]!, events[3]!])).toEqual({
      ok: false,
      firstBadSeq: 2,
      reason: 'seq_gap',
    });
    expect(verifyChain([events[0]!, events[0]!])).toEqual({
      ok: false,
      firstBadSeq: 2,
      reason: 'seq_gap',
    });
    expect(verifyChain(chainOf(2, 'c2'), 'c1')).toEqual({
      ok: false,
      firstBadSeq: 1,
      reason: 'wrong_stream',
    });
  });
});
