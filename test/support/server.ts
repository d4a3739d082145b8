import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverNodeFlags } from '../../scripts/server-flags';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** Graceful stop (SIGTERM) or a crash (SIGKILL). */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export function tempDataDir(prefix = 'ashyq-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * Starts the real server as a separate process on a loopback port with its own data dir,
 * and waits until /api/health answers.
 */
export async function startServer(
  /** `port` restarts a server where its pages expect it (with the same `dataDir`). */
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? tempDataDir();
  const log = keptOutput();
  const args = [...serverNodeFlags, '--import', 'tsx', 'scripts/serve.ts'];
  const child = spawn(process.execPath, args, {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => log.add(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.add(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}:\n${log.text()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`server did not start within 60 s:\n${log.text()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    dataDir,
    process: child,
    output: () => log.text(),
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** What is kept of a server's output: its start whole, then its most recent part. */
const keptHead = 256 * 1024;
const keptTail = 1024 * 1024;

/**
 * A server's output as tests read it. The server logs a line per request and per socket command,
 * so a benchmark's server writes hundreds of megabytes a minute: only the start (where start-up
 * messages are) and the last megabyte are kept.
 */
function keptOutput() {
  let head = '';
  let tail = '';
  let dropped = false;
  return {
    add(chunk: string) {
      if (head.length < keptHead) {
        const room = keptHead - head.length;
        head += chunk.slice(0, room);
        chunk = chunk.slice(room);
      }
      tail += chunk;
      if (tail.length > 2 * keptTail) {
        tail = tail.slice(-keptTail);
        dropped = true;
      }
    },
    text: () => head + (dropped ? '\n[... output left out ...]\n' : '') + tail,
  };
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
