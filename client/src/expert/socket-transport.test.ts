import { describe, expect, it } from 'vitest';
import type { MarksAck } from '@ashyq/shared';
import {
  MarkQueue,
  memoryStore,
  type MarkInput,
  type MarkResult,
  type MarkTransport,
} from './queue';
import { SyncHttpError } from './rest-transport';
import {
  sessionEnded,
  socketTransport,
  SyncRefusedError,
  type AckSocket,
} from './socket-transport';

const mark = (id: string): MarkInput => ({
  id,
  competitor: 'web-05',
  aspect: 'C2.J1',
  value: { kind: 'judgement', score: 2 },
});

/** One server behind both paths: a mark id it holds is a duplicate, whichever way it came. */
function fakeServer() {
  const held = new Set<string>();
  return {
    held,
    record: (marks: readonly MarkInput[]): MarkResult[] =>
      marks.map(({ id }) => {
        if (held.has(id)) return { id, status: 'duplicate' };
        held.add(id);
        return { id, status: 'accepted' };
      }),
  };
}

function fakeRest(server: ReturnType<typeof fakeServer>) {
  const calls: string[][] = [];
  const rest: MarkTransport = {
    async send(marks) {
      calls.push(marks.map((m) => m.id));
      return server.record(marks);
    },
  };
  return { rest, calls };
}

/** A socket whose acknowledgement is decided per emit: a reply, or none (the emit times out). */
function fakeSocket(answer: (marks: readonly MarkInput[]) => MarksAck | 'timeout') {
  const socket = {
    connected: true as boolean,
    emits: 0,
    timeouts: [] as number[],
    timeout(ms: number) {
      socket.timeouts.push(ms);
      return {
        async emitWithAck(
          event: string,
          payload: { marks: readonly MarkInput[] },
        ): Promise<MarksAck> {
          expect(event).toBe('marks:record');
          socket.emits += 1;
          const reply = answer(payload.marks);
          if (reply === 'timeout') throw new Error('operation has timed out');
          return reply;
        },
      };
    },
  } satisfies AckSocket & Record<string, unknown>;
  return socket;
}

describe('socketTransport', () => {
  it('sends over the socket while it is connected and returns its per-mark answers', async () => {
    const server = fakeServer();
    const { rest, calls } = fakeRest(server);
    const socket = fakeSocket((marks) => ({ ok: true, results: server.record(marks) }));
    const results = await socketTransport(socket, rest, 5000).send([mark('m-000001')]);
    expect(results).toEqual([{ id: 'm-000001', status: 'accepted' }]);
    expect(socket.timeouts).toEqual([5000]);
    expect(calls).toEqual([]);
  });

  it('falls back to REST while the socket is not connected', async () => {
    const server = fakeServer();
    const { rest, calls } = fakeRest(server);
    const socket = fakeSocket(() => {
      throw new Error('a disconnected socket must not be used');
    });
    socket.connected = false;
    const results = await socketTransport(socket, rest).send([mark('m-000001')]);
    expect(results[0]!.status).toBe('accepted');
    expect(calls).toEqual([['m-000001']]);
    expect(socket.emits).toBe(0);
  });

  it('resends over REST when no acknowledgement comes; a mark that did arrive counts once', async () => {
    const server = fakeServer();
    const { rest, calls } = fakeRest(server);
    // The server stores the batch but the answer is lost with the connection.
    const socket = fakeSocket((marks) => {
      server.record(marks);
      return 'timeout';
    });
    const results = await socketTransport(socket, rest).send([mark('m-000001')]);
    expect(results).toEqual([{ id: 'm-000001', status: 'duplicate' }]);
    expect(calls).toEqual([['m-000001']]);
    expect([...server.held]).toEqual(['m-000001']);
  });

  it('reports an ended session as the REST 401, so the app asks for a new sign-in', async () => {
    const { rest } = fakeRest(fakeServer());
    const socket = fakeSocket(() => ({ ok: false, error: { code: 'unauthorized' } }));
    const error = await socketTransport(socket, rest)
      .send([mark('m-000001')])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncHttpError);
    expect(sessionEnded(error)).toBe(true);
  });

  it('throws any other refusal so that the queue keeps the batch and retries', async () => {
    const { rest, calls } = fakeRest(fakeServer());
    const socket = fakeSocket(() => ({ ok: false, error: { code: 'internal' } }));
    const error = await socketTransport(socket, rest)
      .send([mark('m-000001')])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncRefusedError);
    expect((error as SyncRefusedError).code).toBe('internal');
    expect(sessionEnded(error)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('under the queue: every mark is saved exactly once across socket drops and REST', async () => {
    const server = fakeServer();
    const { rest } = fakeRest(server);
    let round = 0;
    // Alternates: answered, stored but unanswered, not connected.
    const socket = fakeSocket((marks) => {
      round += 1;
      if (round % 2 === 0) {
        server.record(marks);
        return 'timeout';
      }
      return { ok: true, results: server.record(marks) };
    });
    const queue = new MarkQueue(memoryStore(), socketTransport(socket, rest), { batchSize: 2 });
    for (let i = 0; i < 7; i++) {
      socket.connected = i % 3 !== 2;
      await queue.add(mark(`m-00000${i}`));
      await queue.sync();
    }
    expect(queue.marks().map((m) => m.state)).toEqual(Array(7).fill('saved'));
    expect(server.held.size).toBe(7);
  });
});
