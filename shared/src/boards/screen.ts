import type { BoardRow } from './types';

/**
 * Ranked rows in their order, then those without a place (guests, absent, withdrawn), so a
 * guest's total never sits above the first place.
 */
export function placedFirst<Row extends Pick<BoardRow, 'position'>>(rows: readonly Row[]): Row[] {
  return [
    ...rows.filter((row) => row.position !== null),
    ...rows.filter((row) => row.position === null),
  ];
}

/**
 * The big screen's pages of at most `perPage` rows, in the board's order (placed rows first:
 * every board, live, locked or frozen, sends them so). The rows are shared out evenly, so no
 * page ends up with one lonely row: 17 rows of at most 8 a page are 6, 6 and 5.
 */
export function screenPages<Row>(rows: readonly Row[], perPage: number): Row[][] {
  if (rows.length === 0) return [];
  const count = Math.ceil(rows.length / perPage);
  const pages: Row[][] = [];
  let start = 0;
  for (let page = 0; page < count; page++) {
    // The first pages take the extra row, so a page never holds more than the one before.
    const size = Math.ceil((rows.length - start) / (count - page));
    pages.push(rows.slice(start, start + size));
    start += size;
  }
  return pages;
}

/** Where the big screen's rotation stands: the turn counts every change (for the languages). */
export interface ScreenSlot {
  turn: number;
  competition: number;
  page: number;
}

/** The next turn: the current competition's next page, or the next competition's first. */
export function nextScreenSlot(slot: ScreenSlot, pages: number): ScreenSlot {
  return slot.page + 1 < pages
    ? { ...slot, turn: slot.turn + 1, page: slot.page + 1 }
    : { turn: slot.turn + 1, competition: slot.competition + 1, page: 0 };
}
