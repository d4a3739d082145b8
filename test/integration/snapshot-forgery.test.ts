import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { snapshotContentHash } from '../../server/src/events/state-check';
import { createServices } from '../../server/src/services';
import type { Snapshot } from '../../server/src/store/port';
import { sqliteFileName } from '../../server/src/store/sqlite';
import { removeDataDir, startServer, tempDataDir, type RunningServer } from '../support/server';
import { binaryScheme, call, pinCookie, seedCompetition } from './competition-harness';

/**
 * A competition's snapshot (its state row in SQLite) edited behind the server's back, the log
 * left as it was: the figures everyone sees must stay the log's, and log/verify must say so.
 * An edited row changed a competitor's total and an expert's mark after a restart
 * while verify answered ok.
 */

const aspects = 50;
const competitorCount = 20;
/** The mark the forger flips: competitor c1's first aspect, entered by expert e1. */
const target = { competitor: 'c1', aspect: 'A1.M1' };

let dataDir: string;
let competitionId: string;
let expertPin: string;
let chiefPin: string;
let running: RunningServer | undefined;

beforeAll(async () => {
  dataDir = tempDataDir();
  const config = loadConfig({ DATA_DIR: dataDir });
  let services = await createServices(config);
  const competitors = Array.from({ length: competitorCount }, (_, n) => ({
    id: `c${n + 1}`,
    regionId: 'abai',
  }));
  const seeded = await seedCompetition(services, { scheme: binaryScheme(aspects), competitors });
  competitionId = seeded.competitionId;
  const runtime = await services.competitions.open(competitionId);
  await runtime.setPanel('organiser-1', 'A1', ['e1']);
  const marks = Array.from({ length: competitorCount * aspects }, (_, n) => ({
    id: `forged_${String(n).padStart(5, '0')}`,
    competitor: `c${(n % competitorCount) + 1}`,
    aspect: `A1.M${Math.floor(n / competitorCount) + 1}`,
    // Every check passes, so c1 has the full 25 points in the log.
    value: { kind: 'binary' as const, achieved: true },
  }));
  for (let i = 0; i < marks.length; i += 500) {
    const results = await runtime.recordMarks('e1', marks.slice(i, i + 500));
    expect(results.every((result) => result.status === 'accepted')).toBe(true);
  }
  const issuer = { kind: 'user' as const, userId: 'organiser-1' };
  expertPin = (await services.accounts.issueCredential(competitionId, 'e1', 'expert', issuer)).pin;
  chiefPin = (await services.accounts.issueCredential(competitionId, 'chief', 'chief', issuer)).pin;
  await services.close();
  // Opened again, the runtime replays the 1,000 marks and keeps a snapshot of its state.
  services = await createServices(config);
  await services.close();
  expect(readSnapshot().seq).toBe(competitorCount + 1 + marks.length);
});

afterAll(async () => {
  await running?.stop('SIGKILL');
  removeDataDir(dataDir);
});

function readSnapshot(): Snapshot {
  const file = new Database(path.join(dataDir, sqliteFileName), { readonly: true });
  const row = file
    .prepare(
      `SELECT stream, projection, seq, hash, state, content_hash AS contentHash FROM snapshots
       WHERE stream = ?`,
    )
    .get(competitionId) as Snapshot;
  file.close();
  return row;
}

/** c1's mark on A1.M1 flipped to "not achieved" in the snapshot row; with `sealed`, its hash redone. */
async function forgeSnapshot(sealed: boolean): Promise<void> {
  const kept = readSnapshot();
  const state = JSON.parse(kept.state);
  const mark = state.scoring.marks.find(
    (m: { competitor: string; aspect: string }) =>
      m.competitor === target.competitor && m.aspect === target.aspect,
  );
  mark.value.achieved = false;
  const forged = JSON.stringify(state);
  const contentHash = sealed
    ? await snapshotContentHash({ ...kept, state: forged })
    : kept.contentHash;
  const file = new Database(path.join(dataDir, sqliteFileName));
  file
    .prepare('UPDATE snapshots SET state = ?, content_hash = ? WHERE stream = ?')
    .run(forged, contentHash, competitionId);
  file.close();
}

/** What people see: c1's total on the chief's board, and the expert's own mark on the tablet. */
async function figures(server: RunningServer) {
  const chief = await pinCookie(server.url, competitionId, chiefPin);
  const expert = await pinCookie(server.url, competitionId, expertPin);
  const board = await call(
    server.url,
    chief,
    'GET',
    `/api/chief/competitions/${competitionId}/board`,
  );
  const view = await call(server.url, expert, 'GET', '/api/expert/competition');
  const row = board.body.rows.find((r: { competitor: string }) => r.competitor === 'c1');
  const mark = view.body.marks.find(
    (m: { competitor: string; aspect: string }) =>
      m.competitor === target.competitor && m.aspect === target.aspect,
  );
  return { total: row.total as number, achieved: mark.value.achieved as boolean };
}

const verify = (server: RunningServer) =>
  call(server.url, undefined, 'GET', `/api/public/competitions/${competitionId}/log/verify`);

describe('a snapshot edited in the database', () => {
  it('is not loaded: the server starts from the log, says so, and verify reports the snapshot', async () => {
    const events = competitorCount + 1 + competitorCount * aspects;
    await forgeSnapshot(false);

    running = await startServer({ dataDir, env: { ASHYQ_DEMO: '0' } });
    // The server's output arrives through a pipe: wait for it rather than race it.
    await vi.waitFor(() =>
      expect(running!.output()).toMatch(
        new RegExp(`Snapshot of ${competitionId} .* at event ${events} not loaded: .*altered`),
      ),
    );
    expect(await figures(running)).toEqual({ total: 25, achieved: true });
    const verdict = await verify(running);
    expect(verdict.body).toMatchObject({
      ok: false,
      reason: 'snapshot_altered',
      events,
      snapshotSeq: events,
      liveState: 'matches',
    });
    await running.stop();
  });

  it('with its content hash forged too, is caught by verify, which puts the log’s figures back', async () => {
    await forgeSnapshot(true);

    running = await startServer({ dataDir, env: { ASHYQ_DEMO: '0' } });
    // Nothing in the database tells this snapshot from a true one, so the server loads it...
    expect(await figures(running)).toEqual({ total: 24.5, achieved: false });
    // ...until verify replays the log: it reports the snapshot and what was served, and the
    // server serves the log's figures from then on.
    const verdict = await verify(running);
    expect(verdict.body).toMatchObject({
      ok: false,
      reason: 'snapshot_altered',
      liveState: 'differed',
    });
    await vi.waitFor(() =>
      expect(running!.output()).toMatch(/was not what its log gives .* Rebuilt from the log/),
    );
    expect(await figures(running)).toEqual({ total: 25, achieved: true });
    expect((await verify(running)).body).toMatchObject({
      reason: 'snapshot_altered',
      liveState: 'matches',
    });
    await running.stop();
  });
});
