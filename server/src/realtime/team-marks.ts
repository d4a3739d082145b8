import type { MarkValue } from '@ashyq/shared';
import { teamAspectSubCriterion } from '../competitions/expert-view';
import type { CompetitionRuntime } from '../competitions/runtime';

/** A measurement cell as the team now holds it; null once its mark no longer counts. */
export interface TeamMark {
  competitor: string;
  aspect: string;
  mark: { id: string; value: MarkValue; at: string; expert: string; supersedes?: string } | null;
}

/** How long measurements gather before the teammates hear of them. */
const windowMs = 250;

/**
 * The `team-marks` pushes: the measurement cells marked since the last push, as they stand at
 * push time, to the experts of each cell's sub-criterion, and only while one of their tablets has
 * that sub-criterion open (`team:watch`; opening one reads the view again, which carries the
 * team's marks). Gathered for a quarter of a second, so a team entering hundreds of marks a
 * second sends each watching teammate a few messages a second, and a tablet that watches nothing
 * (the marking benchmark's) costs nothing.
 *
 * One push per sub-criterion, the same for every watcher of it, so it is serialised once however
 * many teammates watch. The author of a mark hears of it too and its tablet leaves it out
 * (client/src/expert/live-view.ts): leaving each watcher's own marks out here would make every
 * watcher's push different, serialised once per tablet.
 */
export class TeamMarkPushes {
  /** Per competition: the cells marked since its last push, and the timer of its next one. */
  private readonly pending = new Map<
    CompetitionRuntime,
    { cells: Map<string, [string, string]>; timer: NodeJS.Timeout }
  >();

  constructor(
    private readonly watching: (competitionId: string, expertId: string, sub: string) => boolean,
    private readonly emit: (
      competitionId: string,
      watchers: readonly string[],
      sub: string,
      marks: TeamMark[],
    ) => void,
  ) {}

  /**
   * A measurement cell was marked; the push follows within the window. Each competition keeps
   * its own window, so busy competitions push at different moments, not in one burst.
   */
  touched(runtime: CompetitionRuntime, competitor: string, aspect: string): void {
    let pending = this.pending.get(runtime);
    if (!pending) {
      const timer = setTimeout(() => this.flush(runtime), windowMs);
      this.pending.set(runtime, (pending = { cells: new Map(), timer }));
    }
    pending.cells.set(`${competitor}|${aspect}`, [competitor, aspect]);
  }

  private flush(runtime: CompetitionRuntime): void {
    const cells = this.pending.get(runtime)?.cells;
    this.pending.delete(runtime);
    if (!cells) return;
    const state = runtime.state;
    const bySub = new Map<string, { watchers: string[]; marks: TeamMark[] }>();
    for (const [competitor, aspect] of cells.values()) {
      const sub = teamAspectSubCriterion(state, aspect);
      if (!sub) continue;
      let push = bySub.get(sub);
      if (!push) {
        const watchers = (state.panels.get(sub) ?? []).filter((expertId) =>
          this.watching(runtime.id, expertId, sub),
        );
        bySub.set(sub, (push = { watchers, marks: [] }));
      }
      if (push.watchers.length === 0) continue;
      const [current] = state.scoring.currentMarks(competitor, aspect) ?? [];
      const mark = current
        ? {
            id: current.id,
            value: current.value,
            at: current.at,
            expert: current.expert,
            supersedes: current.supersedes,
          }
        : null;
      push.marks.push({ competitor, aspect, mark });
    }
    for (const [sub, { watchers, marks }] of bySub) {
      if (marks.length > 0) this.emit(runtime.id, watchers, sub, marks);
    }
  }

  close(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
