import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI spawn tests need the built binary; the build runs in globalSetup so
    // `npm test` works on a clean clone without a separate build step.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
  },
});
