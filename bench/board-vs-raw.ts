/**
 * `npm run bench -- board-vs-raw`: Ashyq's live board and a bare Socket.IO broadcast, back to back
 * on this machine with the same spectators (the load generators of board-spectators.ts). Ashyq:
 * an expert's mark over REST, timed from its acknowledgement to the board update at each
 * spectator. The floor: a server of a few lines (socket.io alone, in its own process, like
 * Ashyq's) broadcasting a diff of Ashyq's median update size to one room when asked over HTTP,
 * timed from the HTTP answer to the arrival (the server answers, then sends on its next turn). The same number of updates, 600 ms apart, in both.
 * Prints p50 and p99 of each and their ratios (target: p99 <= 1.5x the floor), and the load
 * average. BOARD_SPECTATORS (default 2000) and BOARD_MARKS (default 20) change the workload.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { serverNodeFlags } from '../scripts/server-flags';
import { freePort } from '../test/support/server';
import { arrivalsAfter, generatorProcess, workload, type LoadResult } from './board-spectators';
import { milliseconds, percentile } from './stats';

const perGenerator = 2_500;

/** The bare server: /board, `join` puts the socket in the one room, POST /broadcast sends. */
async function rawServer(port: number): Promise<void> {
  const http = createServer();
  const io = new Server(http, { path: '/socket.io', serveClient: false });
  const board = io.of('/board');
  board.on('connection', (socket) => {
    socket.on('join', (_payload: unknown, ack: (answer: unknown) => void) => {
      void socket.join('room');
      ack({ ok: true, data: {} });
    });
  });
  http.on('request', (req, res) => {
    if (req.method !== 'POST' || req.url !== '/broadcast') return;
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { marked, bytes } = JSON.parse(body) as { marked: number; bytes: number };
      const diff = {
        room: 'competition:raw',
        epoch: 'raw',
        from: marked - 1,
        version: marked,
        // The board's diff format: RFC 6902 JSON Patch (docs/realtime.md).
        ops: [
          { op: 'replace', path: '/progress/marked', value: marked },
          { op: 'replace', path: '/padding', value: '' },
        ],
      };
      const short = Buffer.byteLength(JSON.stringify(diff));
      diff.ops[1]!.value = 'x'.repeat(Math.max(0, bytes - short));
      // Answered first, sent on the next turn: as Ashyq acknowledges a mark, then updates boards.
      res.end('{}');
      setImmediate(() => board.to('room').emit('diff', diff));
    });
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  process.send?.('ready');
}

async function rawWorkload(
  spectators: number,
  markCount: number,
  bytes: number,
): Promise<{ p50: number; p99: number; missing: number }> {
  const port = await freePort();
  // The same V8 flags as Ashyq's server: the floor is measured in the same kind of process.
  const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--raw-server', String(port)];
  const server = spawn(process.execPath, [...serverNodeFlags, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await new Promise<void>((resolve) => server.once('message', () => resolve()));
    const url = `http://127.0.0.1:${port}`;
    const generators: Promise<LoadResult>[] = [];
    const joined: Promise<void>[] = [];
    for (let left = spectators; left > 0; left -= perGenerator) {
      const { result, ready } = generatorProcess({
        urls: [url],
        spectators: Math.min(perGenerator, left),
        fromMarked: 0,
        untilMarked: markCount,
      });
      generators.push(result);
      joined.push(ready);
    }
    await Promise.all(joined);
    await new Promise((r) => setTimeout(r, 2_000));
    const acks: Record<number, number> = {};
    for (let marked = 1; marked <= markCount; marked++) {
      await fetch(`${url}/broadcast`, {
        method: 'POST',
        body: JSON.stringify({ marked, bytes }),
      }).then((res) => res.text());
      acks[marked] = Date.now();
      await new Promise((r) => setTimeout(r, 600));
    }
    const results = await Promise.all(generators);
    const { latencies, missing, slowestPerMark } = arrivalsAfter(acks, results, spectators);
    console.log(`  raw: last spectator reached, update by update: ${slowestPerMark.join(' ')} ms`);
    return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), missing };
  } finally {
    server.kill();
  }
}

export async function run(): Promise<void> {
  const spectators = Number(process.env.BOARD_SPECTATORS ?? 2_000);
  const markCount = Number(process.env.BOARD_MARKS ?? 20);
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`board vs raw Socket.IO broadcast, ${spectators} spectators; loadavg ${load()}`);
  const ashyq = await workload(spectators, 1, markCount);
  const bytes = Math.round(percentile(ashyq.bytes, 0.5));
  const raw = await rawWorkload(spectators, markCount, bytes);
  console.log(
    `  raw broadcast of ${bytes} B to ${spectators}: p50 ${milliseconds(raw.p50)}, p99 ${milliseconds(raw.p99)} (${raw.missing} missing)`,
  );
  console.log(
    `  ratio Ashyq / raw: p50 ${(ashyq.p50 / raw.p50).toFixed(2)}x, p99 ${(ashyq.p99 / raw.p99).toFixed(2)}x ` +
      `(target p99 <= 1.5x); loadavg after ${load()}`,
  );
}

const rawFlag = process.argv.indexOf('--raw-server');
if (rawFlag >= 0) await rawServer(Number(process.argv[rawFlag + 1]));
