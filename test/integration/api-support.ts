import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from '../../server/src/http/app';
import { createServices, type Services } from '../../server/src/services';
import { tempDataDir } from '../support/server';

/** The real app and services over a fresh SQLite DATA_DIR, served on a loopback port. */
export interface TestApp {
  services: Services;
  base: string;
  close(): Promise<void>;
}

/** Services over a SQLite DATA_DIR, with the settings every in-process test uses. */
export function createTestServices(dataDir: string): Promise<Services> {
  return createServices({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    mongodbUri: undefined,
    sqliteWriter: 'thread',
    redisUrl: undefined,
    publicUrl: 'http://localhost',
    logLevel: 'warn',
    metricsToken: undefined,
  });
}

export async function startTestApp(options: AppOptions = {}): Promise<TestApp> {
  const services = await createTestServices(tempDataDir('ashyq-api-'));
  const server: Server = createServer(createApp(services, options));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    services,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await services.close();
    },
  };
}

export interface Reply {
  status: number;
  // Tests read replies field by field and the assertions check them; typing every reply adds nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** One caller: keeps its session cookie, sends JSON or raw file bytes. */
export class Client {
  private cookie = '';

  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Reply> {
    // A new connection each time: these tests run the server in their own process and block it
    // (execFileSync of pdftoppm), and a kept-alive connection reused just as the server's
    // keep-alive timer closed it failed a request with ECONNRESET.
    const headers: Record<string, string> = { connection: 'close' };
    if (this.cookie) headers.cookie = this.cookie;
    let payload: RequestInit['body'];
    if (body instanceof Uint8Array) {
      headers['content-type'] = 'application/octet-stream';
      payload = body as unknown as RequestInit['body'];
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const type = res.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: parsed };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
}
