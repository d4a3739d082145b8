import { describe, expect, it } from 'vitest';
import { markBatchReplySchema, revealedScoresSchema, teamMarkPushSchema } from './expert';
import { eventPageSchema, storedEventSchema, verificationSchema } from './chief';
import { passwordSignInSchema, pinSignInSchema, signInLinkQrInputSchema } from './auth';
import { annualReportQuerySchema } from './exam';
import { schemeEditInputSchema } from './organiser';

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

  it('keeps an event whose data is not an object: the log stores any JSON', () => {
    const page = {
      events: [
        {
          seq: 3,
          type: 'note',
          actor: 'system',
          at: '2026-05-01T09:00:00Z',
          data: null,
          hash: 'cd',
        },
      ],
      nextBefore: null,
    };
    expect(eventPageSchema.parse(page)).toEqual(page);
  });

  it('reads an email sign-in lower-cased and refuses a PIN that is not six digits', () => {
    expect(passwordSignInSchema.parse({ email: ' Admin@Ashyq.KZ ', password: 'x' })).toEqual({
      email: 'admin@ashyq.kz',
      password: 'x',
    });
    expect(pinSignInSchema.safeParse({ competitionId: 'c1', pin: '35238' }).success).toBe(false);
    expect(pinSignInSchema.safeParse({ competitionId: 'c1', pin: '352389' }).success).toBe(true);
  });

  it('draws a QR only for a token shaped like the ones the server issues', () => {
    expect(signInLinkQrInputSchema.safeParse({ token: 'a'.repeat(22) }).success).toBe(true);
    expect(signInLinkQrInputSchema.safeParse({ token: '../../etc/passwd' }).success).toBe(false);
  });

  it('asks the annual report for a real academic year and a scheme edit with at least one change', () => {
    expect(annualReportQuerySchema.safeParse({ academicYear: '2025-2026' }).success).toBe(true);
    expect(annualReportQuerySchema.safeParse({ academicYear: '2025-2027' }).success).toBe(false);
    expect(schemeEditInputSchema.safeParse({ edits: [] }).success).toBe(false);
  });
});
