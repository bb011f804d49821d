import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The site's code is built once (astro build); each test renders pages with it.
    globalSetup: ['test/global-setup.ts'],
    // Each file builds a real site and drives a real browser.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
