import { type Championship, compatriotKeyFor, getProfile, type MarkingScheme } from '@ashyq/shared';
import type { EventLog } from '../events/event-log';
import { LiveProjection } from '../events/live-projection';
import type { Store, StoredEvent } from '../store/port';
import { CompetitionRuntime } from './runtime';
import type { RuntimeContext } from './runtime-types';
import { runtimeProjection } from './runtime-state';
import { ReferenceRepository } from '../domain/reference';
import { collections } from '../collections';

export interface RegistryServices {
  store: Store;
  log: EventLog;
}

/** The competition cannot run: no such document, no marking scheme, or an unknown profile. */
export class CompetitionUnavailableError extends Error {
  constructor(
    readonly competitionId: string,
    readonly why: 'not_found' | 'no_scheme' | 'unknown_profile' | 'no_championship',
  ) {
    super(`Competition ${competitionId} cannot be opened: ${why}`);
    this.name = 'CompetitionUnavailableError';
  }
}

/** Told of each durable append to a competition's log, in the log's order. */
export type AppendListener = (competitionId: string, events: readonly StoredEvent[]) => void;

/**
 * The running competitions of this server, one runtime (and one log writer) each. A competition
 * is opened once its document has a marking scheme; opening replays its log from the latest
 * snapshot.
 */
export class CompetitionRegistry {
  private readonly runtimes = new Map<string, CompetitionRuntime>();
  private readonly opening = new Map<string, Promise<CompetitionRuntime>>();
  private readonly appendListeners = new Set<AppendListener>();

  constructor(private readonly services: RegistryServices) {}

  /** At start-up: every competition that has a scheme. */
  async loadAll(): Promise<void> {
    const stored = await new ReferenceRepository(this.services.store).list('competitions');
    for (const competition of stored) {
      if (!competition.scheme) continue;
      try {
        await this.open(competition.id);
      } catch (error) {
        // One misconfigured competition must not keep the others from running.
        if (!(error instanceof CompetitionUnavailableError)) throw error;
        console.error(error.message);
      }
    }
  }

  /** The competition's runtime, loading it on first use; concurrent callers share one load. */
  open(competitionId: string): Promise<CompetitionRuntime> {
    const running = this.runtimes.get(competitionId);
    if (running) return Promise.resolve(running);
    let loading = this.opening.get(competitionId);
    if (!loading) {
      loading = this.load(competitionId).finally(() => this.opening.delete(competitionId));
      this.opening.set(competitionId, loading);
    }
    return loading;
  }

  /** Subscribes to every competition's appends; returns the unsubscribe function. */
  onAppended(listener: AppendListener): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  get(competitionId: string): CompetitionRuntime | undefined {
    return this.runtimes.get(competitionId);
  }

  all(): CompetitionRuntime[] {
    return [...this.runtimes.values()];
  }

  /**
   * Re-reads the competition's documents after an organiser changed them. Policy, names, the
   * championship and the experts' delegations take effect at once; a new scheme version (allowed only before the first mark)
   * replays the log under the new scheme.
   */
  async refresh(competitionId: string): Promise<CompetitionRuntime> {
    const running = this.runtimes.get(competitionId);
    if (!running) return this.open(competitionId);
    const context = await this.contextOf(competitionId);
    if (context.competition.schemeVersion === running.context.competition.schemeVersion) {
      running.refreshed(context);
      return running;
    }
    this.runtimes.delete(competitionId);
    return this.open(competitionId);
  }

  /**
   * Whether the competition's log holds a mark: its scheme and rules profile are frozen from
   * then on. The running state knows it; a competition without a scheme has no log, so none.
   * One that cannot run (an unknown profile, say) is told by reading its log.
   */
  async hasMarks(competitionId: string): Promise<boolean> {
    try {
      return (await this.open(competitionId)).state.marked;
    } catch (error) {
      if (!(error instanceof CompetitionUnavailableError)) throw error;
      if (error.why === 'not_found' || error.why === 'no_scheme') return false;
    }
    for await (const event of this.services.log.read(competitionId)) {
      if (event.type === 'mark.recorded') return true;
    }
    return false;
  }

  /**
   * Stops running a competition whose documents are gone (a demo exam session deleted, its log
   * closed): nothing reaches its runtime through this registry any more.
   */
  async remove(competitionId: string): Promise<void> {
    await this.opening.get(competitionId)?.catch(() => undefined);
    this.runtimes.delete(competitionId);
  }

  private async load(competitionId: string): Promise<CompetitionRuntime> {
    const context = await this.contextOf(competitionId);
    const { competition, profile } = context;
    const live = await LiveProjection.load(
      this.services.log,
      competitionId,
      runtimeProjection({
        scheme: competition.scheme as MarkingScheme,
        profile,
        schemeVersion: competition.schemeVersion,
      }),
      { onAppended: (events) => this.notifyAppended(competitionId, events) },
    );
    const runtime = new CompetitionRuntime(context, live, this.services.store, this.services.log);
    this.runtimes.set(competitionId, runtime);
    return runtime;
  }

  private notifyAppended(competitionId: string, events: readonly StoredEvent[]): void {
    for (const listener of this.appendListeners) {
      try {
        listener(competitionId, events);
      } catch (error) {
        // The events are stored already: a failing listener must not fail the append's commands.
        console.error('An append listener failed', error);
      }
    }
  }

  private async contextOf(competitionId: string): Promise<RuntimeContext> {
    const reference = new ReferenceRepository(this.services.store);
    const competition = await reference.find('competitions', competitionId);
    if (!competition) throw new CompetitionUnavailableError(competitionId, 'not_found');
    if (!competition.scheme) throw new CompetitionUnavailableError(competitionId, 'no_scheme');
    const profile = getProfile(competition.profileId);
    if (!profile) throw new CompetitionUnavailableError(competitionId, 'unknown_profile');
    // Read as stored, not through the schema: an exam's championship carries its own marks
    // (demoExams, collegeId) that the boards and access rules look for.
    const championship = (
      await this.services.store.getDocument(collections.championships, competition.championshipId)
    )?.document as Championship | undefined;
    if (!championship) throw new CompetitionUnavailableError(competitionId, 'no_championship');
    return {
      competition,
      championship,
      profile,
      compatriotKey: compatriotKeyFor(profile, championship.level),
    };
  }
}
