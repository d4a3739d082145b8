import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createServices } from '../services';
import { main } from './main';

describe('organiser add', () => {
  let dataDir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, ASHYQ_PASSWORD: process.env.ASHYQ_PASSWORD };

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-cli-'));
    process.env.DATA_DIR = dataDir;
  });
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function run(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['organiser', 'add', ...args], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('creates an account that can sign in, scoped to the championships named', async () => {
    process.env.ASHYQ_PASSWORD = 'First-Organiser-1';
    const args = ['--email', 'Dana@College.kz', '--name', 'Дана', '--championship', 'wsk-2027'];
    expect((await run(args)).code).toBe(0);
    const services = await createServices(loadConfig());
    try {
      const account = await services.accounts.signInWithPassword(
        'dana@college.kz',
        'First-Organiser-1',
        '::1',
      );
      expect(account.scope).toEqual({ kind: 'championships', ids: ['wsk-2027'] });
    } finally {
      await services.close();
    }
    const again = await run(args);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
  });

  it('refuses without a password in ASHYQ_PASSWORD or a short one, creating nothing', async () => {
    delete process.env.ASHYQ_PASSWORD;
    const args = ['--email', 'a@b.kz', '--name', 'A'];
    expect((await run(args)).code).toBe(2);
    process.env.ASHYQ_PASSWORD = 'short';
    expect((await run(args)).code).toBe(1);
    process.env.ASHYQ_PASSWORD = 'Long-enough-1';
    expect((await run(args)).code).toBe(0);
  });
});
