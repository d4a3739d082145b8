/**
 * `npm run fuzz -- --runs 200 [--seed N]`: the fuzz suite of test/integration/fuzz.test.ts at a
 * chosen size (npm test runs it with one request per route and role). Exits as vitest does.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '100' }, seed: { type: 'string' } },
});
if (!/^\d+$/.test(values.runs!) || (values.seed !== undefined && !/^-?\d+$/.test(values.seed))) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed N]');
  process.exit(2);
}
const env: NodeJS.ProcessEnv = { ...process.env, FUZZ_RUNS: values.runs! };
if (values.seed !== undefined) env.FUZZ_SEED = values.seed;
const run = spawnSync('npx', ['vitest', 'run', 'test/integration/fuzz.test.ts'], {
  stdio: 'inherit',
  env,
});
process.exit(run.status ?? 1);
