/**
 * CIS workbook import benchmark (`node --import tsx bench/import-workbook.ts`; `run()` for
 * bench/run.ts): read a 220-aspect marking scheme workbook, as an organiser uploads it, into a
 * validated scheme with its report. Target: under 1 s per import.
 */
import { pathToFileURL } from 'node:url';
import { importWorkbook } from '../server/src/cis/import';
import { cisWorkbook } from '../test/fixtures/cis-workbook';
import { generateScheme } from '../test/fixtures/schemes';
import { milliseconds, percentile } from './stats';

const aspects = 220;
const warmUps = 3;
const runs = 30;

export async function run(): Promise<void> {
  const scheme = generateScheme(aspects);
  // Typed-in stale totals, as real files have, so the checks that compare them run too.
  const workbook = await cisWorkbook(scheme, { staleSections: { '1': { aspectMarks: 1 } } });
  const subCriteria = scheme.criteria.reduce((n, c) => n + c.subCriteria.length, 0);
  console.log(
    `workload: one workbook of ${aspects} aspects, ${subCriteria} sub-criteria, ` +
      `${scheme.criteria.length} criteria (${(workbook.length / 1024).toFixed(0)} KiB); ` +
      `${warmUps} warm-up + ${runs} timed imports`,
  );
  const timed = async () => {
    const start = process.hrtime.bigint();
    const { warnings } = await importWorkbook(workbook);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, warnings: warnings.length };
  };
  // The first import pays for loading and compiling the reader: what a one-shot CLI run sees.
  const first = await timed();
  for (let i = 1; i < warmUps; i++) await timed();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed()).ms);
  const median = percentile(samples, 0.5);
  console.log(
    `import: median ${milliseconds(median)}, p99 ${milliseconds(percentile(samples, 0.99))} ` +
      `(target < 1000 ms); first (cold) ${milliseconds(first.ms)}; ${first.warnings} warnings per import`,
  );
  console.log(`compare: ${((aspects / median) * 1000).toFixed(0)} aspects/s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
