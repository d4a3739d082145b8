import { z } from 'zod';
import { ceremonyModes, type BoardRow, type CeremonyMode, type CeremonyView } from './types';

export const ceremonyModeSchema = z.enum(ceremonyModes);

/** A reveal as the organiser runs it; kept in the store so a restart keeps the step. */
export interface CeremonyState {
  competitionId: string;
  mode: CeremonyMode;
  step: number;
  startedAt: string;
}

const medalOrder = ['bronze', 'silver', 'gold'] as const;

/**
 * The competitor ids revealed at each step, in order. Competitors tied on a position are
 * revealed together. Rows without a position (guests, absent) take no part: they appear when
 * the ceremony ends.
 */
export function revealGroups(rows: readonly BoardRow[], mode: CeremonyMode): string[][] {
  const ranked = rows.filter((row) => row.position !== null);
  const byPosition = (list: readonly BoardRow[]) => {
    const groups = new Map<number, string[]>();
    for (const row of list) {
      const group = groups.get(row.position!) ?? [];
      group.push(row.competitor);
      groups.set(row.position!, group);
    }
    return [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([, ids]) => ids);
  };
  if (mode === 'ascending') return byPosition(ranked);
  const withoutMedal = ranked.filter((row) => row.medal === null).map((row) => row.competitor);
  const medalGroups = medalOrder.flatMap((medal) =>
    byPosition(ranked.filter((row) => row.medal === medal)),
  );
  return [...(withoutMedal.length > 0 ? [withoutMedal] : []), ...medalGroups];
}

/** The step clamped to what the rows allow: 0 (nothing shown) to every group revealed. */
export function clampStep(rows: readonly BoardRow[], mode: CeremonyMode, step: number): number {
  return Math.max(0, Math.min(step, revealGroups(rows, mode).length));
}

/** The rows a board shows at this step of the reveal (in board order) and where it stands. */
export function revealAt(
  rows: readonly BoardRow[],
  mode: CeremonyMode,
  step: number,
): { rows: BoardRow[]; view: CeremonyView } {
  const groups = revealGroups(rows, mode);
  const at = Math.max(0, Math.min(step, groups.length));
  const shown = new Set(groups.slice(0, at).flat());
  const rankedCount = groups.reduce((sum, group) => sum + group.length, 0);
  return {
    rows: rows.filter((row) => shown.has(row.competitor)),
    view: {
      mode,
      step: at,
      steps: groups.length,
      latest: at > 0 ? groups[at - 1]! : [],
      hidden: rankedCount - shown.size,
    },
  };
}
