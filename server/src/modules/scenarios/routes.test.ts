import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScenarioDetailResponseSchema, ScenarioListResponseSchema } from '@parallele/core';
import { SCENARIOS_DIR } from '@parallele/scenarios';
import { errorHandler } from '../../errors';
import { expectProblem } from '../../test-support/problems';
import { scenariosRoutes } from './routes';
import { createScenariosService } from './service';

let app: express.Express;

beforeAll(async () => {
  // a scenario folder holding one real shipped scenario, outputs in a temp dir (run on demand)
  const scenariosDir = await mkdtemp(join(tmpdir(), 'scenarios-src-'));
  await copyFile(join(SCENARIOS_DIR, 'censure-barnier-2024.yaml'), join(scenariosDir, 'censure-barnier-2024.yaml'));
  const outDir = await mkdtemp(join(tmpdir(), 'scenarios-out-'));
  app = express();
  const api = express.Router();
  api.use(scenariosRoutes({ scenarios: createScenariosService({ scenariosDir, outDir }) }));
  app.use('/api', api);
  app.use(errorHandler(pino({ level: 'silent' })));
});

describe('GET /api/scenarios', () => {
  it('lists the scenarios with their key figures, running them on first request', async () => {
    const res = await request(app).get('/api/scenarios');
    expect(res.status, res.text).toBe(200);
    const body = ScenarioListResponseSchema.parse(res.body);
    expect(body.scenarios.map((s) => s.name)).toEqual(['censure-barnier-2024']);
    const s = body.scenarios[0]!;
    expect(s.url).toBe('/api/scenarios/censure-barnier-2024');
    expect(s.thumbnail).toBe('/api/scenarios/censure-barnier-2024/charts/k-curve-sondage.svg');
    expect(s.interactiveUrl).toMatch(/^\/scrutins\/VTANR5L17V519\?k=\d+&split=54%2C46%2C0&mode=proportional&method=largest-remainder$/);
  });
});

describe('GET /api/scenarios/:name', () => {
  it('returns the results with chart URLs, and K* = 76 to save the Barnier government', async () => {
    const res = await request(app).get('/api/scenarios/censure-barnier-2024');
    expect(res.status, res.text).toBe(200);
    const body = ScenarioDetailResponseSchema.parse(res.body);
    expect(body.keyFigures.find((f) => f.id === 'best-case-tipping-point:VTANR5L17V519:proportional')?.value).toBe(76);
    expect(body.charts.map((c) => c.urls.png)).toContain('/api/scenarios/censure-barnier-2024/charts/phase-barnier.png');
  });

  it('answers 404 problem+json for an unknown scenario and 400 naming the parameter for a bad name', async () => {
    expectProblem(await request(app).get('/api/scenarios/nope'), 404);
    expectProblem(await request(app).get('/api/scenarios/Bad_Name'), 400, 'name');
  });
});

describe('GET /api/scenarios/:name/charts/:chart', () => {
  it('serves each chart as SVG, PNG and CSV with their content types', async () => {
    const svg = await request(app).get('/api/scenarios/censure-barnier-2024/charts/phase-barnier.svg');
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.text ?? String(svg.body)).toContain('<svg');
    const png = await request(app).get('/api/scenarios/censure-barnier-2024/charts/phase-barnier.png').buffer(true);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect([...(png.body as Buffer).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const csv = await request(app).get('/api/scenarios/censure-barnier-2024/charts/phase-barnier.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('k,share,outcome');
  });

  it('refuses files that are not charts of the scenario', async () => {
    expectProblem(await request(app).get('/api/scenarios/censure-barnier-2024/charts/result.json'), 400, 'chart');
    expectProblem(await request(app).get('/api/scenarios/censure-barnier-2024/charts/nope.svg'), 404);
  });
});

describe('the charts in the language of the page', () => {
  const chart = (lang: string, headers: Record<string, string> = {}) =>
    request(app).get(`/api/scenarios/censure-barnier-2024/charts/k-curve-sondage.svg${lang}`).set(headers).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => done(null, text));
    });

  it('gives English chart titles and URLs asking for English when the page is in English', async () => {
    const body = ScenarioDetailResponseSchema.parse((await request(app).get('/api/scenarios/censure-barnier-2024?lang=en').expect(200)).body);
    expect(body.charts.map((c) => c.title)).toContain('Barnier censure — votes for and threshold by K (54% for)');
    expect(body.charts.every((c) => c.urls.svg.endsWith('?lang=en') && c.urls.png.endsWith('?lang=en'))).toBe(true);
    const french = ScenarioDetailResponseSchema.parse((await request(app).get('/api/scenarios/censure-barnier-2024').expect(200)).body);
    expect(french.charts.map((c) => c.title)).toContain('Censure Barnier — voix pour et seuil selon K (54 % pour)');
  });

  it('draws the image in English for ?lang=en or an English Accept-Language, in French otherwise, each cached apart', async () => {
    const en = (await chart('?lang=en')).body as string;
    expect(en).toContain('K (MaVoix deputies)');
    expect(en).toContain('Barnier censure — votes for and threshold by K');
    expect(en).toContain('MaVoix simulation');
    expect(en).not.toMatch(/députés MaVoix|Rejeté|données ouvertes/);
    const fr = (await chart('')).body as string;
    expect(fr).toContain('K (députés MaVoix)');
    expect(fr).toContain('données ouvertes');
    expect((await chart('', { 'accept-language': 'en-GB,en;q=0.9' })).body).toBe(en);
    expect((await chart('?lang=fr', { 'accept-language': 'en' })).body).toBe(fr);
    const png = await request(app).get('/api/scenarios/censure-barnier-2024/charts/k-curve-sondage.png?lang=en').expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers.vary).toMatch(/Accept-Language/);
    expectProblem(await request(app).get('/api/scenarios/censure-barnier-2024?lang=de'), 400, 'lang');
  });
});
