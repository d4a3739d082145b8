/**
 * Public boards under many spectators. The real server (or two, sharing one store, with Redis)
 * in its own process; spectators in separate load-generator processes (this file with
 * `--load`), each a Socket.IO client on /board following the demo's cooking board. The main
 * process records one mark at a time over REST (an expert's tablet) and notes when the server
 * acknowledged it; every spectator notes when the board update showing that mark arrived.
 * Figures: latency from the acknowledgement to the update at the spectator (p50, p99; targets
 * 150 / 400 ms on one instance with 5,000 spectators, p99 600 ms on two with 10,000), server
 * memory per 1,000 spectators, and the bytes of one update.
 * BOARD_SPECTATORS (default 5000) and BOARD_MARKS (default 20) change the workload.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import type { BoardDiffMessage } from '@ashyq/shared';
import { pinSignIn, sendMarks, unmarkedMeasurements } from '../test/support/demo-marks';
import { freePort, removeDataDir, startServer, type RunningServer } from '../test/support/server';
import { loopDelayOf, metricsToken } from './server-metrics';
import { milliseconds, percentile } from './stats';

const competitionId = 'wsk-2026-astana-cooking';
/** Spectators per load-generator process: one process cannot hold them all cheaply. */
const perGenerator = 2_500;

export interface LoadPlan {
  urls: string[];
  spectators: number;
  /** The board's marked count before the first mark, and after the last. */
  fromMarked: number;
  untilMarked: number;
}

export interface LoadResult {
  connected: number;
  /** `marked` value -> arrival times (ms since epoch) at each spectator. */
  arrivals: Record<number, number[]>;
  /** The size of each update (JSON text of the diff) at the generator's first spectator. */
  bytes: number[];
}

/** The generator: connect, join, record when each progress value arrives, report on stdin close. */
async function generate(plan: LoadPlan): Promise<LoadResult> {
  const arrivals: Record<number, number[]> = {};
  const bytes: number[] = [];
  const sockets: Socket[] = [];
  let complete = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  for (let i = 0; i < plan.spectators; i++) {
    const socket = io(`${plan.urls[i % plan.urls.length]}/board`, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    sockets.push(socket);
    // A spectator has seen mark n once its board shows n or more marked: two marks close together
    // may arrive in one update (another instance follows the writer's appends in batches).
    let shown = plan.fromMarked;
    socket.on('diff', (diff: BoardDiffMessage) => {
      const at = Date.now();
      // Every update's size, as the generator's first spectator receives them all.
      if (i === 0) bytes.push(Buffer.byteLength(JSON.stringify(diff)));
      const op = diff.ops.find((o) => o.path === '/progress/marked');
      if (op?.op !== 'replace' || typeof op.value !== 'number') return;
      for (let value = shown + 1; value <= op.value; value++) (arrivals[value] ??= []).push(at);
      shown = Math.max(shown, op.value);
      if (op.value >= plan.untilMarked && ++complete === plan.spectators) done();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => {
        socket.emit('join', { competitionId }, () => resolve());
      });
      socket.once('connect_error', reject);
    });
  }
  process.stderr.write(`generator ${process.pid}: ${sockets.length} spectators joined\n`);
  process.send?.('joined');
  await Promise.race([finished, new Promise((r) => setTimeout(r, 120_000))]);
  for (const socket of sockets) socket.disconnect();
  return { connected: sockets.length, arrivals, bytes };
}

function rssMb(server: RunningServer): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/**
 * The redis-server to start: REDIS_SERVER if set, else the usual install paths, else PATH.
 * Debian/Ubuntu install it with `apt-get install redis-server`, macOS with `brew install redis`.
 */
