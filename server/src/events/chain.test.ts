import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../store/port';
import { canonicalJson, type JsonValue } from './canonical-json';
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
  it('is the hash of the whole event canonicalised at once, for any strings and data', () => {
    // The log writes the event's text around its data's canonical text; it must be the text the
    // whole object canonicalises to, lone surrogates and keys needing escapes included.
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(
        fc.record({
          stream: text,
          seq: fc.nat(),
          at: text,
          actor: text,
          type: text,
          data: fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }) as fc.Arbitrary<JsonValue>,
          prevHash: text,
        }),
        (event) => {
          const { stream, seq, at, actor, type, data, prevHash } = event;
          const body = canonicalJson({ stream, seq, at, actor, type, data, prevHash });
          const expected = createHash('sha256').update(body).update(prevHash).digest('hex');
          expect(hashEvent(event)).toBe(expected);
        },
      ),
    );
  });

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

describe('a chain hashed before the log used the JCS library', () => {
  /**
   * Three events as the log stored them before canonicalJson called an RFC 8785 library: Kazakh
   * text, numbers JCS writes in exponent form, -0, control characters, keys JCS orders by UTF-16
   * code units, and a lone surrogate (which JCS itself refuses). Kept as stored text, hashes
   * included, so a change in how events are written shows here as a broken chain.
   */
  const stored = String.raw`[{"stream": "wsk-golden", "seq": 1, "at": "2026-03-01T04:00:00.000Z", "actor": "expert-7", "type": "mark.recorded", "data": {"aspect": "A1", "competitor": "k1", "expert": "expert-7", "id": "m1", "score": 0.1}, "prevHash": "0000000000000000000000000000000000000000000000000000000000000000", "hash": "44e266b5ea5865235f67c732c015d089d487b8136d4bc228f1f83bbcea27fa9a"}, {"stream": "wsk-golden", "seq": 2, "at": "2026-03-01T04:00:00.000Z", "actor": "chief", "type": "mark.corrected", "data": {"big": 1e+21, "max": 9007199254740991, "nested": {"b": "\"quoted\" \\ \n\t\u0001", "\u00e4": [true, null, {"a": "ok", "z": 1}]}, "reason": "\u049a\u0430\u0442\u0435 \u0435\u043d\u0433\u0456\u0437\u0456\u043b\u0434\u0456 \u2014 \u043e\u0448\u0438\u0431\u043a\u0430 \u0432\u0432\u043e\u0434\u0430", "score": 0, "small": 1e-07}, "prevHash": "44e266b5ea5865235f67c732c015d089d487b8136d4bc228f1f83bbcea27fa9a", "hash": "c9f0b4c7ca90106a95dbdee527b58089a13d14e6ffb8e2ff879d721c29b14c61"}, {"stream": "wsk-golden", "seq": 3, "at": "2026-03-01T04:00:00.000Z", "actor": "chief", "type": "note.added", "data": {"emoji": "\ud83d\ude00", "text": "broken \ud800 surrogate", "z": 3, "\u00e9": 2, "\u00e9\u0301": 4, "\ud83d\ude00": 1}, "prevHash": "c9f0b4c7ca90106a95dbdee527b58089a13d14e6ffb8e2ff879d721c29b14c61", "hash": "76d58abb0a4f02ef7bd49fbf855bea42f68e13a054106de622daa53cbedf2891"}]`;

  it('still verifies, and hashing its events again gives the stored hashes', () => {
    const events = JSON.parse(stored) as StoredEvent[];
    expect(verifyChain(events, 'wsk-golden')).toEqual({
      ok: true,
      events: 3,
      head: events[2]!.hash,
    });
    for (const event of events) expect(hashEvent(event)).toBe(event.hash);
  });

  it('still breaks where an old event was altered', () => {
    const events = JSON.parse(stored) as StoredEvent[];
    (events[1]!.data as { score: number }).score = 1;
    expect(verifyChain(events, 'wsk-golden')).toEqual({
      ok: false,
      firstBadSeq: 2,
      reason: 'hash_mismatch',
    });
  });
});
