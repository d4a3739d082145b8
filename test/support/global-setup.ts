import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Browser tests are served the real client: build it once per test run (about a second), as
 * `npm start` does. Vitest sets NODE_ENV=test, under which Vite would bundle React's development
 * build (twice the script, slower renders): the tests would not see what users get.
 */
export default function buildClient(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'client/vite.config.ts',
      '--logLevel',
      'error',
    ],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
}
