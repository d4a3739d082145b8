import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashEvent } from '../events/chain';
import { EventLog } from '../events/event-log';
import { openSqliteStore } from '../store/sqlite';
import type { StoredEvent } from '../store/port';
import { main } from './main';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let dir: string;
let dataDir: string;
let head: string;
const file = (name: string) => path.join(dir, name);
const previousDataDir = process.env.DATA_DIR;

/** Runs `main` in this process, as `npm run cli -- ...` would, with DATA_DIR set. */
async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (t) => (stdout += `${t}\n`),
    err: (t) => (stderr += `${t}\n`),
  });
  return { code, stdout, stderr };
}

/** The exported lines, changed by `edit`, written to a new file. */
async function tampered(name: string, edit: (lines: string[]) => string[]): Promise<string> {
  const lines = (await readFile(file('log.jsonl'), 'utf8')).trimEnd().split('\n');
  await writeFile(file(name), `${edit(lines).join('\n')}\n`);
  return file(name);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ashyq-log-file-'));
  dataDir = path.join(dir, 'data');
  process.env.DATA_DIR = dataDir;
  const store = await openSqliteStore(dataDir);
  const log = new EventLog(store);
  const events = await log.append('web-1', 0, [
    { type: 'panel.set', actor: 'organiser-1', data: { subCriterion: 'A1', experts: ['e1'] } },
    ...[1, 2, 3, 4, 5].map((n) => ({
      type: 'mark.recorded',
      actor: 'e1',
      data: {
        mark: {
          id: `m${n}`,
          competitor: 'p1',
          aspect: `A1.M${n}`,
          value: { kind: 'judgement', score: n % 4 },
        },
        note: 'Сатпаев «Арман» — 1/2',
      },
    })),
  ]);
  // Another competition in the same store: the export holds one log only.
  await log.append('web-2', 0, [{ type: 'panel.set', actor: 'organiser-1', data: {} }]);
  head = events[events.length - 1]!.hash;
  await log.close();
  await store.close();
});

afterAll(async () => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  await rm(dir, { recursive: true, force: true });
});

describe('the CLI', () => {
  it('lists the operator commands, one-word ones too', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('  backup <file> [--lang kk|ru|en]\n');
    expect(stdout).toContain('  restore <file> [--force] [--lang kk|ru|en]\n');
    expect(stdout).toContain(
      '  log verify <file> [--head <published hash>] [--json] [--lang kk|ru|en]\n',
    );
    expect((await cli(['restore', '--help'])).stdout).toMatch(
      /^Usage: npm run cli -- restore <file>/,
    );
    expect((await cli(['backup'])).stderr).toMatch(/^expected the backup file to write\nUsage:/);
    expect((await cli(['log', 'nothing'])).stderr).toMatch(/^Unknown command "log nothing"/);
    const nowhere = await cli(['backup', file('missing-folder/backup.sqlite')]);
    expect(nowhere).toEqual({
      code: 1,
      stdout: '',
      stderr: `The folder ${file('missing-folder')} does not exist: create it, or name a file in another one.\n`,
    });
  });
});

