/**
 * Start-up with a long log: 1,000,000 mark events in 20 competitions (50,000 each) in the embedded
 * SQLite store, each competition's projection (mark totals per competitor) rebuilt in a fresh
 * process, as a restarted server would: once by replaying every event, once from a snapshot taken
 * 500 events before each head. Also times verifying the whole log (what the verify route does).
 * Goal: < 10 s from scratch, < 2 s with snapshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EventLog, type Projection } from '../server/src/events/event-log';
import { markRecorded, markTotals, type MarkTotals } from '../server/src/events/mark-totals';
import { openSqliteStore } from '../server/src/store/sqlite';
import { milliseconds, percentile } from './stats';

const streams = 20;
const eventsPerStream = 50_000;
const tailAfterSnapshot = 500;
const eventsPerTransaction = 5_000;
const runsPerMode = 5;

/** The same reducer under another name, so no snapshot applies to it. */
const withoutSnapshots: Projection<MarkTotals> = { ...markTotals, name: 'mark-totals@no-snapshot' };

async function appendMarks(
  log: EventLog,
  stream: string,
  from: number,
  count: number,
): Promise<void> {
  let head = await log.head(stream);
  for (let done = 0; done < count; done += eventsPerTransaction) {
    const drafts = Array.from({ length: Math.min(eventsPerTransaction, count - done) }, (_, i) => {
      const n = from + done + i;
      return markRecorded({
        id: `m-${stream}-${n}`,
        competitor: `competitor-${n % 30}`,
        aspect: `A${(n % 12) + 1}.${(n % 5) + 1}`,
        expert: `expert-${n % 25}`,
        score: n % 4,
      });
    });
    const stored = await log.write(log.prepare(stream, head, drafts));
    const last = stored[stored.length - 1]!;
    head = { seq: last.seq, hash: last.hash };
  }
}

async function buildLog(dataDir: string): Promise<void> {
  const store = await openSqliteStore(dataDir);
  const log = new EventLog(store);
  const names = Array.from({ length: streams }, (_, c) => `competition-${c}`);
  for (const stream of names)
    await appendMarks(log, stream, 0, eventsPerStream - tailAfterSnapshot);
  for (const stream of names) await log.replay(stream, markTotals, { snapshotEvery: 1 });
  await log.settled();
  for (const stream of names)
    await appendMarks(log, stream, eventsPerStream - tailAfterSnapshot, tailAfterSnapshot);
  await store.close();
}

/** What a restarted server does before it can serve: open the store, rebuild every projection. */
async function startUp(dataDir: string, projection: Projection<MarkTotals>) {
  const started = performance.now();
  const store = await openSqliteStore(dataDir);
  const log = new EventLog(store);
  let events = 0;
  let fromSnapshots = 0;
  let checksum = 0;
  for (const stream of await store.streams()) {
    const replayed = await log.replay(stream, projection);
    events += replayed.head.seq;
    fromSnapshots += replayed.fromSnapshotSeq;
    checksum += Object.values(replayed.state.totals).reduce((sum, total) => sum + total, 0);
  }
  const ms = performance.now() - started;
  await store.close();
  return { ms, events, fromSnapshots, checksum };
}

async function verifyAll(dataDir: string): Promise<{ ms: number; ok: boolean }> {
  const store = await openSqliteStore(dataDir);
  const log = new EventLog(store);
  const started = performance.now();
  let ok = true;
  for (const stream of await store.streams()) ok &&= (await log.verify(stream)).ok;
  const ms = performance.now() - started;
  await store.close();
  return { ms, ok };
}

function startUpInFreshProcess(dataDir: string, mode: 'scratch' | 'snapshot') {
  const began = performance.now();
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--start-up', dataDir, mode],
    { encoding: 'utf8' },
  );
  const result = JSON.parse(output) as Awaited<ReturnType<typeof startUp>>;
  return { ...result, processMs: performance.now() - began };
}

export async function run(): Promise<void> {
  const total = streams * eventsPerStream;
  console.log(
    `Start-up: ${total.toLocaleString('en')} mark events in ${streams} streams, SQLite; each start-up in a ` +
      `fresh process (${runsPerMode} runs per mode), snapshots ${tailAfterSnapshot} events before each head. ` +
      'Goal: < 10 s from scratch, < 2 s with snapshots.',
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-bench-startup-'));
  try {
    const building = performance.now();
    await buildLog(dataDir);
    const buildSeconds = (performance.now() - building) / 1000;
    console.log(
      `built the log in ${buildSeconds.toFixed(1)} s (${Math.round(total / buildSeconds).toLocaleString('en')} events/s, hashing included)`,
    );

    const checksums = new Set<number>();
    for (const mode of ['scratch', 'snapshot'] as const) {
      const runs = Array.from({ length: runsPerMode }, () => startUpInFreshProcess(dataDir, mode));
      for (const result of runs) checksums.add(result.checksum);
      const replayMs = runs.map((r) => r.ms);
      const processMs = runs.map((r) => r.processMs);
      const applied = runs[0]!.events - runs[0]!.fromSnapshots;
      console.log(
        `${mode === 'scratch' ? 'from scratch ' : 'from snapshot'}: ${applied.toLocaleString('en')} events applied;` +
          ` open + replay median ${milliseconds(percentile(replayMs, 0.5))}, p99 ${milliseconds(percentile(replayMs, 0.99))};` +
          ` whole process (node + tsx start) median ${milliseconds(percentile(processMs, 0.5))}`,
      );
    }
    if (checksums.size !== 1)
      throw new Error('replay from a snapshot gave another state than replay from scratch');

    const verified = await verifyAll(dataDir);
    console.log(
      `verify the whole chain: ${milliseconds(verified.ms)} (${Math.round(total / (verified.ms / 1000)).toLocaleString('en')} events/s), ok: ${verified.ok}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [flag, dataDir, mode] = process.argv.slice(2);
  if (flag === '--start-up' && dataDir) {
    const result = await startUp(dataDir, mode === 'snapshot' ? markTotals : withoutSnapshots);
    process.stdout.write(JSON.stringify(result));
  } else {
    await run();
  }
}
