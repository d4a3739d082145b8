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
 * push time, to each expert of the cell's sub-criterion but the one whose mark it is, and only
 * while one of its tablets has that sub-criterion open (`team:watch`; opening one reads the view
 * again, which carries the team's marks). Gathered for a quarter of a second, so a team entering
 * hundreds of marks a second sends each watching teammate a few messages a second, and a tablet
 * that watches nothing (the marking benchmark's) costs nothing.
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
      expertId: string,
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
    const byWatcher = new Map<string, { expertId: string; sub: string; marks: TeamMark[] }>();
    for (const [competitor, aspect] of cells.values()) {
      const sub = teamAspectSubCriterion(state, aspect);
      if (!sub) continue;
      const watchers = (state.panels.get(sub) ?? []).filter((expertId) =>
        this.watching(runtime.id, expertId, sub),
      );
      if (watchers.length === 0) continue;
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
      for (const expertId of watchers) {
        if (expertId === mark?.expert) continue;
        const key = `${expertId}|${sub}`;
        let push = byWatcher.get(key);
        if (!push) byWatcher.set(key, (push = { expertId, sub, marks: [] }));
        push.marks.push({ competitor, aspect, mark });
      }
    }
    for (const { expertId, sub, marks } of byWatcher.values()) {
      this.emit(runtime.id, expertId, sub, marks);
    }
  }

  close(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
