import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema, ScrutinListResponseSchema } from '@parallele/core';
import { boot } from './boot';
import type { Db } from './db/types';
import { L16_SAMPLES, L17_BUNDLE, readRawBundle } from './test-support/imported-store';

/** What `npm start` does, on an empty store in a temp dir, listening on a free port. */
let dir: string;
let firstImport: { t: number; n: number } | undefined;
const lastWrite = async (db: Db) => (await db.store.get<{ t: number; n: number }>('SELECT max(updated_at) AS t, count(*) AS n FROM scrutins'))!;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-boot-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({
  NODE_ENV: 'test',
  DATABASE_URL: `file:${join(dir, 'store', 'parallele.db')}`,
  CLIENT_DIST: join(dir, 'no-client'),
  // nothing written in the repository's data/ (development secret, mailbox)
  SECRET_KEY: 'test-secret-key-of-at-least-32-characters',
  MAILBOX_DIR: join(dir, 'mailbox'),
});

describe('boot (npm start)', () => {
  it('imports the bundled data into an empty store, then serves the API and socket.io', async () => {
    const booted = await boot({ env: env(), port: 0 });
    try {
      expect(existsSync(join(dir, 'store', 'parallele.db'))).toBe(true);
      const url = booted.server.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = HealthResponseSchema.parse(await (await fetch(`${url}/api/health`)).json());
      expect(health.status).toBe('ok');
      expect(health.db.scrutins).toBeGreaterThanOrEqual(readRawBundle(L17_BUNDLE).length + readRawBundle(L16_SAMPLES).length);
      const l17 = ScrutinListResponseSchema.parse(await (await fetch(`${url}/api/scrutins?legislature=17`)).json());
      expect(l17.total).toBe(3876);
      const home = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
      expect(await home.text()).toContain('npm run build:client');

      const socket = connect(url, { transports: ['websocket'], reconnection: false });
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', resolve);
        socket.on('connect_error', reject);
      });
      socket.close();
      firstImport = await lastWrite(booted.deps.db);
    } finally {
      await booted.close();
    }
    await expect(fetch(`${booted.server.url}/api/health`)).rejects.toThrow();
  });

  it('does not import again into a store that has data', async () => {
    const booted = await boot({ env: env(), port: 0 });
    try {
      expect(firstImport).toBeDefined();
      expect(await lastWrite(booted.deps.db)).toEqual(firstImport);
      const health = HealthResponseSchema.parse(await (await fetch(`${booted.server.url}/api/health`)).json());
      expect(health.db.scrutins).toBe(firstImport?.n);
    } finally {
      await booted.close();
    }
  });

  it('refuses to start with a bad configuration, naming the variable', async () => {
    await expect(boot({ env: { ...env(), PORT: 'x', LOG_LEVEL: 'loud' } })).rejects.toThrow(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
  });
});
