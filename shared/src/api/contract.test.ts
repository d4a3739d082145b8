import { describe, expect, it } from 'vitest';
import { markBatchReplySchema, revealedScoresSchema, teamMarkPushSchema } from './expert';
import { storedEventSchema, verificationSchema } from './chief';

describe('the API contract', () => {
  it('accepts a batch reply whose marks were accepted, repeated or refused with a reason', () => {
    const reply = {
      results: [
        { id: 'm1', status: 'accepted' },
        { id: 'm1', status: 'duplicate' },
        { id: 'm2', status: 'rejected', reason: 'aspect_locked', params: { aspect: 'A1.1' } },
      ],
    };
    expect(markBatchReplySchema.parse(reply)).toEqual(reply);
  });

  it('refuses a mark result with a status the tablet does not know', () => {
    expect(
      markBatchReplySchema.safeParse({ results: [{ id: 'm1', status: 'saved' }] }).success,
    ).toBe(false);
  });

  it('carries a teammate push whose mark no longer counts as null', () => {
    const push = { competitor: 'c1', aspect: 'A1.1', mark: null };
    expect(teamMarkPushSchema.parse(push)).toEqual(push);
    expect(
      revealedScoresSchema.parse({
        competitor: 'c1',
        aspect: 'B1.1',
        scores: [{ expert: 'e1', score: 2 }],
        discrepancy: false,
      }),
    ).toMatchObject({ scores: [{ score: 2 }] });
  });

  it('reads a broken chain verdict and a log event', () => {
    expect(
      verificationSchema.parse({ ok: false, firstBadSeq: 7, reason: 'hash_mismatch' }),
    ).toMatchObject({
      ok: false,
      firstBadSeq: 7,
    });
    expect(
      storedEventSchema.safeParse({
        seq: 1,
        type: 'mark',
        actor: 'e1',
        at: '2026-05-01T09:00:00Z',
        data: {},
        hash: 'ab',
      }).success,
    ).toBe(true);
  });
});
