import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, openStore } from './config';
import { SqliteStore } from './store/sqlite';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: undefined,
      dataDir: './data',
      mongodbUri: undefined,
      sqliteWriter: 'thread',
      redisUrl: undefined,
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      metricsToken: undefined,
    });
  });

  it('takes LOG_LEVEL and METRICS_TOKEN, and never prints a refused token', () => {
    const token = 'a'.repeat(32);
    expect(loadConfig({ LOG_LEVEL: 'warn', METRICS_TOKEN: token })).toMatchObject({
      logLevel: 'warn',
      metricsToken: token,
    });
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent',
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'secret-but-short' })).toThrow(
      'METRICS_TOKEN=(not shown): expected at least 32 printable characters',
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'secret-but-short' })).not.toThrow(/secret-but-short/);
  });

  it('takes SQLITE_WRITER, and refuses what it does not know', () => {
    expect(loadConfig({ SQLITE_WRITER: 'inline' }).sqliteWriter).toBe('inline');
    expect(() => loadConfig({ SQLITE_WRITER: 'worker' })).toThrow(
      'SQLITE_WRITER="worker": expected thread or inline',
    );
  });

  it('takes PUBLIC_URL for the QR codes on documents, else localhost on the configured port', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://ashyq.example.kz/' }).publicUrl).toBe(
      'https://ashyq.example.kz',
    );
    expect(loadConfig({ PUBLIC_URL: 'https://scores.example.kz/ashyq' }).publicUrl).toBe(
      'https://scores.example.kz/ashyq',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'ashyq.example.kz' })).toThrow(
      'PUBLIC_URL="ashyq.example.kz": expected an http(s) URL: https://ashyq.example.kz',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://ashyq.example.kz' })).toThrow('PUBLIC_URL=');
  });

  it('reads every variable, and treats an empty one as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/ashyq',
      MONGODB_URI: 'mongodb://db1:27017,db2:27017/ashyq?replicaSet=rs0',
      REDIS_URL: '',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/ashyq',
      mongodbUri: 'mongodb://db1:27017,db2:27017/ashyq?replicaSet=rs0',
      redisUrl: undefined,
    });
  });

  it('names every bad variable, its value and what it should be', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: '80a',
        MONGODB_URI: 'localhost:27017',
        REDIS_URL: 'redis://cache:6379',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT="80a": expected a port number',
      'MONGODB_URI="localhost:27017": expected a MongoDB URL: mongodb://host:27017/ashyq or mongodb+srv://...',
    ]);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(
      'PORT="70000": expected a port from 1 to 65535',
    );
  });
});

describe('openStore', () => {
  it('opens the embedded SQLite store in DATA_DIR when no MongoDB URL is given', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-config-'));
    const store = await openStore(loadConfig({ DATA_DIR: dataDir }));
    expect(store).toBeInstanceOf(SqliteStore);
    expect((store as SqliteStore).file).toBe(path.join(dataDir, 'ashyq.sqlite'));
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
});
