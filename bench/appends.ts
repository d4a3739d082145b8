/**
 * Durable appends to the embedded SQLite store: 200 concurrent writers appending mark-sized events
 * (WAL, synchronous=FULL, group commit), each for about ten seconds. Three workloads:
 * - own streams: every writer appends to its own stream;
 * - shared, live projection: 200 experts on 20 competitions, each competition's single writer
 *   (LiveProjection) deciding and storing the commands that arrive together in one append;
 * - shared, retry on conflict: the same 20 streams written directly, each writer retrying with the
 *   head a ConflictError reports (what a writer without a single-writer projection would do).
 * Latency is from the call to the durable acknowledgement, retries included.
 * Goal: >= 5,000 mark events/s with p99 < 20 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { EventLog } from '../server/src/events/event-log';
import { LiveProjection } from '../server/src/events/live-projection';
import { markRecorded, markTotals, type SampleMark } from '../server/src/events/mark-totals';
import { chainEvents } from '../server/src/events/chain';
import { ConflictError, encodeEvent } from '../server/src/store/port';
import { openSqliteStore, sqliteFileName, type SqliteStore } from '../server/src/store/sqlite';
import { milliseconds, percentile } from './stats';

const writers = 200;
/** Where the store commits (BENCH_SQLITE_WRITER=inline for the main connection, to compare). */
const writer = process.env.BENCH_SQLITE_WRITER === 'inline' ? 'inline' : 'thread';
const competitions = 20;

interface Workload {
  name: string;
  /** The most events one commit can take when every writer's append is in it. */
  roundRows: number;
  /** Appends one mark for writer `w` (its n-th) and resolves once it is durable. */
  prepare(log: EventLog): Promise<(w: number, n: number) => Promise<void>>;
}

function markOf(w: number, n: number): SampleMark {
  return {
    id: `m-${w}-${n}-${Math.random().toString(36).slice(2, 10)}`,
    competitor: `competitor-${(w * 7 + n) % 30}`,
    aspect: `A${(n % 12) + 1}.${(n % 5) + 1}`,
    expert: `expert-${String(w).padStart(3, '0')}`,
    score: n % 4,
  };
}

const workloads: Workload[] = [
  {
    name: 'own streams',
    roundRows: writers,
    async prepare(log) {
      const seqs = new Array<number>(writers).fill(0);
      return async (w, n) => {
        await log.append(`writer-${w}`, seqs[w]!, [markRecorded(markOf(w, n))]);
        seqs[w]! += 1;
      };
    },
  },
  {
    name: 'shared, live projection',
    roundRows: writers,
    async prepare(log) {
      const live = await Promise.all(
        Array.from({ length: competitions }, (_, c) =>
          LiveProjection.load(log, `competition-${c}`, markTotals),
        ),
      );
      return async (w, n) => {
        await live[w % competitions]!.execute(() => [markRecorded(markOf(w, n))]);
      };
    },
  },
  {
    name: 'shared, retry on conflict',
    // One append per stream can win a round; the others conflict and retry.
    roundRows: competitions,
    async prepare(log) {
      const known = new Array<number>(competitions).fill(0);
      return async (w, n) => {
        const c = w % competitions;
        for (;;) {
          try {
            await log.append(`competition-${c}`, known[c]!, [markRecorded(markOf(w, n))]);
            known[c]! += 1;
            return;
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error;
            known[c] = error.actual;
          }
        }
      };
    },
  },
];

/**
 * The floor: raw better-sqlite3, WAL + synchronous=FULL, inserting the same number of rows into
 * the store's own events table (the file is created by openSqliteStore, so the schema and its
 * (stream, seq) key are the store's), in transactions of the group size the store achieved.
 * Each row is a whole stored event (at, actor, 64-character prevHash and hash, the mark's
 * canonical JSON), prepared before the clock starts: what the floor leaves out is exactly what
 * Ashyq adds (chaining and hashing, the head check, the promises). Returns rows/s.
 */
