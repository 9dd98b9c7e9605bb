import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real Chromium (Debian's) driving the BUILT client served by the real server on
 * the bundled data. `npm run test:e2e` builds the client first.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
