import { describe, expect, it } from 'vitest';
import { nextScreenSlot, placedFirst, screenPages } from './screen';

const row = (competitor: string, position: number | null) => ({ competitor, position });

describe('placedFirst', () => {
  it('puts the rows without a place after the ranked ones, in their order', () => {
    const rows = [row('guest', null), row('a', 1), row('b', 1), row('absent', null), row('c', 3)];
    expect(placedFirst(rows)).toEqual([
      row('a', 1),
      row('b', 1),
      row('c', 3),
      row('guest', null),
      row('absent', null),
    ]);
  });
});

describe('screenPages', () => {
  it('cuts the rows into even pages so every competitor is shown and no page holds one row', () => {
    const rows = Array.from({ length: 23 }, (_, i) => row(`p${i}`, i + 1));
    const pages = screenPages(rows, 10);
    expect(pages.map((page) => page.length)).toEqual([8, 8, 7]);
    expect(pages.flat()).toEqual(rows);
    expect(screenPages(rows.slice(0, 11), 10).map((page) => page.length)).toEqual([6, 5]);
    expect(screenPages(rows.slice(0, 10), 10).map((page) => page.length)).toEqual([10]);
    expect(screenPages([], 10)).toEqual([]);
  });
});

describe('nextScreenSlot', () => {
  it("shows a competition's pages in turn, then moves on to the next competition", () => {
    const first = { turn: 0, competition: 0, page: 0 };
    const second = nextScreenSlot(first, 2);
    expect(second).toEqual({ turn: 1, competition: 0, page: 1 });
    expect(nextScreenSlot(second, 2)).toEqual({ turn: 2, competition: 1, page: 0 });
    expect(nextScreenSlot(first, 1)).toEqual({ turn: 1, competition: 1, page: 0 });
    expect(nextScreenSlot(first, 0)).toEqual({ turn: 1, competition: 1, page: 0 });
  });
});
