import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '@parallele/scenarios';
import { createApp } from '../../app';
import { buildAppDeps } from '../../boot';
import { testConfig } from '../../config';
import { silentLogger } from '../../logger';
import { openBundledStore } from '../../test-support/bundled-store';
import { expectProblem } from '../../test-support/problems';
import type { Db } from '../../db/client';

let dir: string;
let store: { db: Db; cleanup: () => void };
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-previews-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>MaVoix · Législature parallèle</title></head><body><div id="root"></div></body></html>');
  mkdirSync(join(dir, 'assets'));
  store = await openBundledStore();
  app = createApp(buildAppDeps({ config: testConfig({ CLIENT_DIST: dir, PUBLIC_URL: 'https://mavoix.example' }), logger: silentLogger(), db: store.db }));
});
afterAll(() => {
  store?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const meta = (html: string, attr: 'property' | 'name', key: string) => new RegExp(`<meta ${attr}="${key}" content="([^"]*)">`).exec(html)?.[1];

describe('link previews of a scrutin', () => {
  it('writes its title, Open Graph and Twitter tags into index.html, with the outcome and the parallel result', async () => {
    const res = await request(app).get('/scrutins/VTANR5L16V1240?k=7&split=70,23,7').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<title>Scrutin n° 1240 – La motion de censure [^<]* · MaVoix · Législature parallèle<\/title>/);
    expect(meta(res.text, 'property', 'og:title')).toMatch(/^Scrutin n° 1240/);
    const description = meta(res.text, 'property', 'og:description')!;
    expect(description).toContain('20 mars 2023');
    expect(description).toContain('Rejeté\u00a0: 278 pour, 0 contre (287 requis)');
    expect(description).toMatch(/Avec 7 députés MaVoix\u00a0: (adopté|rejeté), \d+ pour/);
    expect(meta(res.text, 'property', 'og:url')).toBe('https://mavoix.example/scrutins/VTANR5L16V1240?k=7&amp;split=70,23,7');
    const image = meta(res.text, 'property', 'og:image')!;
    expect(image).toMatch(/^https:\/\/mavoix\.example\/api\/previews\/scrutins\/VTANR5L16V1240\.png\?k=7&amp;split=70%2C23%2C7&amp;lang=fr$/);
    expect(meta(res.text, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(res.text).toContain('<div id="root"></div>');

    const png = await request(app).get(image.replace('https://mavoix.example', '').replace(/&amp;/g, '&')).buffer(true);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(pngSize(png.body as Buffer)).toEqual({ width: 1200, height: 630 });
    // cached: the same bytes, much faster than the first rendering
    const again = await request(app).get(image.replace('https://mavoix.example', '').replace(/&amp;/g, '&')).buffer(true);
    expect(Buffer.compare(again.body as Buffer, png.body as Buffer)).toBe(0);
  });

  it('speaks English to an English crawler', async () => {
    const res = await request(app).get('/scrutins/VTANR5L17V519').set('Accept', 'text/html').set('Accept-Language', 'en-GB,en;q=0.9');
    expect(res.text).toContain('<html lang="en"');
    expect(meta(res.text, 'property', 'og:title')).toMatch(/^Vote no\. 519 – /);
    expect(meta(res.text, 'property', 'og:description')).toContain('Adopted: 331 for');
  });

  it('serves the plain page for an unknown scrutin and other pages, and 404/400 problems for bad images', async () => {
    const unknown = await request(app).get('/scrutins/VTANR5L17V999999').set('Accept', 'text/html');
    expect(unknown.status).toBe(200);
    expect(unknown.text).not.toContain('og:title');
    const home = await request(app).get('/').set('Accept', 'text/html');
    expect(home.text).not.toContain('og:title');
    expectProblem(await request(app).get('/api/previews/scrutins/VTANR5L17V999999.png'), 404);
    expectProblem(await request(app).get('/api/previews/scrutins/VTANR5L17V519.gif'), 400, 'uid');
    expectProblem(await request(app).get('/api/previews/scrutins/nope.png'), 404, 'uid');
  });

  it('escapes what it writes into the page', async () => {
    const res = await request(app).get('/scrutins/VTANR5L16V1240?k=7&x="><script>alert(1)</script>').set('Accept', 'text/html');
    expect(res.text).not.toContain('<script>alert(1)');
  });

  it('describes a scenario page and draws its first chart on a 1200×630 card', async () => {
    const list = await request(app).get('/api/scenarios').expect(200);
    const first = (list.body as { scenarios: { name: string; title: string }[] }).scenarios[0]!;
    const res = await request(app).get(`/scenarios/${first.name}`).set('Accept', 'text/html');
    expect(meta(res.text, 'property', 'og:title')).toBe(first.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
    const image = meta(res.text, 'property', 'og:image')!;
    expect(image).toBe(`https://mavoix.example/api/previews/scenarios/${first.name}.png?lang=fr`);
    const png = await request(app).get(`/api/previews/scenarios/${first.name}.png`).buffer(true).expect(200);
    expect(pngSize(png.body as Buffer)).toEqual({ width: 1200, height: 630 });
    expectProblem(await request(app).get('/api/previews/scenarios/no-such-scenario.png'), 404);
  }, 120_000);
});
