import type { Services } from '../services';
import { BoardData } from './board-data';
import { CeremonyStore } from './ceremonies';
import { LogFollower } from './follower';

type ChangeListener = (competitionId: string) => void;

/**
 * The boards of one server: payloads (HTTP and /board share them), ceremonies, and the follower
 * of competitions another instance writes. One per Services, created on first use, so the HTTP
 * routes and the realtime side find the same one without widening Services.
 */
export class Boards {
  readonly ceremonies: CeremonyStore;
  readonly follower: LogFollower;
  readonly data: BoardData;
  private readonly listeners = new Set<ChangeListener>();

  constructor(services: Services) {
    this.ceremonies = new CeremonyStore(services.store);
    this.follower = new LogFollower(services.log);
    this.data = new BoardData(services, this.ceremonies, (runtime) =>
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

const boardsByServices = new WeakMap<Services, Boards>();

export function boardsOf(services: Services): Boards {
  let boards = boardsByServices.get(services);
  if (!boards) {
    boards = new Boards(services);
    boardsByServices.set(services, boards);
  }
  return boards;
}
