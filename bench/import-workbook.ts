/**
 * CIS workbook import benchmark (`npm run bench -- import-workbook`; `run()` for bench/run.ts):
 * read a marking scheme workbook, as an organiser uploads it, into a validated scheme with its
 * report. Two workloads: a generated 220-aspect workbook, and the largest real published workbook
 * of the corpus kept beside the checkout (CIS_CORPUS overrides; skipped when absent). Each is
 * timed beside a bare exceljs load of the same bytes, the floor no importer can go under.
 * Target: under 300 ms per workbook.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { importWorkbook } from '../server/src/cis/import';
import { cisWorkbook } from '../test/fixtures/cis-workbook';
import { generateScheme } from '../test/fixtures/schemes';
import { milliseconds, percentile } from './stats';
import { cisCorpusDir } from '../test/support/cis-corpus';

const warmUps = 3;
const runs = 30;

async function time(action: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Import and bare load alternate, so both see the same machine. */
async function measure(label: string, workbook: Buffer): Promise<void> {
  const importOnce = () => importWorkbook(workbook);
  const loadOnce = () => new ExcelJS.Workbook().xlsx.load(workbook as unknown as ArrayBuffer);
  // The first import pays for loading and compiling the reader: what a one-shot CLI run sees.
  const cold = await time(importOnce);
  const { warnings, report } = await importOnce();
  for (let i = 1; i < warmUps; i++) await Promise.all([importOnce(), loadOnce()]);
  const imports: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < runs; i++) {
    imports.push(await time(importOnce));
    loads.push(await time(loadOnce));
  }
  const median = percentile(imports, 0.5);
  const floor = percentile(loads, 0.5);
  console.log(
    `${label}: ${report.counts.aspects} aspects, ${(workbook.length / 1024).toFixed(0)} KiB, ` +
      `${warnings.length} warnings; ${warmUps} warm-up + ${runs} timed imports`,
  );
  console.log(
    `  import: median ${milliseconds(median)}, p99 ${milliseconds(percentile(imports, 0.99))} ` +
      `(target < 300 ms); first (cold) ${milliseconds(cold)}`,
  );
  console.log(
    `  exceljs load alone (floor): median ${milliseconds(floor)}; import / floor ${(median / floor).toFixed(2)}`,
  );
}

function largestCorpusFile(): string | undefined {
  if (!existsSync(cisCorpusDir)) return undefined;
  const files = readdirSync(cisCorpusDir)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(cisCorpusDir, f));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

export async function run(): Promise<void> {
  const scheme = generateScheme(220);
  // Typed-in stale totals, as real files have, so the checks that compare them run too.
  await measure(
    'generated workbook',
    await cisWorkbook(scheme, { staleSections: { '1': { aspectMarks: 1 } } }),
  );
  const real = largestCorpusFile();
  if (real) await measure(`real workbook ${path.basename(real)}`, readFileSync(real));
  else console.log(`real workbook: SKIPPED (no corpus at ${cisCorpusDir})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
