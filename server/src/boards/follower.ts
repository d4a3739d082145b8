import type { CompetitionRuntime } from '../competitions/runtime';
import { runtimeProjection, type RuntimeState } from '../competitions/runtime-state';
import type { EventLog } from '../events/event-log';

interface Followed {
  state: RuntimeState;
  seq: number;
  /** The scheme version the state was replayed under; a new one means replaying again. */
  schemeVersion: number;
}

/**
 * With several instances on one store, each competition has one writer (the instance its
 * experts reach). The other instances hear of its appends (a `appended` message through the
 * Socket.IO Redis adapter) and follow: they read the new events from the store into a state of
 * their own, which their boards are computed from. The local runtime is never touched.
 */
export class LogFollower {
  private readonly followed = new Map<string, Followed>();
  private readonly advancing = new Map<string, Promise<void>>();

  constructor(private readonly log: EventLog) {}

  /** The followed state when another instance writes this competition, else the runtime's. */
  stateOf(runtime: CompetitionRuntime): RuntimeState {
    const followed = this.followed.get(runtime.id);
    return followed && followed.seq > runtime.head.seq ? followed.state : runtime.state;
  }

  /** Reads the competition's events up to (at least) `seq`; concurrent calls share one read. */
  advance(runtime: CompetitionRuntime, seq: number): Promise<void> {
    const running = this.advancing.get(runtime.id) ?? Promise.resolve();
    const next = running
      .catch(() => undefined)
      .then(() => this.readUpTo(runtime, seq))
      .finally(() => {
        if (this.advancing.get(runtime.id) === next) this.advancing.delete(runtime.id);
      });
    this.advancing.set(runtime.id, next);
    return next;
  }

  private async readUpTo(runtime: CompetitionRuntime, seq: number): Promise<void> {
    const { competition, profile } = runtime.context;
    let followed = this.followed.get(runtime.id);
    if (followed && followed.seq >= seq) return;
    const projection = runtimeProjection({
      scheme: competition.scheme!,
      profile,
      schemeVersion: competition.schemeVersion,
    });
    if (!followed || followed.schemeVersion !== competition.schemeVersion) {
      const replayed = await this.log.replay(runtime.id, projection);
      followed = {
        state: replayed.state,
        seq: replayed.head.seq,
        schemeVersion: competition.schemeVersion,
      };
      this.followed.set(runtime.id, followed);
      return;
    }
    for await (const event of this.log.read(runtime.id, followed.seq + 1)) {
      followed.state = projection.apply(followed.state, event);
      followed.seq = event.seq;
    }
  }
}
