import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', root: 'core', environment: 'node' } },
      { extends: './client/vite.config.ts', test: { name: 'charts', root: 'charts', environment: 'jsdom' } },
      { test: { name: 'server', root: 'server', environment: 'node', testTimeout: 60_000, hookTimeout: 120_000, globalSetup: ['./src/test-support/global-setup.ts'] } },
      { test: { name: 'scrapers', root: 'scrapers', environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'scenarios', root: 'scenarios', environment: 'node', testTimeout: 120_000 } },
      { extends: './client/vite.config.ts', test: { name: 'client', root: 'client', environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] } },
    ],
  },
});
