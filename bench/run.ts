/**
 * `npm run bench`: every benchmark in turn, or the ones named (`npm run bench -- scoring appends`).
 * Each module exports `run()` printing its workload, median, p99 and the figure to compare.
 * `--seconds N` shortens (or lengthens) the timed benchmarks that read BENCH_SECONDS.
 */
const benches: Record<string, () => Promise<{ run: () => Promise<void> | void }>> = {
  scoring: () => import('./scoring'),
  'import-workbook': () => import('./import-workbook'),
  appends: () => import('./appends'),
  startup: () => import('./startup'),
  'http-marks': () => import('./http-marks'),
  'socket-marks': () => import('./socket-marks'),
  'recompute-vs-floor': () => import('./recompute-vs-floor'),
  'board-spectators': () => import('./board-spectators'),
  'board-vs-raw': () => import('./board-vs-raw'),
  'exam-documents': () => import('./exam-documents'),
  'nobd-export': () => import('./nobd-export'),
  'judge-analytics': () => import('./judge-analytics'),
};

// npm passes everything after its own `--` through, so a second `--` (`npm run bench -- appends
// -- --seconds 3`) arrives here as an argument of its own: it names no benchmark and is dropped.
const wanted: string[] = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === '--') continue;
  const inline = /^--seconds=(.*)$/.exec(arg);
  if (arg === '--seconds' || inline) {
    const value = inline ? inline[1] : args[++i];
    if (value === undefined || !(Number(value) > 0)) {
      console.error(`--seconds needs a positive number of seconds, got ${value ?? 'nothing'}`);
      process.exit(2);
    }
    process.env.BENCH_SECONDS = value;
    continue;
  }
  wanted.push(arg);
}
const selected = wanted.length > 0 ? wanted : Object.keys(benches);
for (const name of selected) {
  const load = benches[name];
  if (!load) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${name} ===`);
  await (await load()).run();
}

export {};
