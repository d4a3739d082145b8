/**
 * Durable marks over Socket.IO, the tablets' benchmark: the real server in one process, the load
 * generator (this file with `--load`) in another. 200 expert connections to /expert, each signed
 * in with its own session cookie (10 competitions x 4 experts x 5 tablets), each sending
 * `marks:record` with client-generated ids as fast as its acknowledgements allow. Every 20th
 * command of a connection resends its previous, already acknowledged, command unchanged, which
 * must come back as duplicates. One mark per command is the tablet's live mode; a small batch is
 * a tablet catching up.
 * Afterwards the server is killed (SIGKILL: what was acknowledged must already be on disk) and its
 * SQLite file is read directly: the mark ids in mark.recorded events must be exactly the
 * acknowledged accepted ids, none twice, and every competition's chain must verify.
 * Goal: >= 2,000 marks/s sustained, p99 acknowledgement < 100 ms, over 60 s.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { pinCookie } from '../test/integration/competition-harness';
import { removeDataDir, startServer, tempDataDir } from '../test/support/server';
import {
  aspectCount,
  competitorCount,
  competitorId,
  loadInChildProcess,
  seedMarking,
  storedMarks,
  verifyStoredChains,
  writers,
  writersPerExpert,
  type Pins,
} from './marking-setup';
import { loopDelayOf, metricsToken, type LoopDelay } from './server-metrics';
import { milliseconds, percentile } from './stats';

/** Every this many commands a connection resends its previous one, to prove idempotency. */
const resendEvery = 20;
/** A command without an acknowledgement after this long counts as failed. */
const ackTimeoutMs = 30_000;

interface LoadPlan {
  url: string;
  pins: Pins;
  seconds: number;
  marksPerCommand: number;
  /** Commands a second offered by all connections together (`BENCH_RATE`); none: as fast as acks come. */
  rate?: number;
  /** Seconds of the same load before the timed run (`BENCH_WARMUP`), then a second's pause. */
  warmupSeconds: number;
}

interface LoadResult {
  /** Commands, resends and accepted marks of the timed run (the warm-up's are only checked). */
  commands: number;
  resends: number;
  acceptedMarks: number;
  /** Accepted mark ids per competition, to compare with the stored log. */
  acceptedIds: Record<string, string[]>;
  duplicates: number;
  /** Marks of a resent command that did not come back as duplicates. */
  resendsNotDuplicate: number;
  rejected: Record<string, number>;
  failedCommands: Record<string, number>;
  /** Connections closed by the server (or the network) during the run. */
  disconnects: number;
  latencies: number[];
  /** When each timed command was sent (or due), in ms from the start of the timed run. */
  sentAt: number[];
  elapsedSeconds: number;
  /** The load generator's own event-loop delay during the run: what it adds to the latencies. */
  generatorLoopDelay: LoopDelay;
}

interface MarkInput {
  id: string;
  competitor: string;
  aspect: string;
  value: { kind: 'binary'; achieved: boolean };
}

type RecordAck =
  | {
      ok: true;
      results: { id: string; status: 'accepted' | 'duplicate' | 'rejected'; reason?: string }[];
    }
  | { ok: false; error: { code: string } };

