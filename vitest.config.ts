import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI spawn tests need the built binary; the build runs in globalSetup so
    // `npm test` works on a clean clone without a separate build step.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // One test file per core: vitest's default leaves one core idle, and on the 2-core
    // machine that made npm test take 276 s of wall time instead of 184 s.
    maxWorkers: availableParallelism(),
    // Test files run in worker threads, each worker keeping its loaded modules from one file
    // to the next: starting a process and loading src/ afresh for each of 75 files cost more
    // CPU than most of the files' tests. No test file mocks modules, changes the working
    // directory or sets process-wide state, and the CLI is run in-process with its own
    // streams and environment (test/helpers/run-cli.ts), so files cannot see each other.
    pool: 'threads',
    isolate: false,
  },
});
