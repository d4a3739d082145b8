import { connect } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config';
import { createServices } from '../../server/src/services';
import { sqliteFileName } from '../../server/src/store/sqlite';
import { removeDataDir, startServer, tempDataDir, type RunningServer } from '../support/server';
import { binaryScheme, call, pinCookie, seedCompetition } from './competition-harness';
import { iinShapedNumbers } from '../support/privacy';

const aspects = 50;
const competitorCount = 20;
const batchSize = 100;

let dataDir: string;
let competitionId: string;
let pin: string;
let running: RunningServer | undefined;

beforeAll(async () => {
  dataDir = tempDataDir();
  const services = await createServices(loadConfig({ DATA_DIR: dataDir }));
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
  removeDataDir(dataDir);
});

const verify = (server: RunningServer) =>
  call(server.url, undefined, 'GET', `/api/public/competitions/${competitionId}/log/verify`);

describe('a crash right after the acknowledgements', () => {
  const acknowledged: string[] = [];

  it('keeps every acknowledged mark exactly once after kill -9 and a restart', async () => {
    running = await startServer({ dataDir });
    const cookie = await pinCookie(running.url, competitionId, pin);
    const marks = Array.from({ length: competitorCount * aspects }, (_, n) => ({
      id: `crash_${String(n).padStart(6, '0')}`,
      competitor: `c${(n % competitorCount) + 1}`,
      aspect: `A1.M${Math.floor(n / competitorCount) + 1}`,
      value: { kind: 'binary', achieved: n % 3 !== 0 },
    }));
    const batches = Array.from({ length: marks.length / batchSize }, (_, b) =>
      marks.slice(b * batchSize, (b + 1) * batchSize),
    );
    // All batches at once, as tablets coming back online do; the server groups them into appends.
    const replies = await Promise.all(
      batches.map((batch) =>
        call(running!.url, cookie, 'POST', '/api/expert/marks', { marks: batch }),
      ),
    );
    for (const reply of replies) {
      for (const result of reply.body.results) {
        if (result.status === 'accepted') acknowledged.push(result.id);
      }
    }
    await running.stop('SIGKILL');
    expect(acknowledged).toHaveLength(marks.length);

    running = await startServer({ dataDir });
    const view = await call(running.url, cookie, 'GET', '/api/expert/competition');
    expect(view.status).toBe(200);
    const stored = view.body.marks.map((m: { id: string }) => m.id);
    expect(new Set(stored).size).toBe(stored.length);
    expect([...stored].sort()).toEqual([...acknowledged].sort());

    const resent = await call(running.url, cookie, 'POST', '/api/expert/marks', {
      marks: batches[0],
    });
    expect(resent.body.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(
      true,
    );
    const verdict = await verify(running);
    expect(verdict.body).toMatchObject({ ok: true, events: competitorCount + 1 + marks.length });
    expect(iinShapedNumbers(verdict.body)).toEqual([]);
    await running.stop();
  });

  it('stops on SIGTERM though a client holds a request open, as a tablet retrying may', async () => {
    running = await startServer({ dataDir });
    const { port } = running;
    // Half the headers of a request: the connection is busy, neither idle nor ever finishing.
    const client = connect(port, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    client.write('POST /api/expert/marks HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const closed = new Promise((resolve) => client.once('close', resolve));
    client.resume();
    await running.stop();
    expect(running.process.exitCode).toBe(0);
    await closed;

    running = await startServer({ dataDir, port });
    const verdict = await verify(running);
    expect(verdict.body).toMatchObject({ ok: true });
    await running.stop();
  });

  it('reports a changed stored event at its seq', async () => {
    const file = new Database(path.join(dataDir, sqliteFileName));
    const target = 500;
    const row = file
      .prepare('SELECT data FROM events WHERE stream = ? AND seq = ?')
      .get(competitionId, target) as { data: string };
    const data = JSON.parse(row.data);
    data.mark.value.achieved = !data.mark.value.achieved;
    file
      .prepare('UPDATE events SET data = ? WHERE stream = ? AND seq = ?')
      .run(JSON.stringify(data), competitionId, target);
    file.close();

    running = await startServer({ dataDir });
    const verdict = await verify(running);
    expect(verdict.body).toMatchObject({ ok: false, firstBadSeq: target });
    await running.stop();
  });
});
