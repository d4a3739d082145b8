import { parentPort, workerData } from 'node:worker_threads';
import type { EncodedSnapshot, Store, ThreadRecipe } from '../store/port';
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

/** The stream's state at its stored head, unless the latest snapshot already holds it. */
async function run({ stream, projection: recipe }: SnapshotJob): Promise<EncodedSnapshot | null> {
  const projection = await projectionOf(recipe);
  const { state, head, fromSnapshotSeq } = await log.replay(stream, projection);
  if (head.hash === null || head.seq === fromSnapshotSeq) return null;
  const { name } = projection;
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
