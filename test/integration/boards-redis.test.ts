import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { io as connectTo, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardReplica, type Board, type BoardDiffMessage } from '@ashyq/shared';
import { pinSignIn, sendMarks, unmarkedMeasurements } from '../support/demo-marks';
import { freePort, removeDataDir, startServer, type RunningServer } from '../support/server';

const redisBinary = '/usr/bin/redis-server';

/** Redis is a system package (.ci/run installs it); without it the test says so loudly. */
function redisAvailable(): boolean {
  if (existsSync(redisBinary)) return true;
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but redis-server is missing at ${redisBinary}`);
  }
  console.warn(
    `SKIPPED: Redis scale-out test — ${redisBinary} not found (apt-get install redis-server)`,
  );
  return false;
}

async function startRedis(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    redisBinary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

describe.runIf(redisAvailable())('two instances sharing one store, with the Redis adapter', () => {
  let redis: { url: string; process: ChildProcess };
  let a: RunningServer;
  let b: RunningServer;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    a = await startServer({ env: { REDIS_URL: redis.url } });
    b = await startServer({ dataDir: a.dataDir, env: { REDIS_URL: redis.url } });
  }, 120_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await b?.stop();
    await a?.stop();
    redis?.process.kill();
    if (a) removeDataDir(a.dataDir);
  });

  it('a mark recorded on instance A reaches a /board spectator on instance B', async () => {
    // Cooking has no marks in the demo: every mark adds to its progress.
    const competitionId = 'wsk-2026-astana-cooking';
    const socket = connectTo(`${b.url}/board`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    const replica = new BoardReplica<Board>();
    const arrived: (() => void)[] = [];
    socket.on('diff', (diff: BoardDiffMessage) => {
      replica.diff(diff);
      for (const check of arrived) check();
    });
    const ack = await socket.timeout(10_000).emitWithAck('join', { competitionId });
    expect(ack.ok).toBe(true);
    replica.snapshot(ack.snapshot);
    const before = replica.data!.progress.marked;

    const cookie = await pinSignIn(a.url, competitionId, '696851');
    const marks = await unmarkedMeasurements(a.url, cookie, 1, 'redis');
    const { results } = await sendMarks(a.url, cookie, marks);
    expect(results[0]!.status).toBe('accepted');

    await new Promise<void>((resolve) => {
      const check = () => {
        if (replica.data!.progress.marked === before + 1) resolve();
      };
      arrived.push(check);
      check();
    });
    const overHttpOnB = (await (
      await fetch(`${b.url}/api/public/competitions/${competitionId}/board`)
    ).json()) as Board;
    expect(overHttpOnB.progress.marked).toBe(before + 1);
  });
});
