import type { Namespace } from 'socket.io';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardDiffMessage, Json } from '@ashyq/shared';
import { BoardHub } from './hub';

/** Just enough of a /board namespace: who watches which room, and what was sent to it. */
function fakeNamespace(watchers: Record<string, number>) {
  const sent: { room: string; at: number; diff: BoardDiffMessage }[] = [];
  const rooms = new Map(
    Object.entries(watchers).map(([room, n]) => [room, new Set(Array.from({ length: n }, String))]),
  );
  const namespace = {
    adapter: { rooms },
    local: {
      to: (room: string) => ({
        emit: (_event: string, diff: BoardDiffMessage) => sent.push({ room, at: Date.now(), diff }),
      }),
    },
  } as unknown as Namespace;
  return { namespace, sent };
}

/** A hub whose one room shows a count of marks the test moves, already joined by its watchers. */
async function progressHub(watchers: number) {
  const { namespace, sent } = fakeNamespace({ 'competition:c1': watchers });
  const board = { marked: 0 };
  const hub = new BoardHub(namespace, async () => ({ progress: { marked: board.marked } }) as Json);
  await hub.join('competition:c1');
  return { hub, sent, board, start: Date.now() };
}

describe('BoardHub', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a mark at once even when the periodic check has just found nothing new', async () => {
    vi.useFakeTimers();
    const { hub, sent, board, start } = await progressHub(3);
    hub.recheck('competition:c1');
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual([]);
    board.marked = 1;
    hub.changed('competition:c1');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map(({ at }) => at - start)).toEqual([10]);
    expect(sent[0]!.diff.ops).toEqual([{ op: 'replace', path: '/progress/marked', value: 1 }]);
    hub.close();
  });

  it('still sends a burst of marks as one update at the end of the interval', async () => {
    vi.useFakeTimers();
    const { hub, sent, board, start } = await progressHub(1);
    for (let n = 1; n <= 5; n++) {
      board.marked = n;
      hub.changed('competition:c1');
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.map(({ at }) => at - start)).toEqual([0, 250]);
    expect(sent.at(-1)!.diff.ops).toEqual([{ op: 'replace', path: '/progress/marked', value: 5 }]);
    hub.close();
  });

  it('computes nothing for a room nobody watches', async () => {
    const { namespace, sent } = fakeNamespace({});
    const source = vi.fn(async () => ({}) as Json);
    const hub = new BoardHub(namespace, source);
    hub.changed('competition:c1');
    hub.recheck('competition:c1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(source).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    hub.close();
  });
});
