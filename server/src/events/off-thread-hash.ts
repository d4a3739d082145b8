import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * Below this many UTF-16 code units a text is hashed where it is: the hand-over to the worker
 * costs more than hashing it (and short texts, as in tests, never start the worker).
 */
export const offThreadFrom = 256 * 1024;

// Plain CommonJS evaluated in the worker, so it needs no TypeScript loader.
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
parentPort.on('message', ({ id, parts }) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part, 'utf8');
  parentPort.postMessage({ id, digest: hash.digest('hex') });
});
`;

interface Waiting {
  resolve: (digest: string) => void;
  reject: (error: unknown) => void;
}

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, Waiting>();

function sha256Here(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part, 'utf8');
  return hash.digest('hex');
}

function startWorker(): Worker {
  const started = new Worker(workerSource, { eval: true });
  started.on('message', ({ id, digest }: { id: number; digest: string }) => {
    const request = waiting.get(id);
    waiting.delete(id);
    // Only a pending hash keeps the process alive for the worker.
    if (waiting.size === 0) started.unref();
    request?.resolve(digest);
  });
  const fail = (error: unknown) => {
    if (worker === started) worker = undefined;
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`the hashing worker stopped (exit code ${code})`)));
  started.unref();
  return started;
}

/**
 * SHA-256 (hex) of the UTF-8 bytes of the parts written one after another. A long text (a
 * competition's snapshot runs to megabytes) is encoded and hashed on a worker thread: handing a
 * string over is a copy, where encoding and hashing it took tens of milliseconds of the event
 * loop that acknowledges marks (docs/benchmarks.md). Each part must end on a whole character
 * (no surrogate pair split between two parts), or its bytes would differ from the joined text's.
 */
export function sha256OffThread(parts: readonly string[]): Promise<string> {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  if (length < offThreadFrom) return Promise.resolve(sha256Here(parts));
  try {
    worker ??= startWorker();
  } catch {
    return Promise.resolve(sha256Here(parts));
  }
  const id = nextId++;
  const busy = worker;
  return new Promise<string>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    busy.ref();
    busy.postMessage({ id, parts });
  });
}
