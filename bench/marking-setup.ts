/**
 * What the end-to-end marking benchmarks (http-marks, socket-marks) share: synthetic competitions
 * seeded straight into a data dir, the load generator run as a separate process, and the stored
 * log read back after the server was killed.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/src/config';
import { collections } from '../server/src/collections';
import { createServices } from '../server/src/services';
import { ChainVerifier, type ChainVerdict } from '../server/src/events/chain';
import { decodeEvents, type EncodedEvent, type StoredDocument } from '../server/src/store/port';
import { sqliteFileName } from '../server/src/store/sqlite';
import { binaryScheme, seedCompetition } from '../test/integration/competition-harness';

export const competitions = 10;
export const expertsPerCompetition = 4;
/** Tablets (sessions or sockets) per expert. */
export const writersPerExpert = 5;
export const writers = competitions * expertsPerCompetition * writersPerExpert;
export const aspectCount = 100;
export const competitorCount = 30;

/** competition id -> expert id -> PIN */
export type Pins = Record<string, Record<string, string>>;

export const competitorId = (competition: number, n: number) => `bench-${competition}-c${n + 1}`;

/**
 * Seeds the competitions straight into the data dir (as the durability test does) and issues
 * PINs. Pass/fail marks on 30 competitors x 100 aspects: a mark re-entered under a new id replaces
 * the expert's earlier one, so there is marking capacity for any duration.
 */
export async function seedMarking(dataDir: string): Promise<Pins> {
  const services = await createServices(loadConfig({ DATA_DIR: dataDir }));
  const pins: Pins = {};
  for (let c = 1; c <= competitions; c++) {
    // Ids unique across competitions: people are documents of one shared collection.
    // Competitors from "abai" and experts from "almaty", so no compatriot rule bars anyone.
    const { competitionId, experts } = await seedCompetition(services, {
      scheme: binaryScheme(aspectCount),
      competitionId: `bench-${c}`,
      competitors: Array.from({ length: competitorCount }, (_, n) => ({
        id: competitorId(c, n),
        regionId: 'abai',
      })),
    });
    const panel = Array.from({ length: expertsPerCompetition }, (_, k) => ({
      ...experts[0]!,
      id: `bench-${c}-expert-${k + 1}`,
      regionId: 'almaty',
    }));
    for (const expert of panel) {
      await services.store.putDocument(collections.experts, expert as unknown as StoredDocument);
    }
    const runtime = await services.competitions.open(competitionId);
    await runtime.setPanel(
      'organiser-1',
      'A1',
      panel.map((expert) => expert.id),
    );
    pins[competitionId] = {};
    for (const expert of panel) {
      const issued = await services.accounts.issueCredential(competitionId, expert.id, 'expert', {
        kind: 'user',
        userId: 'organiser-1',
      });
      pins[competitionId][expert.id] = issued.pin;
    }
  }
  await services.close();
  return pins;
}

/** Runs `file --load <plan as JSON>` in its own process and parses what it prints as JSON. */
export function loadInChildProcess<Result>(file: string, plan: unknown): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', file, '--load', JSON.stringify(plan)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(output) as Result)
        : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

/** The mark.recorded events in the SQLite file of a stopped server: stream and mark id of each. */
export function storedMarks(dataDir: string): { stream: string; id: string }[] {
  const file = new Database(path.join(dataDir, sqliteFileName), { readonly: true });
  const rows = file
    .prepare(
      `SELECT stream, json_extract(data, '$.mark.id') AS id FROM events
       WHERE type = 'mark.recorded' ORDER BY stream, seq`,
    )
    .all() as { stream: string; id: string }[];
  file.close();
  return rows;
}

/** Mark events per competition in the SQLite file of a stopped server. */
export function storedMarkCounts(dataDir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { stream } of storedMarks(dataDir)) counts[stream] = (counts[stream] ?? 0) + 1;
  return counts;
}

/** Every stream's hash chain in the SQLite file of a stopped server, checked from the rows. */
export function verifyStoredChains(dataDir: string): { stream: string; verdict: ChainVerdict }[] {
  const file = new Database(path.join(dataDir, sqliteFileName), { readonly: true });
  const streams = file.prepare('SELECT DISTINCT stream FROM events ORDER BY stream').pluck().all();
  const rows = file.prepare(
    `SELECT stream, seq, at, actor, type, data, prev_hash AS prevHash, hash FROM events
     WHERE stream = ? ORDER BY seq`,
  );
  const verdicts = (streams as string[]).map((stream) => {
    const verifier = new ChainVerifier(stream);
    const { page, unreadable } = decodeEvents(rows.all(stream) as EncodedEvent[]);
    for (const event of page) if (!verifier.push(event)) break;
    if (unreadable) verifier.unreadable(unreadable.seq);
    return { stream, verdict: verifier.verdict };
  });
  file.close();
  return verdicts;
}
