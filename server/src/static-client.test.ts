import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { buildAppDeps } from './boot';
import { testConfig } from './config';
import { openDatabase, type Db } from './db/client';
import { silentLogger } from './logger';
import { expectProblem } from './test-support/problems';

let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-client-'));
  db = openDatabase(`file:${join(dir, 'x.db')}`);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const appFor = (clientDist: string) =>
  createApp(buildAppDeps({ config: testConfig({ CLIENT_DIST: clientDist }), logger: silentLogger(), db }));

describe('serving the web client', () => {
  it('serves the built client, its assets, and index.html for app routes', async () => {
    const dist = join(dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root">app</div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = appFor(dist);
    const home = await request(app).get('/').set('Accept', 'text/html');
    expect(home.status).toBe(200);
    expect(home.text).toContain('id="root"');
    const deep = await request(app).get('/scrutins/VTANR5L17V519').set('Accept', 'text/html');
    expect(deep.text).toContain('id="root"');
    const asset = await request(app).get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    // API paths never fall back to the app
    expectProblem(await request(app).get('/api/unknown').set('Accept', 'text/html'), 404);
    expect((await request(app).get('/assets/missing.js')).status).toBe(404);
  });

  it('says how to build the client when there is no build, while the API works', async () => {
    const app = appFor(join(dir, 'no-such-dist'));
    const home = await request(app).get('/').set('Accept', 'text/html');
    expect(home.status).toBe(200);
    expect(home.text).toContain('npm run build:client');
    expect((await request(app).get('/api/health')).status).toBe(200);
  });

  it('lets any site frame the embed widget, and only this site frame the other pages', async () => {
    const dist = join(dir, 'dist-embed');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root">app</div>');
    const app = appFor(dist);
    const embed = await request(app).get('/embed/scrutin/VTANR5L16V1240').set('Accept', 'text/html');
    expect(embed.status).toBe(200);
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers['x-frame-options']).toBeUndefined();
    const page = await request(app).get('/scrutins/VTANR5L16V1240').set('Accept', 'text/html');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
