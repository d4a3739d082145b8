import type { EventLog } from '../events/event-log';
import { publicationOf } from './board';
import type { RuntimeContext } from '../competitions/runtime-types';
import { runtimeProjection, type RuntimeState } from '../competitions/runtime-state';

/** The freeze time of the competition's publication, its own or else its championship's. */
export function freezeTimeOf(context: RuntimeContext): string | undefined {
  return publicationOf(context).freezeAt;
}

/**
 * The competition's state as it stood at `at`: the log replayed up to that moment into a
 * projection of its own, so the live one is never touched. Appends are stamped in order, so the
 * first later event ends the replay.
 */
export async function stateAsOf(
  log: EventLog,
  context: RuntimeContext,
  at: string,
): Promise<RuntimeState> {
  const { competition, profile } = context;
  const projection = runtimeProjection({
    scheme: competition.scheme!,
    profile,
    schemeVersion: competition.schemeVersion,
  });
  const until = Date.parse(at);
  let state = projection.initial();
  for await (const event of log.read(competition.id)) {
    if (Date.parse(event.at) > until) break;
    state = projection.apply(state, event);
  }
  return state;
}
