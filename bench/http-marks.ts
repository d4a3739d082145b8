/**
 * Durable mark appends end to end over HTTP: the real server in one process, the load generator
 * (this file with `--load`) in another. 200 concurrent writers, each posting marks to
 * POST /api/expert/marks and waiting for the acknowledgement before the next request, about 20 s
 * per workload: one mark per request (live marking), then batches of 20 (tablets syncing after
 * being offline). 10 competitions with 4 experts each on a pass/fail sub-criterion; each expert
 * signs in once and its 5 writers (tablets) share the session, each over its own keep-alive
 * connection. A pass/fail mark re-entered under a
 * new id replaces the expert's earlier one, so every mark should be accepted.
 * After each workload: the log verifies, then the server is killed (SIGKILL) and the mark events in
 * its SQLite file must number exactly the accepted marks. Goal: >= 5,000 marks/s, p99 < 20 ms.
 */
import { Agent, request } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { call, pinCookie } from '../test/integration/competition-harness';
import { removeDataDir, startServer, tempDataDir } from '../test/support/server';
import {
  competitions,
  competitorCount,
  competitorId,
  aspectCount,
  expertsPerCompetition,
  loadInChildProcess,
  seedMarking,
  storedMarkCounts,
  writers,
  writersPerExpert,
  type Pins,
} from './marking-setup';
import { milliseconds, percentile } from './stats';

interface LoadPlan {
  url: string;
  pins: Pins;
  seconds: number;
  marksPerRequest: number;
}

interface LoadResult {
  requests: number;
  accepted: number;
  /** Per competition, to check against the stored log. */
  acceptedBy: Record<string, number>;
  duplicates: number;
  rejected: Record<string, number>;
  failedRequests: Record<string, number>;
  latencies: number[];
  elapsedSeconds: number;
}

interface MarkResult {
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  reason?: string;
}

/**
 * A JSON request over the writer's own keep-alive connection, as a tablet has one. Not fetch: its
 * shared connection pool kept opening connections while the server was saturated, and those
 * waited many seconds to be accepted (see docs/benchmarks.md), which the first figures took for
 * starvation inside the server.
 */
function requestOverOwnConnection(
  agent: Agent,
  url: string,
  cookie: string,
  body?: unknown,
): Promise<{ status: number; body: { results: MarkResult[] } }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: text === undefined ? 'GET' : 'POST',
        agent,
        headers: {
          cookie,
          ...(text === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
        },
      },
      (response) => {
        let reply = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (reply += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(reply) }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', reject);
    sent.end(text);
  });
}

/** The load generator's side: runs in its own process and prints its LoadResult as JSON. */
async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const sessions: { competition: number; competitionId: string; cookie: string }[] = [];
  for (const [c, [competitionId, experts]] of Object.entries(plan.pins).entries()) {
    for (const pin of Object.values(experts)) {
      const cookie = await pinCookie(plan.url, competitionId, pin);
      sessions.push({ competition: c + 1, competitionId, cookie });
    }
  }
  const result: LoadResult = {
    requests: 0,
    accepted: 0,
    acceptedBy: {},
    duplicates: 0,
    rejected: {},
    failedRequests: {},
    latencies: [],
    elapsedSeconds: 0,
  };
  const count = (tally: Record<string, number>, key: string, by = 1) =>
    (tally[key] = (tally[key] ?? 0) + by);

  // Every writer's connection is open (and accepted) before the clock starts, as tablets are
  // connected before marking starts.
  const agents = Array.from(
    { length: writers },
    () => new Agent({ keepAlive: true, maxSockets: 1 }),
  );
  await Promise.all(
    agents.map((agent, w) =>
      requestOverOwnConnection(
        agent,
        `${plan.url}/api/health`,
        sessions[Math.floor(w / writersPerExpert)]!.cookie,
      ),
    ),
  );
  const started = performance.now();
  const deadline = started + plan.seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const { competition, competitionId, cookie } = sessions[Math.floor(w / writersPerExpert)]!;
      const agent = agents[w]!;
      let n = 0;
      while (performance.now() < deadline) {
        const marks = Array.from({ length: plan.marksPerRequest }, () => {
          n += 1;
          return {
            id: `w${String(w).padStart(3, '0')}_${String(n).padStart(7, '0')}`,
            competitor: competitorId(competition, (n * 7 + w) % competitorCount),
            aspect: `A1.M${((n + w * 13) % aspectCount) + 1}`,
            value: { kind: 'binary', achieved: n % 2 === 0 },
          };
        });
        const begun = performance.now();
        const reply = await requestOverOwnConnection(
          agent,
          `${plan.url}/api/expert/marks`,
          cookie,
          {
            marks,
          },
        );
        result.latencies.push(performance.now() - begun);
        result.requests += 1;
        if (reply.status !== 200) {
          count(result.failedRequests, String(reply.status));
          continue;
        }
        for (const mark of reply.body.results as MarkResult[]) {
          if (mark.status === 'accepted') {
            result.accepted += 1;
            count(result.acceptedBy, competitionId);
          } else if (mark.status === 'duplicate') result.duplicates += 1;
          else count(result.rejected, mark.reason ?? 'unknown');
        }
      }
      agent.destroy();
    }),
  );
  result.elapsedSeconds = (performance.now() - started) / 1000;
  return result;
}

