import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCisWorkbook, cisWorkbook } from '../../../test/fixtures/cis-workbook';
import { itNetworkScheme } from '../../../test/fixtures/schemes';
import { importWorkbook } from '../cis/import';
import { main } from './main';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(repo, 'server/src/cli/main.ts');

/** Runs the CLI as `npm run cli` does: a separate node process from TypeScript source. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repo });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `main` in this process, for the argument handling that needs no real file. */
async function runMain(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (t) => (stdout += `${t}\n`),
    err: (t) => (stderr += `${t}\n`),
  });
  return { code, stdout, stderr };
}

let dir: string;
let staleLayout: Awaited<ReturnType<typeof buildCisWorkbook>>['layout'];
const file = (name: string) => path.join(dir, name);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ashyq-cli-'));
  const stale = await buildCisWorkbook(itNetworkScheme, {
    staleSections: { '2': { aspectMarks: 7 } },
  });
  staleLayout = stale.layout;
  await writeFile(file('scheme.xlsx'), stale.buffer);
  await writeFile(
    file('mismatch.xlsx'),
    await cisWorkbook(itNetworkScheme, { criterionMarks: { B: 26 } }),
  );
  await writeFile(
    file('broken.xlsx'),
    await cisWorkbook(itNetworkScheme, {
      edit: (s, l) => (s.getCell(`K${l.aspectRow['C2.M3']}`).value = 'half'),
    }),
  );
  await writeFile(file('names.csv.xlsx'), 'ID;Name\nA;Linux\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scheme inspect', () => {
  it('--json prints exactly one JSON object with the report and the located warnings', async () => {
    const { code, stdout, stderr } = await runCli([
      'scheme',
      'inspect',
      file('scheme.xlsx'),
      '--json',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout);
    expect(report.skill).toEqual({ number: '39', name: 'IT Network Systems Administration' });
    expect(report.counts).toMatchObject({
      criteria: 5,
      subCriteria: 18,
      aspects: 99,
      measurement: 88,
      judgement: 11,
    });
    expect(report.criteria[2]).toEqual({
      id: 'C',
      name: 'Network Infrastructure',
      maxMark: 30,
      aspectTotal: 30,
    });
    expect(report.sections[1]).toEqual({
      id: '2',
      name: 'Communication and interpersonal skills',
      weight: 10,
      aspectMarks: 6,
      variation: 4,
    });
    expect(report.days).toEqual({ '1': 7, '2': 11 });
    expect(report.total).toBe(100);
    const row = staleLayout.sectionRow['2'];
    expect(report.warnings).toEqual([
      expect.objectContaining({
        sheet: 'CIS Marking Scheme Import',
        cell: `J${row}`,
        message: 'Section 2: the workbook says 7 aspect marks, the aspects add up to 6',
      }),
      expect.objectContaining({ cell: `K${row}`, code: 'section_variation_stale' }),
    ]);
  });

  it('prints a readable report', async () => {
    const { code, stdout } = await runCli(['scheme', 'inspect', file('mismatch.xlsx')]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Sheet "CIS Marking Scheme Import", CIS layout 2019+ (with day of marking)',
      'Skill 39 IT Network Systems Administration',
      '5 criteria, 18 sub-criteria, 99 aspects (88 measurement, 11 judgement)',
      'Total 100 (criteria block: 101)',
    ]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}B {3}Windows Environment +26 +25 differs$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}4 {3}Installation and configuration of systems +45 +44\.5 +0\.5$/,
      ),
    );
    expect(lines).toContain('Total variation 11');
    expect(lines).toContain('  Day 2: 11');
    expect(lines).toContain('Warnings (1)');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}CIS Marking Scheme Import!K\d+: Criterion B: the criteria block says 26/,
      ),
    );
  });

  it('refuses an unreadable file with one line naming the file, sheet and cell, and a non-zero exit', async () => {
    const broken = await runCli(['scheme', 'inspect', file('broken.xlsx'), '--json']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(
      new RegExp(
        `^${escape(file('broken.xlsx'))}: sheet "CIS Marking Scheme Import", cell K\\d+: The max mark of aspect C2.M3 must be a number greater than 0; found "half" \\[max_mark_invalid\\]\\n$`,
      ),
    );
    const notXlsx = await runCli(['scheme', 'inspect', file('names.csv.xlsx')]);
    expect([notXlsx.code, notXlsx.stderr]).toEqual([
      1,
      `${file('names.csv.xlsx')}: The file is not an Excel workbook (.xlsx) [not_xlsx]\n`,
    ]);
    const missing = await runCli(['scheme', 'inspect', file('nowhere.xlsx')]);
    expect([missing.code, missing.stderr]).toEqual([
      1,
      `${file('nowhere.xlsx')}: cannot read the file (no such file)\n`,
    ]);
  });

  it('--strict refuses criteria marks that differ from their aspects', async () => {
    const { code, stderr } = await runMain([
      'scheme',
      'inspect',
      file('mismatch.xlsx'),
      '--strict',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /cell K\d+: Criterion B: the criteria block says 26, its aspects add up to 25 \[criterion_total_mismatch\]/,
    );
  });

  it('--lang prints the report in Russian or Kazakh', async () => {
    const ru = await runMain(['scheme', 'inspect', file('mismatch.xlsx'), '--lang', 'ru']);
    expect(ru.stdout.split('\n').slice(0, 3)).toEqual([
      'Лист «CIS Marking Scheme Import», макет CIS 2019+ (с днём оценки)',
      'Компетенция 39 IT Network Systems Administration',
      'Критериев: 5, подкритериев: 18, аспектов: 99 (измеримых: 88, судейских: 11)',
    ]);
    const kk = await runMain(['scheme', 'inspect', file('mismatch.xlsx'), '--lang', 'kk']);
    expect(kk.stdout).toContain('Ескертулер (1)');
  });
});

describe('scheme export', () => {
  it('writes a workbook that imports back to the same scheme', async () => {
    const { code, stdout } = await runCli([
      'scheme',
      'export',
      file('scheme.xlsx'),
      file('out.xlsx'),
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      `Wrote ${file('out.xlsx')}: 99 aspects, 2 warning(s) on reading ${file('scheme.xlsx')}`,
    );
    const { scheme, warnings } = await importWorkbook(await readFile(file('out.xlsx')));
    expect(scheme).toEqual(itNetworkScheme);
    expect(warnings).toEqual([]);
  });
});

describe('arguments', () => {
  it('prints the usage and exits 2 on missing or unknown commands and options', async () => {
    const none = await runMain([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('scheme inspect <file.xlsx> [--json]');
    expect((await runMain(['scheme', 'frobnicate'])).stderr).toMatch(
      /^Unknown command "scheme frobnicate"/,
    );
    const badOption = await runMain(['scheme', 'inspect', 'f.xlsx', '--jsn']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--jsn'");
    expect((await runMain(['scheme', 'inspect'])).code).toBe(2);
    expect((await runMain(['scheme', 'inspect', 'f.xlsx', '--lang', 'de'])).stderr).toMatch(
      /^--lang must be kk, ru or en/,
    );
    const help = await runMain(['--help']);
    expect([help.code, help.stdout.startsWith('Usage: npm run cli -- <command>')]).toEqual([
      0,
      true,
    ]);
  });
});
