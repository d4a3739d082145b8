import { BoardData, type BoardSources } from './board-data';
import { CeremonyStore } from './ceremonies';
import { LogFollower } from './follower';

type ChangeListener = (competitionId: string) => void;

/**
 * The boards of one server: payloads (HTTP and /board share them), ceremonies, and the follower
 * of competitions another instance writes. Built once in createServices (server/src/services.ts),
 * so the HTTP routes and the realtime side use the same one.
 */
export class Boards {
  readonly ceremonies: CeremonyStore;
  readonly follower: LogFollower;
  readonly data: BoardData;
  private readonly listeners = new Set<ChangeListener>();

  constructor(sources: BoardSources) {
    this.ceremonies = new CeremonyStore(sources.store);
    this.follower = new LogFollower(sources.log);
    this.data = new BoardData(sources, this.ceremonies, (runtime) =>
      this.follower.stateOf(runtime),
    );
  }

  /** Something not in the log changed what a competition's board shows (a ceremony step). */
  changed(competitionId: string): void {
    for (const listener of this.listeners) listener(competitionId);
  }

  onChanged(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