async function measure(marksPerRequest: number, seconds: number): Promise<void> {
  const dataDir = tempDataDir('ashyq-bench-http-marks-');
  try {
    const pins = await seedMarking(dataDir);
    const server = await startServer({ dataDir });
    let load: LoadResult;
    const verdicts: { ok: boolean }[] = [];
    try {
      load = await loadInChildProcess<LoadResult>(fileURLToPath(import.meta.url), {
        url: server.url,
        pins,
        seconds,
        marksPerRequest,
      });
      for (const competitionId of Object.keys(pins)) {
        const verdict = await call(
          server.url,
          undefined,
          'GET',
          `/api/public/competitions/${competitionId}/log/verify`,
        );
        verdicts.push(verdict.body);
      }
    } finally {
      // A crash, not a shutdown: what was acknowledged must already be on disk.
      await server.stop('SIGKILL');
    }
    const stored = storedMarkCounts(dataDir);
    const storedTotal = Object.values(stored).reduce((sum, marks) => sum + marks, 0);
    const sameCounts = Object.keys(pins).every(
      (id) => (stored[id] ?? 0) === (load.acceptedBy[id] ?? 0),
    );
    const marksPerSecond = Math.round(load.accepted / load.elapsedSeconds);
    console.log(
      `${`${marksPerRequest} mark${marksPerRequest > 1 ? 's' : ''} per request`.padEnd(22)}` +
        ` ${load.requests.toLocaleString('en')} requests, ${load.accepted.toLocaleString('en')} marks accepted` +
        ` in ${load.elapsedSeconds.toFixed(1)} s = ${marksPerSecond.toLocaleString('en')} marks/s;` +
        ` acknowledgement median ${milliseconds(percentile(load.latencies, 0.5))},` +
        ` p99 ${milliseconds(percentile(load.latencies, 0.99))}`,
    );
    console.log(
      `  duplicates ${load.duplicates}, rejected ${JSON.stringify(load.rejected)},` +
        ` failed requests ${JSON.stringify(load.failedRequests)};` +
        ` log verifies: ${verdicts.every((v) => v.ok)} (${verdicts.length} competitions);` +
        ` after kill -9: ${storedTotal.toLocaleString('en')} mark events stored,` +
        ` equal to the accepted count per competition: ${sameCounts}`,
    );
  } finally {
    removeDataDir(dataDir);
  }
}

export async function run(seconds = Number(process.env.BENCH_SECONDS ?? 20)): Promise<void> {
  console.log(
    `Durable marks over HTTP: server and load generator in separate processes, ${writers} concurrent ` +
      `writers (${competitions} competitions x ${expertsPerCompetition} experts x ${writersPerExpert} tablets), ` +
      `each waiting for its acknowledgement; ${seconds} s per workload, SQLite WAL + synchronous=FULL. ` +
      'Goal: >= 5,000 marks/s, p99 < 20 ms.',
  );
  for (const marksPerRequest of [1, 20]) await measure(marksPerRequest, seconds);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [flag, plan] = process.argv.slice(2);
  if (flag === '--load' && plan) {
    process.stdout.write(JSON.stringify(await generateLoad(JSON.parse(plan) as LoadPlan)));
  } else {
    await run();
  }
}