describe('log export', () => {
  it('writes one event per line, in seq order, with the hashes the server keeps', async () => {
    const { code, stdout } = await cli(['log', 'export', 'web-1', file('log.jsonl')]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Wrote 6 events of web-1 to ${file('log.jsonl')} (last hash ${head})`);
    const lines = (await readFile(file('log.jsonl'), 'utf8')).split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[6]).toBe('');
    const events = lines.slice(0, 6).map((line) => JSON.parse(line) as StoredEvent);
    expect(events.map((event) => [event.stream, event.seq])).toEqual(
      [1, 2, 3, 4, 5, 6].map((seq) => ['web-1', seq]),
    );
    expect(events[5]!.hash).toBe(head);
    expect(events.every((event) => hashEvent(event) === event.hash)).toBe(true);
  });

  it('refuses a competition the store holds no log of, and writes nothing', async () => {
    const { code, stderr } = await cli(['log', 'export', 'nobody', file('nobody.jsonl')]);
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr: 'The store holds no log for the competition nobody.\n',
    });
    await expect(readFile(file('nobody.jsonl'))).rejects.toThrow(/ENOENT/);
  });
});

describe('log verify <file>', () => {
  it('accepts an untouched export and prints its event count and last hash', async () => {
    const { code, stdout, stderr } = await cli(['log', 'verify', file('log.jsonl')]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      `The log of web-1 verifies: 6 events, last hash ${head}.\n` +
        'Compare the last hash with the head published on the board or in the signed protocol: ' +
        'only that shows that no event was cut from the end.\n',
    );
  });

  it('names an edited record by its seq and exits 1', async () => {
    const edited = await tampered('edited.jsonl', (lines) =>
      lines.map((line, i) => (i === 3 ? line.replace('"score":3', '"score":2') : line)),
    );
    expect(await readFile(edited, 'utf8')).not.toBe(await readFile(file('log.jsonl'), 'utf8'));
    const { code, stderr } = await cli(['log', 'verify', edited]);
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr:
        'The log of web-1 is broken at event 4 (line 4 of the file): ' +
        'this event was altered after it was recorded.\n',
    });
  });

  it('names the record after an edited one whose hash was recomputed too', async () => {
    const forged = await tampered('forged.jsonl', (lines) =>
      lines.map((line, i) => {
        if (i !== 3) return line;
        const event = JSON.parse(line) as StoredEvent;
        (event.data as { mark: { value: { score: number } } }).mark.value.score = 2;
        return JSON.stringify({ ...event, hash: hashEvent(event) });
      }),
    );
    const { code, stderr } = await cli(['log', 'verify', forged]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'The log of web-1 is broken at event 5 (line 5 of the file): the event before it was replaced.\n',
    );
  });

  it('names a removed record by its seq', async () => {
    const removed = await tampered('removed.jsonl', (lines) => lines.filter((_, i) => i !== 2));
    const { code, stderr } = await cli(['log', 'verify', removed]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'The log of web-1 is broken at event 3 (line 3 of the file): ' +
        'an event is missing here, or two events are out of order.\n',
    );
  });

  it('names the first of a reordered pair', async () => {
    const swapped = await tampered('swapped.jsonl', (lines) => [
      lines[0]!,
      lines[2]!,
      lines[1]!,
      ...lines.slice(3),
    ]);
    const { code, stderr } = await cli(['log', 'verify', swapped]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^The log of web-1 is broken at event 2 \(line 2 of the file\): an event is missing/,
    );
  });

  it('refuses a line that is not an event, and a record moved in from another log', async () => {
    const garbage = await tampered('garbage.jsonl', (lines) => [...lines.slice(0, 2), '{"seq":3}']);
    expect((await cli(['log', 'verify', garbage])).stderr).toBe(
      'The log of web-1 is broken at event 3 (line 3 of the file): this line is not an event of the log.\n',
    );
    const moved = await tampered('moved.jsonl', (lines) =>
      lines.map((line, i) =>
        i === 1 ? line.replace('"stream":"web-1"', '"stream":"web-2"') : line,
      ),
    );
    expect((await cli(['log', 'verify', moved])).stderr).toMatch(
      /broken at event 2 .*another competition/,
    );
  });

  it('with --head, refuses a file cut short of the published head', async () => {
    const cut = await tampered('cut.jsonl', (lines) => lines.slice(0, 4));
    const whole = await cli(['log', 'verify', file('log.jsonl'), '--head', head]);
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain('The last hash is the published head.');
    const { code, stderr } = await cli(['log', 'verify', cut, '--head', head]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `The last hash is not the published head ${head}: events were removed from the end`,
    );
  });

  it('--json and --lang give the verdict to scripts and in Kazakh or Russian', async () => {
    const removed = file('removed.jsonl');
    const json = await cli(['log', 'verify', removed, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      stream: 'web-1',
      firstBadSeq: 3,
      reason: 'seq_gap',
      line: 3,
    });
    expect((await cli(['log', 'verify', removed, '--lang', 'ru'])).stderr).toBe(
      'Журнал web-1 нарушен на событии 3 (строка 3 файла): здесь пропущено событие или два события переставлены.\n',
    );
    expect((await cli(['log', 'verify', removed, '--lang', 'kk'])).stderr).toMatch(
      /^web-1 журналы 3-оқиғада бұзылған/,
    );
  });

  it('runs as `npm run cli -- log verify` does, in a process of its own, with the exit code', async () => {
    const run = (target: string) =>
      new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'server/src/cli/main.ts', 'log', 'verify', target],
          // Nothing of the server's configuration: the verifier needs the file only.
          { cwd: repo, env: { PATH: process.env.PATH ?? '' } },
        );
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const [good, bad] = await Promise.all([run(file('log.jsonl')), run(file('edited.jsonl'))]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`6 events, last hash ${head}`);
    expect(bad.code).toBe(1);
  });
});