function findRedisServer(): string | undefined {
  const candidates = [
    process.env.REDIS_SERVER,
    '/usr/bin/redis-server',
    '/usr/local/bin/redis-server',
    '/opt/homebrew/bin/redis-server',
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server')),
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    findRedisServer()!,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise<void>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

/**
 * `BOARD_POLICY=live`: the organiser sets the competition live first, so every mark moves a
 * total and often a position (the rows move); by default the demo's `locked` board before any
 * lock, where a mark changes the progress count only.
 */
const policy = process.env.BOARD_POLICY;

async function setPolicy(url: string, policy: string): Promise<void> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@ashyq.kz', password: 'Ashyq-Demo-2026' }),
  });
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const res = await fetch(`${url}/api/organiser/competitions/${competitionId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ publication: { policy } }),
  });
  if (!res.ok) throw new Error(`Setting the policy failed: ${res.status} ${await res.text()}`);
}

/**
 * From each mark's acknowledgement (`marked` value -> ms since epoch) to its arrival at every
 * spectator: all latencies, the updates that never arrived, and each mark's slowest arrival.
 */
export function arrivalsAfter(
  acks: Record<number, number>,
  results: LoadResult[],
  spectators: number,
): { latencies: number[]; missing: number; slowestPerMark: number[] } {
  const latencies: number[] = [];
  const slowestPerMark: number[] = [];
  let missing = 0;
  for (const [marked, ackAt] of Object.entries(acks)) {
    const arrived = results.flatMap((r) => r.arrivals[Number(marked)] ?? []);
    missing += spectators - arrived.length;
    let slowest = 0;
    for (const at of arrived) {
      latencies.push(at - ackAt);
      slowest = Math.max(slowest, at - ackAt);
    }
    slowestPerMark.push(slowest);
  }
  return { latencies, missing, slowestPerMark };
}

/** What one workload measured: latencies from the ack to each spectator's update, in ms. */
export interface BoardFigures {
  p50: number;
  p99: number;
  missing: number;
  bytes: number[];
  /** The server's event-loop delay while the marks went out (p99 and max, ms); null if unread. */
  loopDelay: { p99: number; max: number } | null;
}

export async function workload(
  spectators: number,
  instances: 1 | 2,
  markCount: number,
): Promise<BoardFigures> {
  const redis = instances === 2 ? await startRedis() : undefined;
  const env: Record<string, string> = redis
    ? { REDIS_URL: redis.url, METRICS_TOKEN: metricsToken }
    : { METRICS_TOKEN: metricsToken };
  const servers: RunningServer[] = [await startServer({ env })];
  if (instances === 2) servers.push(await startServer({ dataDir: servers[0]!.dataDir, env }));
  const [writer] = servers;
  try {
    const idle = servers.map(rssMb);
    if (policy) await setPolicy(writer!.url, policy);
    const expert = await pinSignIn(writer!.url, competitionId, '696851');
    const marks = await unmarkedMeasurements(writer!.url, expert, markCount, 'bench');
    const before = (
      (await (
        await fetch(`${writer!.url}/api/public/competitions/${competitionId}/board`)
      ).json()) as { progress: { marked: number } }
    ).progress.marked;
    const plan = (n: number): LoadPlan => ({
      urls: servers.map((s) => s.url),
      spectators: n,
      fromMarked: before,
      untilMarked: before + marks.length,
    });
    const generators: Promise<LoadResult>[] = [];
    const joined: Promise<void>[] = [];
    for (let left = spectators; left > 0; left -= perGenerator) {
      const { result, ready } = generatorProcess(plan(Math.min(perGenerator, left)));
      generators.push(result);
      joined.push(ready);
    }
    const started = Date.now();
    await Promise.all(joined);
    const joinSeconds = (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 2_000));
    const loaded = servers.map(rssMb);
    const acks: Record<number, number> = {};
    await loopDelayOf(writer!.url);
    for (const [i, mark] of marks.entries()) {
      const { results } = await sendMarks(writer!.url, expert, [mark]);
      if (results[0]!.status !== 'accepted')
        throw new Error(`mark refused: ${JSON.stringify(results[0])}`);
      acks[before + i + 1] = Date.now();
      // One update per mark: longer than the 250 ms a room's updates are coalesced over.
      await new Promise((r) => setTimeout(r, 600));
    }
    const loopDelay = await loopDelayOf(writer!.url);
    const results = await Promise.all(generators);
    const { latencies, missing, slowestPerMark } = arrivalsAfter(acks, results, spectators);
    const bytes = results.flatMap((r) => r.bytes);
    const perThousand = loaded.map((mb, i) => ((mb - idle[i]!) / (spectators / instances)) * 1000);
    console.log(
      `${spectators} spectators on ${instances} instance(s)${redis ? ' with Redis' : ''}, ${policy ?? 'locked'} board, ${marks.length} marks one at a time (600 ms apart); joined in ${joinSeconds.toFixed(1)} s`,
    );
    console.log(
      `  ack -> board update at the spectator: p50 ${milliseconds(percentile(latencies, 0.5))}, p99 ${milliseconds(percentile(latencies, 0.99))}, max ${milliseconds(percentile(latencies, 1))} (${latencies.length} updates, ${missing} missing)`,
    );
    // One mark's update reaches every spectator: a p99 over them all is its slowest mark or two.
    console.log(`  last spectator reached, mark by mark: ${slowestPerMark.join(' ')} ms`);
    console.log(
      `  server memory: ${idle.map((mb) => mb.toFixed(0)).join(' / ')} MB idle, ${loaded.map((mb) => mb.toFixed(0)).join(' / ')} MB with spectators = ${perThousand.map((mb) => mb.toFixed(1)).join(' / ')} MB per 1,000 spectators`,
    );
    console.log(
      `  bytes per update (diff payload): median ${percentile(bytes, 0.5)} B, max ${percentile(bytes, 1)} B`,
    );
    if (loopDelay) {
      console.log(
        `  server event-loop delay while marking: p99 ${milliseconds(loopDelay.p99)}, max ${milliseconds(loopDelay.max)}`,
      );
    }
    return {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      missing,
      bytes,
      loopDelay,
    };
  } finally {
    for (const server of servers.reverse()) await server.stop();
    redis?.process.kill();
    removeDataDir(servers[0]!.dataDir);
  }
}

/** A generator in its own process; `ready` once all its spectators joined. */
export function generatorProcess(plan: LoadPlan): {
  result: Promise<LoadResult>;
  ready: Promise<void>;
} {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--load', JSON.stringify(plan)],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  child.on('message', (message) => {
    if (message === 'joined') markReady();
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const result = new Promise<LoadResult>((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output) as LoadResult)
        : reject(new Error(`generator exited with ${code}`)),
    );
  });
  return { result, ready };
}

export async function run(): Promise<void> {
  const spectators = Number(process.env.BOARD_SPECTATORS ?? 5_000);
  const markCount = Number(process.env.BOARD_MARKS ?? 20);
  await workload(spectators, 1, markCount);
  const redisServer = findRedisServer();
  if (redisServer) {
    console.log(`redis-server: ${redisServer}`);
    await workload(spectators * 2, 2, markCount);
  } else {
    console.log(
      'SKIPPED: two instances with Redis: no redis-server in REDIS_SERVER, /usr/bin, /usr/local/bin ' +
        'or PATH (install it: `apt-get install redis-server`, or `brew install redis`)',
    );
  }
}

const loadFlag = process.argv.indexOf('--load');
if (loadFlag >= 0) {
  const result = await generate(JSON.parse(process.argv[loadFlag + 1]!) as LoadPlan);
  // Exit only once the (large) result is flushed to the pipe.
  process.stdout.write(JSON.stringify(result), () => process.exit(0));
}
