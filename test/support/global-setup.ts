import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Browser tests are served the real client: build it once per test run (about a second). */
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
      stdio: 'inherit',
    },
  );
}
