import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { testConfig } from './config';
import { openDatabase } from './db/client';
import { buildAppDeps } from './boot';
import type { AppDeps } from './deps';
import { silentLogger } from './logger';
import { TEST_ENV } from './test-support/citizens';

/** Issue 10, points 14 and 15: what may be framed, and HTTPS settings that agree. */
const dir = mkdtempSync(join(tmpdir(), 'parallele-transport-'));
const dist = join(dir, 'dist');
mkdirSync(dist);
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
const stores: { close(): void }[] = [];
afterAll(() => {
  for (const s of stores) s.close();
  rmSync(dir, { recursive: true, force: true });
});

function appWith(overrides: Record<string, string>) {
  const db = openDatabase(`file:${join(dir, `store-${stores.length}.db`)}`);
  stores.push(db);
  const config = testConfig({ CLIENT_DIST: dist, MAILBOX_DIR: join(dir, 'mailbox'), ...TEST_ENV, ...overrides });
  const deps: AppDeps = buildAppDeps({ config, logger: silentLogger(), db });
  stores.splice(stores.length - 1, 0, { close: () => void deps.close() });
  return createApp(deps);
}

const cookiesOf = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []);

describe('HSTS and Secure cookies follow one setting', () => {
  it('sends both when PUBLIC_URL is https, outside production too', async () => {
    const res = await request(appWith({ PUBLIC_URL: 'https://parallele.example' })).get('/api/auth/csrf').expect(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(cookiesOf(res).every((c) => /;\s*Secure/i.test(c))).toBe(true);
  });

  it('sends neither over plain http outside production', async () => {
    const res = await request(appWith({})).get('/api/auth/csrf').expect(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(cookiesOf(res).some((c) => /;\s*Secure/i.test(c))).toBe(false);
  });
});

describe('framing', () => {
  it('lets any site frame the embed widget route only, not the app under another /embed/ path', async () => {
    const app = appWith({});
    const widget = await request(app).get('/embed/scrutin/VTANR5L16V1240').set('Accept', 'text/html').expect(200);
    expect(widget.headers['content-security-policy']).toContain('frame-ancestors *');
    for (const path of ['/embed/anything/account', '/embed/scrutin/VTANR5L16V1240/account', '/embed/account']) {
      const page = await request(app).get(path).set('Accept', 'text/html').expect(200);
      expect(page.headers['content-security-policy'], path).toContain("frame-ancestors 'self'");
      expect(page.headers['x-frame-options'], path).toBe('SAMEORIGIN');
    }
  });
});
