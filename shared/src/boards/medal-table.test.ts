import { describe, expect, it } from 'vitest';
import { medalTables, type MedalRow } from './medal-table';

const row = (
  regionId: string,
  collegeId: string,
  medal: MedalRow['medal'],
  medallion = false,
): MedalRow => ({ regionId, collegeId, medal, medallion });

describe('medalTables', () => {
  it('counts gold 4, silver 3, bronze 2, medallion 1 by region and by college', () => {
    const { regions, colleges } = medalTables([
      row('astana', 'c1', 'gold'),
      row('astana', 'c2', null, true),
      row('almaty', 'c3', 'silver'),
      row('almaty', 'c3', 'bronze'),
      row('shymkent', 'c4', null),
    ]);
    expect(regions.map((r) => [r.team, r.points, r.position])).toEqual([
      ['astana', 5, 1],
      ['almaty', 5, 2],
      ['shymkent', 0, 3],
    ]);
    expect(colleges.map((c) => [c.team, c.points, c.position])).toEqual([
      ['c3', 5, 1],
      ['c1', 4, 2],
      ['c2', 1, 3],
      ['c4', 0, 4],
    ]);
  });

  it('breaks equal points by golds, then silvers, then bronzes', () => {
    const { regions } = medalTables([
      row('a', 'x', 'bronze'),
      row('a', 'x', 'bronze'),
      row('a', 'x', 'bronze'),
      row('b', 'y', 'silver'),
      row('b', 'y', 'silver'),
      row('c', 'z', 'gold'),
      row('c', 'z', 'bronze'),
    ]);
    expect(regions.map((r) => [r.team, r.points, r.position])).toEqual([
      ['c', 6, 1],
      ['b', 6, 2],
      ['a', 6, 3],
    ]);
  });

  it('leaves out rows without a region or college', () => {
    const { regions, colleges } = medalTables([
      { regionId: null, collegeId: null, medal: 'gold', medallion: false },
    ]);
    expect(regions).toEqual([]);
    expect(colleges).toEqual([]);
  });
});
