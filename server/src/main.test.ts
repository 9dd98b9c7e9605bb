import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema } from '@parallele/core';
import { REPO_ROOT } from './config';
import { openBundledStore, type BundledStore } from './test-support/bundled-store';

/**
 * The real entry point of `npm start` / `npm run serve`, as a child process: it serves a store
 * that already holds the bundled data, logs its URL, and shuts down cleanly on SIGTERM.
 */
let store: BundledStore;
beforeAll(async () => {
  store = await openBundledStore();
  // The child opens the file itself: close our connection (the copy stays in store.dir).
  store.db.close();
});
afterAll(() => store?.cleanup());

describe('main.ts', () => {
  it('serves on the port it logs and exits 0 on SIGTERM after closing the store', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts')], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        PORT: '0',
        DATABASE_URL: `file:${join(store.dir, 'store.db')}`,
        CLIENT_DIST: join(store.dir, 'no-client'),
        // nothing written in the repository's data/ (development secret, mailbox)
        SECRET_KEY: 'test-secret-key-of-at-least-32-characters',
        MAILBOX_DIR: join(store.dir, 'mailbox'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        const match = /"url":"(http:\/\/[^"]+)"/.exec(line);
        if (match?.[1]) resolve(match[1]);
      });
      void exited.then((code) => reject(new Error(`main.ts exited (${code}) before listening: ${stderr}`)));
    });
    try {
      const health = HealthResponseSchema.parse(await (await fetch(`${url}/api/health`)).json());
      expect(health.db.scrutins).toBeGreaterThan(4000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.includes('SIGTERM: shutting down'))).toBe(true);
    // the store was already filled: no import on this start
    expect(lines.some((l) => l.includes('importing the bundled'))).toBe(false);
  });

  it('exits 1 naming every bad variable when the configuration is invalid', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'test', PORT: 'eighty', HOST: '', DATABASE_URL: 'mysql://x/y' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('DATABASE_URL');
  });
});
