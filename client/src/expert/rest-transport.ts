import { markBatchReplySchema } from '@ashyq/shared';
import type { MarkInput, MarkResult, MarkTransport } from './queue';

/** Thrown when the server answers a sync with an error status; the queue keeps the batch. */
export class SyncHttpError extends Error {
  constructor(readonly status: number) {
    super(`mark sync failed with HTTP ${status}`);
  }
}

/** The REST fallback of the sync: POST /api/expert/marks with the session cookie. */
export const restTransport: MarkTransport = {
  async send(marks: readonly MarkInput[]): Promise<MarkResult[]> {
    const res = await fetch('/api/expert/marks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ marks }),
    });
    if (!res.ok) throw new SyncHttpError(res.status);
    return markBatchReplySchema.parse(await res.json()).results;
  },
};
