import { describe, expect, it } from 'vitest';
import {
  filterOptions,
  filterRows,
  noFilter,
  placeLabels,
  positionsOf,
  rankMoves,
  samePlaces,
  shortCriterionName,
  shortCriterionNames,
  updatedAgo,
} from './standings';

const placed = (competitor: string, position: number | null) => ({ competitor, position });

describe('placeLabels', () => {
  it('writes a shared place "=1" on every row holding it, a place held alone as its number', () => {
    const rows = [
      placed('a', 1),
      placed('b', 1),
      placed('c', 3),
      placed('d', 4),
      placed('g', null),
    ];
    expect(placeLabels(rows)).toEqual(['=1', '=1', '3', '4', '']);
    expect(placeLabels([placed('a', 1), placed('b', 2), placed('c', 2)])).toEqual([
      '1',
      '=2',
      '=2',
    ]);
    expect(placeLabels([])).toEqual([]);
  });
});

describe('rankMoves', () => {
  it('marks who went up and down and by how many places, and no one else', () => {
    const before = positionsOf([placed('a', 1), placed('b', 2), placed('c', 3), placed('g', null)]);
    const after = [
      placed('c', 1),
      placed('a', 2),
      placed('b', 3),
      placed('g', null),
      placed('n', 4),
    ];
    const moves = rankMoves(before, after);
    expect(Object.fromEntries(moves)).toEqual({
      c: { direction: 'up', by: 2 },
      a: { direction: 'down', by: 1 },
      b: { direction: 'down', by: 1 },
    });
  });

  it('shows nothing on the first ranking or when a tie forms without anyone passing', () => {
    expect(rankMoves(new Map(), [placed('a', 1)]).size).toBe(0);
    const before = positionsOf([placed('a', 1), placed('b', 2)]);
    expect(Object.fromEntries(rankMoves(before, [placed('a', 1), placed('b', 1)]))).toEqual({
      b: { direction: 'up', by: 1 },
    });
  });
});

describe('samePlaces', () => {
  it('tells an update that moved no one from one that did', () => {
    const a = positionsOf([placed('a', 1), placed('b', 2)]);
    expect(samePlaces(a, positionsOf([placed('a', 1), placed('b', 2)]))).toBe(true);
    expect(samePlaces(a, positionsOf([placed('b', 1), placed('a', 2)]))).toBe(false);
    expect(samePlaces(a, positionsOf([placed('a', 1)]))).toBe(false);
  });
});

describe('updatedAgo', () => {
  const t0 = Date.parse('2026-05-12T10:00:00Z');
  it('says "just now" for under 5 s, then seconds, minutes and hours rounded down', () => {
    expect(updatedAgo(t0, t0)).toEqual({ key: 'justNow' });
    expect(updatedAgo(t0, t0 + 4_999)).toEqual({ key: 'justNow' });
    expect(updatedAgo(t0, t0 + 5_000)).toEqual({ key: 'seconds', count: 5 });
    expect(updatedAgo(t0, t0 + 59_999)).toEqual({ key: 'seconds', count: 59 });
    expect(updatedAgo(t0, t0 + 60_000)).toEqual({ key: 'minutes', count: 1 });
    expect(updatedAgo(t0, t0 + 3_599_000)).toEqual({ key: 'minutes', count: 59 });
    expect(updatedAgo(t0, t0 + 7_300_000)).toEqual({ key: 'hours', count: 2 });
  });
  it('treats a clock a little behind the update as "just now"', () => {
    expect(updatedAgo(t0, t0 - 2_000)).toEqual({ key: 'justNow' });
  });
});

const row = (
  competitor: string,
  last: string,
  regionId: string | null,
  collegeId: string | null,
  college: string | null,
) => ({
  competitor,
  name: { last, first: 'Айгерім' },
  regionId,
  collegeId,
  college: college ? { kk: `${college} колледжі`, ru: `Колледж ${college}`, en: '' } : null,
});

describe('filterRows', () => {
  const rows = [
    row('WEB-01', 'Ахметова', 'astana', 'c1', 'Астана'),
    row('WEB-02', 'Сёмина', 'almaty-city', 'c2', 'Алатау'),
    row('WEB-03', 'Бекова', 'astana', 'c3', 'Сарыарқа'),
    row('WEB-04', 'Ли', null, null, null),
  ];
  const ids = (kept: typeof rows) => kept.map((r) => r.competitor);

  it('keeps every row without a filter', () => {
    expect(ids(filterRows(rows, noFilter))).toEqual(['WEB-01', 'WEB-02', 'WEB-03', 'WEB-04']);
  });

  it('narrows by region and by college', () => {
    expect(ids(filterRows(rows, { ...noFilter, regionId: 'astana' }))).toEqual([
      'WEB-01',
      'WEB-03',
    ]);
    expect(ids(filterRows(rows, { ...noFilter, collegeId: 'c2' }))).toEqual(['WEB-02']);
    expect(ids(filterRows(rows, { query: '', regionId: 'astana', collegeId: 'c2' }))).toEqual([]);
  });

  it('finds every word of the query in the name, number, college or region, whatever the case', () => {
    expect(ids(filterRows(rows, { ...noFilter, query: 'ахмет' }))).toEqual(['WEB-01']);
    expect(ids(filterRows(rows, { ...noFilter, query: '  web-04 ' }))).toEqual(['WEB-04']);
    expect(ids(filterRows(rows, { ...noFilter, query: 'Сарыарқа колледжі' }))).toEqual(['WEB-03']);
    expect(ids(filterRows(rows, { ...noFilter, query: 'семина' }))).toEqual(['WEB-02']);
    expect(ids(filterRows(rows, { ...noFilter, query: 'бекова алатау' }))).toEqual([]);
  });
});

describe('filterOptions', () => {
  it('lists each region and college on the board once, in the alphabet of the language', () => {
    const rows = [
      row('1', 'А', 'astana', 'c2', 'Сарыарқа'),
      row('2', 'Б', 'almaty-city', 'c1', 'Алатау'),
      row('3', 'В', 'astana', 'c2', 'Сарыарқа'),
      row('4', 'Г', null, null, null),
    ];
    const { regions, colleges } = filterOptions(rows, 'ru');
    expect(regions.map((r) => r.id)).toEqual(['almaty-city', 'astana']);
    expect(colleges).toEqual([
      { id: 'c1', label: 'Колледж Алатау' },
      { id: 'c2', label: 'Колледж Сарыарқа' },
    ]);
    expect(filterOptions(rows, 'kk').colleges[0]).toEqual({ id: 'c1', label: 'Алатау колледжі' });
  });
});

describe('shortCriterionName', () => {
  it('keeps a short name, else its first word, else that word cut with a full stop', () => {
    expect(shortCriterionName('Серверная часть', 16)).toBe('Серверная часть');
    expect(shortCriterionName('Дизайн веб-интерфейса')).toBe('Дизайн');
    expect(shortCriterionName('Безопасность и организация работы', 9)).toBe('Безопасн.');
  });
});

describe('shortCriterionNames', () => {
  it('sets apart criteria whose short names would read alike', () => {
    expect(
      shortCriterionNames([
        'Гигиена и организация работы',
        'Холодная закуска',
        'Горячее блюдо из птицы',
        'Горячее блюдо из говядины',
        'Десерт',
      ]),
    ).toEqual(['Гигиена', 'Холодная', 'Горячее птицы', 'Горячее говядины', 'Десерт']);
    expect(shortCriterionNames(['Серверная часть', 'Дизайн'])).toEqual(['Серверная', 'Дизайн']);
  });
});
