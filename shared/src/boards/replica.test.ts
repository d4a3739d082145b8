import { describe, expect, it } from 'vitest';
import { diffJson } from './json-diff';
import { BoardReplica } from './replica';

const board = (total: number) => ({ rows: [{ competitor: 'p1', total }] });
const diff = (from: number, version: number, a: number, b: number, epoch = 'e1') => ({
  room: 'competition:c',
  epoch,
  from,
  version,
  ops: diffJson(board(a), board(b)),
});

describe('BoardReplica', () => {
  it('applies diffs in order after the snapshot and ignores ones it holds', () => {
    const replica = new BoardReplica<ReturnType<typeof board>>();
    replica.snapshot({ room: 'competition:c', epoch: 'e1', version: 3, data: board(1) });
    expect(replica.diff(diff(3, 5, 1, 2))).toBe('applied');
    expect(replica.diff(diff(3, 5, 1, 2))).toBe('stale');
    expect(replica.data).toEqual(board(2));
    expect(replica.version).toBe(5);
  });

  it('keeps a diff that overtook the snapshot and applies it afterwards', () => {
    const replica = new BoardReplica<ReturnType<typeof board>>();
    expect(replica.diff(diff(3, 4, 1, 7))).toBe('buffered');
    replica.snapshot({ room: 'competition:c', epoch: 'e1', version: 3, data: board(1) });
    expect(replica.data).toEqual(board(7));
  });

  it('reports a gap for a missed version or another server', () => {
    const replica = new BoardReplica<ReturnType<typeof board>>();
    replica.snapshot({ room: 'competition:c', epoch: 'e1', version: 3, data: board(1) });
    expect(replica.diff(diff(4, 5, 1, 2))).toBe('gap');
    expect(replica.diff(diff(3, 5, 1, 2, 'e2'))).toBe('gap');
    expect(replica.data).toEqual(board(1));
  });

  it('reports a gap and forgets its version when a diff does not fit its copy', () => {
    const replica = new BoardReplica<ReturnType<typeof board>>();
    replica.snapshot({ room: 'competition:c', epoch: 'e1', version: 3, data: board(1) });
    const unfit = {
      room: 'competition:c',
      epoch: 'e1',
      from: 3,
      version: 4,
      ops: [{ op: 'replace' as const, path: '/rows/7/total', value: 2 }],
    };
    expect(replica.diff(unfit)).toBe('gap');
    expect(replica.data).toEqual(board(1));
    // The next join carries no version, so the server answers with a snapshot.
    expect([replica.epoch, replica.version]).toEqual([undefined, undefined]);
  });
});
