import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Router } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiModules, createApp } from './app';
import { buildAppDeps } from './boot';
import { testConfig } from './config';
import { openDatabase } from './db/client';
import type { AppDeps } from './deps';
import { silentLogger } from './logger';

let dir: string;
let deps: AppDeps;
let doc: Record<string, unknown> & { paths: Record<string, Record<string, { responses?: Record<string, { description?: string }>; parameters?: { in: string; name: string; required?: boolean }[] }>> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallele-openapi-'));
  deps = buildAppDeps({ config: testConfig(), logger: silentLogger(), db: openDatabase(`file:${join(dir, 'x.db')}`) });
  const res = await request(createApp(deps)).get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => {
  deps.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Every `METHOD /api/path` the routers of app.ts answer, in OpenAPI path syntax. */
function expressRoutes(): string[] {
  const routes: string[] = [];
  type Layer = { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  // a module may mount a sub-router of its own (router.use(other), no path): its routes count too
  const collect = (stack: Layer[]) => {
    for (const layer of stack) {
      if (!layer.route) {
        if (layer.handle?.stack) collect(layer.handle.stack);
        continue;
      }
      for (const path of [layer.route.path].flat()) {
        for (const method of Object.keys(layer.route.methods)) {
          if (method === '_all') continue;
          routes.push(`${method} /api${path.replace(/:(\w+)/g, '{$1}')}`);
        }
      }
    }
  };
  for (const factory of apiModules) collect((factory(deps) as Router & { stack: Layer[] }).stack);
  return routes;
}

/** Every `$ref` string anywhere in the document. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe('GET /api/openapi.json', () => {
  it('documents every route of every API module', () => {
    const routes = expressRoutes();
    expect(routes).toContain('get /api/scrutins');
    expect(routes).toContain('get /api/scrutins/{uid}');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => METHODS.includes(m)).map((m) => `${m} ${path}`));
    // Lists every gap at once: register the missing ones with registerRoute() (see openapi.ts).
    expect(routes.filter((r) => !documented.includes(r)), 'routes missing from the OpenAPI document').toEqual([]);
    expect(documented.filter((op) => !routes.includes(op)), 'documented operations no router answers').toEqual([]);
  });

  it('is a structurally valid OpenAPI 3.x document', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    const info = doc.info as { title?: unknown; version?: unknown };
    expect(typeof info.title).toBe('string');
    expect(typeof info.version).toBe('string');
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path.startsWith('/')).toBe(true);
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(ops)) {
        if (!METHODS.includes(method)) continue;
        const responses = Object.entries(op.responses ?? {});
        expect(responses.length, `${method} ${path} has no responses`).toBeGreaterThan(0);
        for (const [status, response] of responses) {
          expect(status).toMatch(/^([1-5]\d\d|[1-5]XX|default)$/);
          expect(typeof response.description).toBe('string');
        }
        for (const name of pathParams) {
          const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
          expect(param?.required, `${method} ${path}: path parameter ${name}`).toBe(true);
        }
      }
    }
    const components = (doc.components ?? {}) as Record<string, Record<string, unknown>>;
    for (const ref of refs(doc)) {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      expect(section && name && components[section]?.[name], `dangling $ref ${ref}`).toBeTruthy();
    }
  });

  it('describes the scrutins query parameters and the problem responses', () => {
    const list = doc.paths['/api/scrutins']?.get;
    expect(list?.parameters?.map((p) => p.name).sort()).toEqual(
      ['dateFrom', 'dateTo', 'finalLawVote', 'legislature', 'outcome', 'page', 'pageSize', 'q', 'sort', 'type'].sort(),
    );
    expect(Object.keys(list?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400']));
    expect(Object.keys(doc.paths['/api/scrutins/{uid}']?.get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404']));
  });

  it('documents the answers of issue 10: 429 page of the mailed link, 501 of an unconfigured provider, 403/409 of one person one vote, lastScheduledFailure', () => {
    const statuses = (path: string, method: string) => Object.keys((doc.paths[path] as Record<string, { responses?: object }> | undefined)?.[method]?.responses ?? {});
    expect(statuses('/api/auth/verify-email', 'get')).toEqual(expect.arrayContaining(['303', '429']));
    expect(JSON.stringify((doc.paths['/api/auth/verify-email'] as Record<string, { responses?: Record<string, unknown> }>).get?.responses?.['429'])).toContain('text/html');
    expect(statuses('/api/me/verifications', 'post')).toEqual(expect.arrayContaining(['429', '501']));
    expect(statuses('/api/me/verifications/{provider}/complete', 'post')).toEqual(expect.arrayContaining(['409', '429', '501']));
    expect(statuses('/api/scrutins/{uid}/my-vote', 'put')).toEqual(expect.arrayContaining(['403', '409', '429']));
    for (const path of ['/api/auth/register', '/api/auth/login', '/api/auth/password-reset/request']) expect(statuses(path, 'post')).toContain('429');
    expect(JSON.stringify(doc)).toContain('lastScheduledFailure');
  });
});
