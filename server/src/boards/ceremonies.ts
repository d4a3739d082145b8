import { z } from 'zod';
import { ceremonyModeSchema, type CeremonyMode, type CeremonyState } from '@ashyq/shared';
import type { Store } from '../store/port';

/** One document per competition whose results are being revealed; none when no ceremony runs. */
const collection = 'ceremonies';

const ceremonyStateSchema = z.object({
  competitionId: z.string(),
  mode: ceremonyModeSchema,
  step: z.number().int().min(0),
  startedAt: z.string(),
}) satisfies z.ZodType<CeremonyState>;

/**
 * Ceremony reveals kept in the store, not in memory, so a restarted server (or another
 * instance) shows the same step.
 */
export class CeremonyStore {
  constructor(private readonly store: Store) {}

  async get(competitionId: string): Promise<CeremonyState | undefined> {
    const stored = await this.store.getDocument(collection, competitionId);
    return stored && ceremonyStateSchema.parse(stored.document);
  }

  async start(competitionId: string, mode: CeremonyMode): Promise<CeremonyState> {
    const state: CeremonyState = {
      competitionId,
      mode,
      step: 0,
      startedAt: new Date().toISOString(),
    };
    await this.store.putDocument(collection, { id: competitionId, ...state });
    return state;
  }

  async setStep(state: CeremonyState, step: number): Promise<CeremonyState> {
    const next = { ...state, step };
    await this.store.putDocument(collection, { id: state.competitionId, ...next });
    return next;
  }

  async end(competitionId: string): Promise<boolean> {
    return this.store.deleteDocument(collection, competitionId);
  }
}
