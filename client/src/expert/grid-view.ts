import type { Aspect } from '@ashyq/shared';
import {
  acceptsCorrection,
  acceptsEntry,
  acceptsRescore,
  cellKey,
  panelScores,
  type CellMark,
  type ExpertView,
  type PanelScores,
} from './view';

/**
 * What the marking grid and its entry panel show, decided without React: the screen components
 * only draw what these functions return. See docs/expert-tablet.md for the cell states.
 */

/**
 * A cell's state as the expert reads it: no mark yet and one is needed ("empty"), a mark on the
 * tablet, on the server or refused, or no mark needed because the judging panel is already full.
 */
export type CellState = 'empty' | 'queued' | 'saved' | 'rejected' | 'notNeeded';

/**
 * Every look the legend explains, in the order it lists them: the cell states, a teammate's
 * measurement (saved, lighter) and a locked sub-criterion.
 */
export const legendStates = [
  'empty',
  'saved',
  'team',
  'queued',
  'rejected',
  'notNeeded',
  'locked',
] as const;
export type LegendState = (typeof legendStates)[number];

/** Whether the judging panel already has all its scores for this cell without this expert. */
export function isPanelFull(view: ExpertView, competitor: string, aspect: string): boolean {
  return !!view.fullPanels?.some(
    (full) => full.competitor === competitor && full.aspect === aspect,
  );
}

export function cellState(
  view: ExpertView,
  competitor: string,
  aspect: string,
  cell: CellMark | undefined,
): CellState {
  if (acceptsEntry(cell) && isPanelFull(view, competitor, aspect)) return 'notNeeded';
  return cell?.state ?? 'empty';
}

/**
 * What the entry panel offers for the selected cell, one thing only, so that it never shows two
 * lines that contradict each other (a locked cell, or one the panel needs no score for, shows
 * neither the entry buttons nor a promise of the panel's scores).
 */
export type EntryMode =
  'locked' | 'notNeeded' | 'entry' | 'rescore' | 'offerRescore' | 'offerCorrection' | 'done';

export function entryMode(
  aspect: Aspect,
  state: CellState,
  cell: CellMark | undefined,
  context: { locked: boolean; requested: boolean },
): EntryMode {
  if (context.locked) return 'locked';
  if (state === 'notNeeded') return 'notNeeded';
  if (acceptsEntry(cell)) return 'entry';
  if (acceptsRescore(aspect, cell)) return context.requested ? 'rescore' : 'offerRescore';
  if (acceptsCorrection(aspect, cell)) return 'offerCorrection';
  return 'done';
}

/**
 * The panel's side of a judgement cell: its scores once this judge's own score counts, "blind"
 * while the judge still has to score, nothing when the judge has nothing to score.
 */
export function panelShown(
  view: ExpertView,
  aspect: Aspect,
  competitor: string,
  mode: EntryMode,
): { kind: 'scores'; panel: PanelScores } | { kind: 'blind' } | null {
  if (aspect.type !== 'J') return null;
  const panel = panelScores(view, aspect, competitor);
  if (panel) return { kind: 'scores', panel };
  return mode === 'entry' || mode === 'rescore' ? { kind: 'blind' } : null;
}

/**
 * The next competitor down the column (then from the top) still waiting for this expert's mark,
 * where a first entry moves on to, as experts mark one aspect across competitors.
 */
export function nextToMark(
  view: ExpertView,
  cells: ReadonlyMap<string, CellMark>,
  from: { competitor: string; aspect: string },
): string | null {
  const start = view.competitors.findIndex((person) => person.id === from.competitor);
  const order = [...view.competitors.slice(start + 1), ...view.competitors.slice(0, start)];
  const next = order.find((person) => {
    const state = cellState(
      view,
      person.id,
      from.aspect,
      cells.get(cellKey(person.id, from.aspect)),
    );
    return person.id !== from.competitor && (state === 'empty' || state === 'rejected');
  });
  return next?.id ?? null;
}

/** How many cells of a sub-criterion still wait for this expert: the tab's progress. */
export function cellsToMark(
  view: ExpertView,
  aspects: readonly Aspect[],
  cells: ReadonlyMap<string, CellMark>,
): number {
  let left = 0;
  for (const person of view.competitors) {
    for (const aspect of aspects) {
      const state = cellState(
        view,
        person.id,
        aspect.code,
        cells.get(cellKey(person.id, aspect.code)),
      );
      if (state === 'empty' || state === 'rejected') left += 1;
    }
  }
  return left;
}

/** A column heading: the aspect's number within the sub-criterion and its maximum mark. */
export function aspectHeading(aspect: Aspect): { short: string; max: number } {
  return { short: aspect.code.split('.')[1] ?? aspect.code, max: aspect.maxMark };
}

/** A box's top and bottom on screen, in CSS pixels (getBoundingClientRect's). */
export interface Span {
  top: number;
  bottom: number;
}

/**
 * How far to scroll the page (positive: down) so the grid stays usable while the entry is open
 * and covers the screen below `room` (the sheet's top; the screen's height when the entry sits
 * beside the grid): nothing when the whole grid is already in sight; else the grid's top to the
 * screen's top, as many rows as fit, when the selected row is still in sight then; else just
 * enough to show the selected row.
 */
export function entryScroll(grid: Span, row: Span, room: number): number {
  if (grid.top >= 0 && grid.bottom <= room) return 0;
  if (row.bottom - grid.top <= room) return grid.top;
  if (row.top >= 0 && row.bottom <= room) return 0;
  return row.top < 0 ? row.top : row.bottom - room;
}

export interface Extent {
  left: number;
  right: number;
}

/**
 * How far to scroll a grid that scrolls sideways (positive: right) so the selected cell is whole
 * in sight inside its box and clear of the names column that stays on its left (`names` is that
 * column's right edge; the box's left when the names scroll with the grid). A cell wider than
 * the room shows its left edge.
 */
export function sidewaysScroll(box: Extent, cell: Extent, names: number): number {
  const left = Math.max(box.left, names);
  if (cell.left < left) return cell.left - left;
  if (cell.right > box.right) return Math.min(cell.right - box.right, cell.left - left);
  return 0;
}
