import { defineConfig } from 'vitest/config';

// One run covers every package: unit tests sit beside the code (shared, server, client),
// cross-package integration and browser tests live in test/.
export default defineConfig({
  test: {
    include: [
      '{shared,server,client,seeds}/src/**/*.test.{ts,tsx}',
      'seeds/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, which ran the
    // suite file after file while most files wait on servers and browsers they started.
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
