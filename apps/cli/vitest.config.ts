import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test runs the CLI as a child process through tsx, whose start-up
    // alone can pass Vitest's 5 s default on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
