import { parentPort, workerData } from 'node:worker_threads';
import type { EncodedSnapshot, Store, StreamHead, ThreadRecipe } from '../store/port';
import { EventLog, type Projection } from './event-log';
import { fromRecipe, type SnapshotJob, type SnapshotReply } from './snapshot-thread';
import { encodeSnapshot, stateText } from './state-check';

// The snapshot thread (snapshot-thread.ts), at the lowest priority (snapshot-worker.mjs): its own
// connection to read the store (never its write lock: the writer would wait for a thread that
// gets the CPU last), its own copy of each projection, and the event log's own replay, one job at
// a time. It builds the snapshot and hands its bytes back; the store's writer keeps it.

const port = parentPort!;
const reply = (message: SnapshotReply, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

const store = await fromRecipe<Store>(workerData as ThreadRecipe);
const log = new EventLog(store, {
  onBackgroundError: (error) => reply({ backgroundError: messageOf(error) }),
  onIntegrityProblem: (message) => reply({ integrityProblem: message }),
});

const projections = new Map<string, Promise<Projection<unknown>>>();

/** The projection a recipe builds, built once per recipe. */
function projectionOf(recipe: ThreadRecipe): Promise<Projection<unknown>> {
  const key = JSON.stringify(recipe);
  let projection = projections.get(key);
  if (!projection) projections.set(key, (projection = fromRecipe(recipe)));
  return projection;
}

/**
 * Per stream, the state this thread's last job left and its head. The next job applies only the
 * events since: reading the last snapshot back and rebuilding a whole competition from it made
 * each job parse megabytes and leave a whole state behind as garbage, the thread's collections
 * competing with the server for the CPU (docs/event-log.md). It costs a second copy of each
 * competition's state in memory.
 */
const built = new Map<string, { projection: string; state: unknown; head: StreamHead }>();

/**
 * The stream's state at its stored head, unless it holds nothing new: nothing since the state
 * this thread built last, or since the latest snapshot when it has built none.
 */
async function run({ stream, projection: recipe }: SnapshotJob): Promise<EncodedSnapshot | null> {
  const projection = await projectionOf(recipe);
  const { name } = projection;
  const kept = built.get(stream);
  // Taken out while the job runs: a replay that fails may have applied part of its events.
  built.delete(stream);
  const from = kept?.projection === name ? kept : undefined;
  const { state, head, fromSnapshotSeq } = from
    ? await log
        .replay(stream, projection, { from })
        // A log that does not continue the kept state (restored from a backup): from the store.
        .catch(() => log.replay(stream, projection))
    : await log.replay(stream, projection);
  built.set(stream, { projection: name, state, head });
  if (head.hash === null || head.seq === fromSnapshotSeq) return null;
  const text = stateText(projection, state);
  return encodeSnapshot({ stream, projection: name, seq: head.seq, hash: head.hash, state: text });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

let queue = Promise.resolve();
port.on('message', (job: SnapshotJob) => {
  queue = queue.then(() =>
    run(job).then(
      (snapshot) =>
        reply({ id: job.id, snapshot }, snapshot ? [snapshot.state.buffer as ArrayBuffer] : []),
      (error: unknown) => reply({ id: job.id, error: messageOf(error) }),
    ),
  );
});
