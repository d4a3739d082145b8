import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createServices } from '../../server/src/services';
import { sqliteFileName } from '../../server/src/store/sqlite';
import { removeDataDir, startServer, tempDataDir, type RunningServer } from '../support/server';
import { binaryScheme, call, pinCookie, seedCompetition } from './competition-harness';

const aspects = 50;
const competitorCount = 20;
const repo = path.resolve(import.meta.dirname, '../..');

let root: string;
let liveDir: string;
let competitionId: string;
let pin: string;
let running: RunningServer | undefined;

/** `npm run cli -- ...` in a process of its own, with the server's DATA_DIR. */
function runCli(
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
      cwd: repo,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The ids of the marks stored in a data dir's SQLite file, read straight from its rows. */
function storedMarkIds(dataDir: string): Set<string> {
  const db = new Database(path.join(dataDir, sqliteFileName), { readonly: true });
  const ids = db
    .prepare(
      `SELECT json_extract(data, '$.mark.id') FROM events
       WHERE stream = ? AND type = 'mark.recorded'`,
    )
    .pluck()
    .all(competitionId) as string[];
  db.close();
  return new Set(ids);
}

function eventHashes(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const hashes = db
    .prepare('SELECT hash FROM events WHERE stream = ? ORDER BY seq')
    .pluck()
    .all(competitionId) as string[];
  db.close();
  return hashes;
}

beforeAll(async () => {
  root = tempDataDir('ashyq-backup-');
  liveDir = path.join(root, 'live');
  const services = await createServices(loadConfig({ DATA_DIR: liveDir }));
  const competitors = Array.from({ length: competitorCount }, (_, n) => ({
    id: `c${n + 1}`,
    regionId: 'abai',
  }));
  const seeded = await seedCompetition(services, { scheme: binaryScheme(aspects), competitors });
  competitionId = seeded.competitionId;
  const runtime = await services.competitions.open(competitionId);
  await runtime.setPanel('organiser-1', 'A1', ['e1']);
  const issued = await services.accounts.issueCredential(competitionId, 'e1', 'expert', {
    kind: 'user',
    userId: 'organiser-1',
  });
  pin = issued.pin;
  await services.close();
});

afterAll(async () => {
  await running?.stop('SIGKILL');
  removeDataDir(root);
});

describe('a backup taken while marks are being written', () => {
  const backup = () => path.join(root, 'backup.sqlite');
  const restoredDir = () => path.join(root, 'restored');
  let ackedBeforeBackup: string[] = [];
  let ackedDuringBackup = 0;

  it(
    'restores into a new DATA_DIR whose chains verify and hold every acknowledged mark',
    { timeout: 120_000 },
    async () => {
      running = await startServer({ dataDir: liveDir, env: { ASHYQ_DEMO: '0' } });
      const cookie = await pinCookie(running.url, competitionId, pin);
      const acknowledged: string[] = [];
      let writing = true;
      let next = 0;
      // Four tablets marking one batch after another until told to stop.
      const tablet = async () => {
        while (writing) {
          const marks = Array.from({ length: 10 }, () => {
            const n = next++;
            return {
              id: `live_${String(n).padStart(6, '0')}`,
              competitor: `c${(n % competitorCount) + 1}`,
              aspect: `A1.M${(Math.floor(n / competitorCount) % aspects) + 1}`,
              value: { kind: 'binary', achieved: n % 3 !== 0 },
            };
          });
          const reply = await call(running!.url, cookie, 'POST', '/api/expert/marks', { marks });
          expect(reply.status).toBe(200);
          for (const result of reply.body.results) {
            if (result.status === 'accepted') acknowledged.push(result.id);
          }
        }
      };
      const tablets = Promise.all([tablet(), tablet(), tablet(), tablet()]);
      while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 20));

      ackedBeforeBackup = [...acknowledged];
      const taken = await runCli(['backup', backup()], liveDir);
      ackedDuringBackup = acknowledged.length - ackedBeforeBackup.length;
      writing = false;
      await tablets;
      expect(taken.stderr).toBe('');
      expect(taken.code).toBe(0);
      expect(taken.stdout).toMatch(
        new RegExp(
          `^Backed up \\d+ events of 1 logs to .*backup\\.sqlite \\(\\d+ bytes\\); every chain in the copy verifies\\.`,
        ),
      );
      // The server went on acknowledging marks while the copy was taken.
      expect(ackedDuringBackup).toBeGreaterThan(0);
      await running.stop();
      // Its standard output: one JSON line per request, naming the competition, the actor and
      // the outcome, and never an IIN.
      const lines = running
        .output()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'request',
          method: 'POST',
          path: '/api/expert/marks',
          outcome: 'ok',
          competition: competitionId,
          actor: 'expert:e1',
        }),
      );
      expect(running.output()).not.toMatch(/9001013\d{5}/);
      running = undefined;

      const restored = await runCli(['restore', backup()], restoredDir());
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(
        /^Restored \d+ events of 1 logs from .* into .*restored; every chain verifies\./,
      );

      // Every mark acknowledged before the backup started is in the restored store, once.
      const inRestored = storedMarkIds(restoredDir());
      expect(ackedBeforeBackup.filter((id) => !inRestored.has(id))).toEqual([]);
      // The restored log is the live log as it was at one moment: the same events up to its head.
      const restoredHashes = eventHashes(path.join(restoredDir(), sqliteFileName));
      const liveHashes = eventHashes(path.join(liveDir, sqliteFileName));
      expect(liveHashes.slice(0, restoredHashes.length)).toEqual(restoredHashes);
      expect(liveHashes.length).toBeGreaterThan(restoredHashes.length);

      // A server on the restored DATA_DIR: its log verifies and the tablet sees the marks.
      running = await startServer({ dataDir: restoredDir(), env: { ASHYQ_DEMO: '0' } });
      const verdict = await call(
        running.url,
        undefined,
        'GET',
        `/api/public/competitions/${competitionId}/log/verify`,
      );
      expect(verdict.body).toMatchObject({ ok: true, events: restoredHashes.length });
      expect(verdict.body.head).toBe(restoredHashes[restoredHashes.length - 1]);
      await running.stop();
      running = undefined;
    },
  );

  it(
    'refuses a DATA_DIR that is not empty, and one whose server runs even with --force',
    { timeout: 120_000 },
    async () => {
      const refused = await runCli(['restore', backup()], liveDir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is not empty (ashyq.sqlite');
      expect(refused.stderr).toContain('pass --force');

      running = await startServer({ dataDir: liveDir, env: { ASHYQ_DEMO: '0' } });
      const inUse = await runCli(['restore', backup(), '--force'], liveDir);
      expect(inUse.code).toBe(1);
      expect(inUse.stderr).toContain('is open in another process (the server?): stop it');
      await running.stop();
      running = undefined;
      expect(storedMarkIds(liveDir).size).toBeGreaterThan(ackedBeforeBackup.length);

      // Stopped: --force puts the backup in place and keeps the store that was there beside it.
      const forced = await runCli(['restore', backup(), '--force'], liveDir);
      expect(forced.stderr).toBe('');
      expect(forced.code).toBe(0);
      expect(forced.stdout).toMatch(
        /The store that was there is kept as .*ashyq\.sqlite\.before-restore-/,
      );
      expect(eventHashes(path.join(liveDir, sqliteFileName))).toEqual(
        eventHashes(path.join(restoredDir(), sqliteFileName)),
      );
      expect(readdirSync(liveDir).filter((name) => name.includes('before-restore'))).toHaveLength(
        1,
      );
    },
  );

  it(
    'refuses a backup whose log was edited, and changes nothing',
    { timeout: 60_000 },
    async () => {
      const edited = path.join(root, 'edited.sqlite');
      copyFileSync(backup(), edited);
      const db = new Database(edited);
      // The first failed check, turned into a pass in the file itself.
      const seq = db
        .prepare(`SELECT MIN(seq) FROM events WHERE stream = ? AND data LIKE '%"achieved":false%'`)
        .pluck()
        .get(competitionId) as number;
      db.prepare(
        `UPDATE events SET data = replace(data, '"achieved":false', '"achieved":true')
       WHERE stream = ? AND seq = ?`,
      ).run(competitionId, seq);
      db.close();
      const target = path.join(root, 'from-edited');
      const refused = await runCli(['restore', edited], target);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(
          `^The backup does not verify, nothing was changed: the log of ${competitionId} is broken at event ${seq}: this event was altered after it was recorded`,
        ),
      );
      expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);

      const backupAgain = await runCli(['backup', backup()], liveDir);
      expect(backupAgain.code).toBe(1);
      expect(backupAgain.stderr).toContain('already exists: name a new file');
    },
  );
});
