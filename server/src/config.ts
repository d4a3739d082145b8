import { z } from 'zod';
import type { Store, StoreOptions } from './store/port';

// An empty variable (`MONGODB_URI=` in a .env file) means "not set", not "set to nothing".
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  PORT: z.preprocess(
    unsetWhenEmpty,
    z.coerce
      .number({ error: 'a port number' })
      .int('a whole port number')
      .min(1, 'a port from 1 to 65535')
      .max(65535, 'a port from 1 to 65535')
      .default(3000),
  ),
  HOST: z.preprocess(unsetWhenEmpty, z.string().optional()),
  DATA_DIR: z.preprocess(unsetWhenEmpty, z.string().default('./data')),
  MONGODB_URI: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(
        /^mongodb(\+srv)?:\/\/\S+$/,
        'a MongoDB URL: mongodb://host:27017/ashyq or mongodb+srv://...',
      )
      .optional(),
  ),
  REDIS_URL: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, 'a Redis URL: redis://host:6379 or rediss://...')
      .optional(),
  ),
  SQLITE_WRITER: z.preprocess(
    unsetWhenEmpty,
    z.enum(['thread', 'inline'], { error: 'thread or inline' }).default('thread'),
  ),
  LOG_LEVEL: z.preprocess(
    unsetWhenEmpty,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  METRICS_TOKEN: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .regex(
        /^[\x21-\x7e]{32,}$/,
        'at least 32 printable characters without spaces (openssl rand -hex 32)',
      )
      .optional(),
  ),
  PUBLIC_URL: z.preprocess(
    unsetWhenEmpty,
    z.url({ protocol: /^https?$/, error: 'an http(s) URL: https://ashyq.example.kz' }).optional(),
  ),
});

export interface Config {
  port: number;
  /** Address to listen on; all interfaces when undefined. */
  host: string | undefined;
  dataDir: string;
  /** When set, MongoDB is the store instead of the embedded SQLite file in dataDir. */
  mongodbUri: string | undefined;
  /**
   * Where the embedded store writes events and snapshots: on its writer thread (the default),
   * or `inline` on the connection that serves requests (store/sqlite.ts).
   */
  sqliteWriter: 'thread' | 'inline';
  /** When set, Socket.IO shares board updates between instances through Redis. */
  redisUrl: string | undefined;
  /**
   * Where people reach this server, without a trailing slash: printed documents' QR codes point
   * to `<publicUrl>/verify/<code>`, so behind a proxy it must be the address outside the proxy.
   */
  publicUrl: string;
  /** The least severe line the server writes (pino levels); `info` logs each request and command. */
  logLevel: LogLevel;
  /**
   * The bearer token that opens /metrics. Unset, /metrics does not exist: behind a reverse proxy
   * on the same machine every request comes from loopback, so the address proves nothing.
   */
  metricsToken: string | undefined;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Variables whose value is never printed, not even when it is refused. */
const secretVariables = new Set(['METRICS_TOKEN']);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment; a bad value is a ConfigError naming each variable, what it is and what it should be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0]);
        const value = secretVariables.has(variable)
          ? '(not shown)'
          : JSON.stringify(env[variable] ?? '');
        return `${variable}=${value}: expected ${issue.message}`;
      }),
    );
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: values.DATA_DIR,
    mongodbUri: values.MONGODB_URI,
    sqliteWriter: values.SQLITE_WRITER,
    redisUrl: values.REDIS_URL,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/+$/, ''),
    logLevel: values.LOG_LEVEL,
    metricsToken: values.METRICS_TOKEN,
  };
}

/** For commands: the configuration, or the problems on stderr and exit code 2. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

/** MongoDB when MONGODB_URI is set, else the embedded SQLite store in DATA_DIR. */
export async function openStore(
  config: Pick<Config, 'dataDir' | 'mongodbUri'> & Partial<Pick<Config, 'sqliteWriter'>>,
  options: StoreOptions = {},
): Promise<Store> {
  // Imported on demand, so a laptop running SQLite never loads Mongoose and the other way round.
  if (config.mongodbUri) {
    const { openMongoStore } = await import('./store/mongo');
    return openMongoStore(config.mongodbUri, options);
  }
  const { openSqliteStore } = await import('./store/sqlite');
  return openSqliteStore(config.dataDir, { ...options, writer: config.sqliteWriter });
}
