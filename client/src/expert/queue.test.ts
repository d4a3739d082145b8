import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MarkQueue,
  memoryStore,
  newMarkId,
  type MarkInput,
  type MarkResult,
  type MarkTransport,
} from './queue';

const mark = (id: string, score = 2): MarkInput => ({
  id,
  competitor: 'web-01',
  aspect: 'C1.J1',
  value: { kind: 'judgement', score },
});

/** A fake server that acknowledges idempotently and can be switched off. */
function fakeServer(reject: (m: MarkInput) => string | null = () => null) {
  const received = new Set<string>();
  const state = { up: true, requests: 0 };
  const transport: MarkTransport = {
    async send(marks) {
      state.requests += 1;
      if (!state.up) throw new TypeError('Failed to fetch');
      return marks.map((m): MarkResult => {
        const reason = reject(m);
        if (reason) return { id: m.id, status: 'rejected', reason, params: { aspect: m.aspect } };
        if (received.has(m.id)) return { id: m.id, status: 'duplicate' };
        received.add(m.id);
        return { id: m.id, status: 'accepted' };
      });
    },
  };
  return { transport, received, state };
}

/** Lets every pending promise of the queue run (the fake transport never waits on real I/O). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A timer the test fires by hand, so nothing depends on real time. */
function manualTimer() {
  const pending: (() => void)[] = [];
  return {
    setTimer: (run: () => void, ms: number) => {
      expect(ms).toBeGreaterThan(0);
      pending.push(run);
      return () => pending.splice(pending.indexOf(run), 1);
    },
    fire: () => pending.splice(0).forEach((run) => run()),
    pending,
  };
}

describe('MarkQueue', () => {
  it('stores a mark before sending it and marks it saved when the server accepts', async () => {
    const store = memoryStore();
    const server = fakeServer();
    let storedBeforeSend = false;
    const queue = new MarkQueue(store, {
      async send(marks) {
        storedBeforeSend = (await store.all()).some((m) => m.id === marks[0]!.id);
        return server.transport.send(marks);
      },
    });
    await queue.load();
    await queue.add(mark('mark-0001'));
    await queue.sync();
    expect(storedBeforeSend).toBe(true);
    expect(queue.marks().map((m) => m.state)).toEqual(['saved']);
    expect((await store.all())[0]!.state).toBe('saved');
  });

  it('keeps marks on the tablet while offline and sends them once back online', async () => {
    let online = false;
    const server = fakeServer();
    const queue = new MarkQueue(memoryStore(), server.transport, { isOnline: () => online });
    await queue.add(mark('mark-0001'));
    await queue.add(mark('mark-0002'));
    await queue.sync();
    expect(server.state.requests).toBe(0);
    expect(queue.pendingCount()).toBe(2);
    online = true;
    await queue.sync();
    expect(queue.pendingCount()).toBe(0);
    expect([...server.received]).toEqual(['mark-0001', 'mark-0002']);
  });

  it('retries a failed send with a growing delay until the server answers', async () => {
    const server = fakeServer();
    server.state.up = false;
    const delays: number[] = [];
    const timer = manualTimer();
    const queue = new MarkQueue(memoryStore(), server.transport, {
      retryMs: 100,
      maxRetryMs: 350,
      setTimer: (run, ms) => (delays.push(ms), timer.setTimer(run, ms)),
    });
    await queue.add(mark('mark-0001'));
    await settle();
    for (let i = 0; i < 3; i++) {
      timer.fire();
      await settle();
    }
    expect(delays).toEqual([100, 200, 350, 350]);
    expect(queue.sendError()).toBeInstanceOf(TypeError);
    server.state.up = true;
    timer.fire();
    await settle();
    expect(queue.marks()[0]!.state).toBe('saved');
    expect(queue.sendError()).toBeNull();
    expect(timer.pending).toHaveLength(0);
  });

  it('keeps the server reason of a rejected mark', async () => {
    const server = fakeServer((m) => (m.id === 'mark-bad1' ? 'sub_criterion_locked' : null));
    const queue = new MarkQueue(memoryStore(), server.transport);
    await queue.add(mark('mark-bad1'));
    await queue.add(mark('mark-good'));
    await queue.sync();
    const [bad, good] = queue.marks();
    expect(bad).toMatchObject({
      state: 'rejected',
      rejection: { reason: 'sub_criterion_locked', params: { aspect: 'C1.J1' } },
    });
    expect(good!.state).toBe('saved');
  });

  it('resends what a closed page left queued, and the server counts each mark once', async () => {
    const store = memoryStore();
    const server = fakeServer();
    server.state.up = false;
    const first = new MarkQueue(store, server.transport, { setTimer: () => () => {} });
    await first.add(mark('mark-0001'));
    await first.add(mark('mark-0002'));
    await first.sync();
    first.stop();

    server.state.up = true;
    const reopened = new MarkQueue(store, server.transport);
    await reopened.load();
    expect(reopened.pendingCount()).toBe(2);
    await reopened.sync();
    expect(reopened.pendingCount()).toBe(0);
    expect(server.received.size).toBe(2);
  });

  it('sends any number of marks in batches, each exactly once, across outages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (serverUpBeforeEach, batchSize) => {
          const server = fakeServer();
          const sent: string[] = [];
          const queue = new MarkQueue(
            memoryStore(),
            {
              send: async (marks) => {
                const results = await server.transport.send(marks);
                sent.push(...marks.map((m) => m.id));
                return results;
              },
            },
            { batchSize, setTimer: () => () => {} },
          );
          const ids: string[] = [];
          for (const up of serverUpBeforeEach) {
            server.state.up = up;
            const id = newMarkId();
            ids.push(id);
            await queue.add(mark(id));
          }
          server.state.up = true;
          await queue.sync();
          expect(queue.pendingCount()).toBe(0);
          expect([...server.received].sort()).toEqual([...ids].sort());
          expect(new Set(sent).size).toBe(sent.length);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps a mark the server took another way as saved, durably, and never sends it', async () => {
    const store = memoryStore();
    const server = fakeServer();
    const queue = new MarkQueue(store, server.transport);
    await queue.addSaved(mark('correction-01'));
    await queue.sync();
    expect(server.state.requests).toBe(0);
    expect((await store.all()).map((m) => [m.id, m.state])).toEqual([['correction-01', 'saved']]);
  });

  it('makes ids the server accepts', () => {
    for (let i = 0; i < 100; i++) expect(newMarkId()).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});