function connect(url: string, cookie: string, competitionId: string): Promise<Socket> {
  const socket = io(`${url}/expert`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { competitionId },
    extraHeaders: { cookie },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** The load generator's side: runs in its own process and prints its LoadResult as JSON. */
async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const connections: { competition: number; competitionId: string; socket: Socket }[] = [];
  for (const [c, [competitionId, experts]] of Object.entries(plan.pins).entries()) {
    for (const pin of Object.values(experts)) {
      for (let tablet = 0; tablet < writersPerExpert; tablet++) {
        const cookie = await pinCookie(plan.url, competitionId, pin);
        const socket = await connect(plan.url, cookie, competitionId);
        // As a tablet with the grid open: the teammates' measurements are pushed to it.
        if (watchSheet) await socket.timeout(10_000).emitWithAck('team:watch', watchSheet);
        connections.push({ competition: c + 1, competitionId, socket });
      }
    }
  }
  const result: LoadResult = {
    commands: 0,
    resends: 0,
    acceptedIds: {},
    duplicates: 0,
    resendsNotDuplicate: 0,
    rejected: {},
    failedCommands: {},
    disconnects: 0,
    acceptedMarks: 0,
    latencies: [],
    sentAt: [],
    elapsedSeconds: 0,
    generatorLoopDelay: { p50: 0, p99: 0, max: 0 },
  };
  const count = (tally: Record<string, number>, key: string) =>
    (tally[key] = (tally[key] ?? 0) + 1);
  for (const { socket } of connections) {
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') result.disconnects += 1;
    });
  }

  // Each connection's own sequence, kept across the phases.
  const tablets = connections.map((connection, w) => ({
    ...connection,
    w,
    accepted: (result.acceptedIds[connection.competitionId] ??= []),
    n: 0,
    previous: undefined as MarkInput[] | undefined,
  }));
  // Paced: each connection sends on a fixed schedule, the connections evenly staggered, and
  // still waits for its acknowledgement. A command sent late because the previous one's ack was
  // late is timed from when it was due, so the wait the server caused is counted too.
  const interval = plan.rate ? (connections.length / plan.rate) * 1000 : 0;
  /** Sends for `seconds`; only a timed phase's acknowledgements count in the latencies. */
  const phase = (seconds: number, timed: boolean) => {
    const started = performance.now();
    const deadline = started + seconds * 1000;
    return Promise.all(
      tablets.map(async (tablet) => {
        const { competition, socket, w, accepted } = tablet;
        let due = started + (interval * w) / connections.length;
        for (let command = 1; performance.now() < deadline; command++) {
          if (interval > 0) {
            const wait = due - performance.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
            if (due >= deadline) break;
          }
          const resend = tablet.previous !== undefined && command % resendEvery === 0;
          const marks: MarkInput[] = resend
            ? tablet.previous!
            : Array.from({ length: plan.marksPerCommand }, () => {
                const n = (tablet.n += 1);
                return {
                  id: `s${String(w).padStart(3, '0')}_${String(n).padStart(7, '0')}`,
                  competitor: competitorId(competition, (n * 7 + w) % competitorCount),
                  aspect: `A1.M${((n + w * 13) % aspectCount) + 1}`,
                  value: { kind: 'binary', achieved: n % 2 === 0 },
                };
              });
          const begun = interval > 0 ? due : performance.now();
          due += interval;
          let ack: RecordAck;
          try {
            ack = (await socket
              .timeout(ackTimeoutMs)
              .emitWithAck('marks:record', { marks })) as RecordAck;
          } catch {
            count(result.failedCommands, 'timeout');
            continue;
          }
          if (timed) {
            result.latencies.push(performance.now() - begun);
            result.sentAt.push(begun - started);
            result.commands += 1;
            if (resend) result.resends += 1;
          }
          if (!ack.ok) {
            count(result.failedCommands, ack.error.code);
            continue;
          }
          for (const mark of ack.results) {
            if (resend && mark.status !== 'duplicate') result.resendsNotDuplicate += 1;
            if (mark.status === 'accepted') {
              accepted.push(mark.id);
              if (timed) result.acceptedMarks += 1;
            } else if (mark.status === 'duplicate') result.duplicates += 1;
            else count(result.rejected, mark.reason ?? 'unknown');
          }
          tablet.previous = marks;
        }
      }),
    );
  };
  if (plan.warmupSeconds > 0) {
    await phase(plan.warmupSeconds, false);
    // The warm-up's queue drains before the timed run starts.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  await phase(plan.seconds, true);
  result.elapsedSeconds = (performance.now() - started) / 1000;
  loop.disable();
  // In ms, measured as the server's is (prom-client: the same histogram at the same 10 ms
  // resolution, which every sample includes).
  result.generatorLoopDelay = {
    p50: loop.percentile(50) / 1e6,
    p99: loop.percentile(99) / 1e6,
    max: loop.max / 1e6,
  };
  for (const { socket } of connections) socket.disconnect();
  return result;
}