async function rawFloor(rows: number, groupSize: number, streams: number): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-bench-raw-'));
  await (await openSqliteStore(dataDir)).close();
  const db = new Database(path.join(dataDir, sqliteFileName));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    `INSERT INTO events (stream, seq, at, actor, type, data, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = new Date().toISOString();
  const templates = Array.from({ length: 1000 }, (_, n) => {
    const draft = markRecorded(markOf(n % writers, n));
    const [event] = chainEvents('stream-0', { seq: 0, hash: null }, [draft], at);
    return encodeEvent(event!);
  });
  const seqs = new Array<number>(streams).fill(0);
  const group = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const stream = n % streams;
      const row = templates[n % 1000]!;
      insert.run(
        `stream-${stream}`,
        ++seqs[stream]!,
        row.at,
        row.actor,
        row.type,
        row.data,
        row.prevHash,
        row.hash,
      );
    }
  });
  const size = Math.max(1, Math.round(groupSize));
  const started = performance.now();
  for (let n = 0; n < rows; n += size) group(n, Math.min(rows, n + size));
  const elapsed = (performance.now() - started) / 1000;
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
  return rows / elapsed;
}

async function measure(workload: Workload, seconds: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-bench-appends-'));
  const store: SqliteStore = await openSqliteStore(dataDir, { writer });
  const log = new EventLog(store);
  const appendOne = await workload.prepare(log);
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const begun = performance.now();
        await appendOne(w, n);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const { transactions, appends } = store.groupCommits;
  // The live projections snapshot in the background: let those writes finish before closing.
  await log.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });

  console.log(
    `${workload.name.padEnd(26)} ${String(latencies.length).padStart(8)} marks in ${elapsed.toFixed(1)} s` +
      ` = ${Math.round(latencies.length / elapsed).toLocaleString('en')} marks/s;` +
      ` latency median ${milliseconds(percentile(latencies, 0.5))}, p99 ${milliseconds(percentile(latencies, 0.99))};` +
      ` ${transactions.toLocaleString('en')} commits, ${(appends / transactions).toFixed(1)} appends each`,
  );
  const streams = workload.name === 'own streams' ? writers : competitions;
  const floor = await rawFloor(latencies.length, latencies.length / transactions, streams);
  const rate = latencies.length / elapsed;
  console.log(
    `${'  raw better-sqlite3 floor'.padEnd(26)} same ${latencies.length} rows in groups of ` +
      `${(latencies.length / transactions).toFixed(1)}: ${Math.round(floor).toLocaleString('en')} rows/s;` +
      ` Ashyq / floor = ${(rate / floor).toFixed(2)} (target >= 0.7); loadavg ${loadavg()[0].toFixed(2)}`,
  );
  // The writer thread sends smaller groups than one per round of every writer, and a smaller
  // group is a slower floor: the floor at one group per round is printed beside it.
  if (latencies.length / transactions < workload.roundRows - 0.5) {
    const roundFloor = await rawFloor(latencies.length, workload.roundRows, streams);
    console.log(
      `${'  same, one group a round'.padEnd(26)} ${workload.roundRows} rows per commit: ` +
        `${Math.round(roundFloor).toLocaleString('en')} rows/s; Ashyq / floor = ${(rate / roundFloor).toFixed(2)}`,
    );
  }
}

export async function run(seconds = Number(process.env.BENCH_SECONDS ?? 10)): Promise<void> {
  console.log(
    `Durable appends: ${writers} concurrent writers, one mark event (~250 bytes) per append, ` +
      `${seconds} s per workload, SQLite WAL + synchronous=FULL in a temp dir, commits on the ` +
      `${writer === 'thread' ? 'writer thread' : 'main connection'}. Goal: >= 5,000 marks/s, p99 < 20 ms.`,
  );
  // BENCH_APPENDS=<part of a workload's name> runs that one alone (to profile it).
  const only = process.env.BENCH_APPENDS;
  for (const workload of workloads) {
    if (!only || workload.name.includes(only)) await measure(workload, seconds);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
