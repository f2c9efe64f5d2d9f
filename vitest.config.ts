import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/sequencer.js';
import { SMALL_STACK_KB } from './test/helpers/stack.js';

/**
 * A young generation of 64 MB instead of 16: the tests build large reports and texts, and
 * the workers spent 17.8 s of a run in young-generation collections, 13.5 s with this
 * (summed from --trace-gc over the whole suite).
 */
const YOUNG_GENERATION = '--max-semi-space-size=64';

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
    // Test files share their worker's module cache instead of each loading every module
    // again (about 30 s of a 2-core run's CPU). Tests keep no state between files: the one
    // that mocks a module (test/pipeline/reason-wording.test.ts) unmocks it and resets the
    // registry. Measured on the quiet machine: 174 s → 115 s wall, 299 s → 187 s of CPU.
    isolate: false,
    // The longest files first, on a clean clone too (test/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    // A stack of 100 KB instead of Node's 984 (test/helpers/stack.ts): a list spread into one
    // call overflows it at a tenth of the length it would in a run of paygap, so the scale
    // tests (test/scale/) catch one with 15,000 groups instead of more than 120,000.
    execArgv: [YOUNG_GENERATION, `--stack-size=${SMALL_STACK_KB}`],
  },
});