/** Each second's p99 acknowledgement (by when the command was sent): where in the run the tail is. */
function bySecond({ latencies, sentAt }: LoadResult): number[] {
  const seconds: number[][] = [];
  latencies.forEach((latency, i) => (seconds[Math.floor(sentAt[i]! / 1000)] ??= []).push(latency));
  return [...seconds].map((second) => Math.round(percentile(second ?? [], 0.99)));
}

/** Whether the stored mark ids are exactly the accepted ones, each stored once. */
function compareWithLog(load: LoadResult, stored: { stream: string; id: string }[]) {
  const accepted = new Set<string>();
  let acceptedTwice = 0;
  for (const [stream, ids] of Object.entries(load.acceptedIds)) {
    for (const id of ids) {
      const key = `${stream}/${id}`;
      if (accepted.has(key)) acceptedTwice += 1;
      accepted.add(key);
    }
  }
  const seen = new Set<string>();
  let storedTwice = 0;
  let storedNotAccepted = 0;
  for (const { stream, id } of stored) {
    const key = `${stream}/${id}`;
    if (seen.has(key)) storedTwice += 1;
    seen.add(key);
    if (!accepted.has(key)) storedNotAccepted += 1;
  }
  let lost = 0;
  for (const key of accepted) if (!seen.has(key)) lost += 1;
  return { accepted: accepted.size, acceptedTwice, storedTwice, storedNotAccepted, lost };
}

async function measure(marksPerCommand: number, seconds: number): Promise<void> {
  const dataDir = tempDataDir('ashyq-bench-socket-marks-');
  try {
    const pins = await seedMarking(dataDir);
    const server = await startServer({ dataDir, env: { METRICS_TOKEN: metricsToken } });
    let load: LoadResult;
    let loopDelay: LoopDelay | null;
    try {
      await loopDelayOf(server.url);
      load = await loadInChildProcess<LoadResult>(fileURLToPath(import.meta.url), {
        url: server.url,
        pins,
        seconds,
        marksPerCommand,
        rate,
        warmupSeconds,
      });
      loopDelay = await loopDelayOf(server.url);
    } finally {
      // A crash, not a shutdown: what was acknowledged must already be on disk.
      await server.stop('SIGKILL');
    }
    const comparison = compareWithLog(load, storedMarks(dataDir));
    const chains = verifyStoredChains(dataDir);
    const { acceptedMarks } = load;
    const latency = (fraction: number) => milliseconds(percentile(load.latencies, fraction));
    console.log(
      `${`${marksPerCommand} mark${marksPerCommand > 1 ? 's' : ''} per command`.padEnd(22)}` +
        ` ${load.commands.toLocaleString('en')} acks (${load.resends.toLocaleString('en')} resends)` +
        ` in ${load.elapsedSeconds.toFixed(1)} s = ${Math.round(load.commands / load.elapsedSeconds).toLocaleString('en')} acks/s;` +
        ` ${acceptedMarks.toLocaleString('en')} marks accepted = ` +
        `${Math.round(acceptedMarks / load.elapsedSeconds).toLocaleString('en')} marks/s;` +
        ` ack p50 ${latency(0.5)}, p95 ${latency(0.95)}, p99 ${latency(0.99)}, max ${latency(1)}`,
    );
    console.log(`  ack p99 by second of the run, in ms: ${bySecond(load).join(' ')}`);
    if (loopDelay) {
      console.log(
        `  server event-loop delay during the run (sign-in included): p50 ${milliseconds(loopDelay.p50)},` +
          ` p99 ${milliseconds(loopDelay.p99)}, max ${milliseconds(loopDelay.max)}`,
      );
    }
    const own = load.generatorLoopDelay;
    console.log(
      `  load generator's event-loop delay, measured the same way (it adds to the latencies): p50 ${milliseconds(own.p50)},` +
        ` p99 ${milliseconds(own.p99)}, max ${milliseconds(own.max)}`,
    );
    const allVerify = chains.every((chain) => chain.verdict.ok);
    const exact =
      comparison.lost === 0 &&
      comparison.storedNotAccepted === 0 &&
      comparison.storedTwice === 0 &&
      comparison.acceptedTwice === 0;
    console.log(
      `  duplicates ${load.duplicates} (resent marks not acknowledged as duplicates: ${load.resendsNotDuplicate}),` +
        ` rejected ${JSON.stringify(load.rejected)}, failed commands ${JSON.stringify(load.failedCommands)},` +
        ` connections the server closed ${load.disconnects}`,
    );
    console.log(
      `  after kill -9: log == acknowledged ids: ${exact} (${comparison.accepted.toLocaleString('en')} accepted,` +
        ` lost ${comparison.lost}, stored but not acknowledged ${comparison.storedNotAccepted},` +
        ` stored twice ${comparison.storedTwice}); chains verify: ${allVerify}` +
        ` (${chains.length} competitions, ${chains.reduce((sum, c) => sum + (c.verdict.ok ? c.verdict.events : 0), 0).toLocaleString('en')} events);` +
        ` load average now ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
  } finally {
    removeDataDir(dataDir);
  }
}

/**
 * `BENCH_WATCH=1`: every tablet has the benchmark's one sub-criterion open, so each mark is also
 * pushed to the three teammates' tablets (`team-marks`); without it no tablet watches.
 */
const watchSheet = process.env.BENCH_WATCH === '1' ? { subCriterion: 'A1' } : undefined;

/**
 * `BENCH_RATE=N`: the connections together offer N commands a second, each on its own schedule
 * (tablets marking at a pace), instead of each sending again as soon as its ack arrives. The
 * default closed loop keeps the server saturated, so its latencies are those of a full queue.
 */
const rate = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;

/**
 * `BENCH_WARMUP=S`: the same load for S seconds first, untimed (its marks are still checked
 * against the log), then a second's pause: the timed run starts on a server already marking, as
 * in a competition, rather than on one that has just started.
 */
const warmupSeconds = Number(process.env.BENCH_WARMUP ?? 0);

/** Marks per command: one (live marking) and a small batch (a tablet catching up). */
const workloads = (process.env.BENCH_MARKS_PER_COMMAND ?? '1,10').split(',').map(Number);

export async function run(seconds = Number(process.env.BENCH_SECONDS ?? 60)): Promise<void> {
  console.log(
    `Durable marks over Socket.IO: server and load generator in separate processes, ${writers} ` +
      `/expert connections, each with its own session, each waiting for its acknowledgement` +
      `${rate ? `, together offering ${rate.toLocaleString('en')} commands/s` : ''}; ` +
      `${warmupSeconds > 0 ? `after ${warmupSeconds} s of the same load untimed, ` : ''}` +
      `${seconds} s per workload, SQLite WAL + synchronous=FULL; load average before ` +
      `${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}. ` +
      `${watchSheet ? 'Every tablet has the sub-criterion open (team-marks pushes). ' : ''}` +
      'Goal: >= 2,000 marks/s, p99 acknowledgement < 100 ms.',
  );
  for (const marksPerCommand of workloads) await measure(marksPerCommand, seconds);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [flag, plan] = process.argv.slice(2);
  if (flag === '--load' && plan) {
    process.stdout.write(JSON.stringify(await generateLoad(JSON.parse(plan) as LoadPlan)));
  } else {
    await run();
  }
}
