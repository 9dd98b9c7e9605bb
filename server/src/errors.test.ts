import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pino } from 'pino';
import { AppError, apiNotFound, errorHandler, validate } from './errors';
import { expectProblem } from './test-support/problems';

/** A real express app with the real error middleware and routes that fail in each way. */
function appWith(logged: unknown[]) {
  const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
  const app = express();
  app.use(express.json({ limit: '1kb' }));
  app.get('/api/not-found', () => {
    throw AppError.notFound('No such thing', { param: 'id' });
  });
  app.get('/api/bug', () => {
    throw new Error('secret connection string postgres://u:p@h/db');
  });
  app.get('/api/async-bug', async () => {
    await Promise.resolve();
    throw new TypeError('undefined is not a function');
  });
  app.post('/api/items', (req, res) => {
    const body = validate(req, 'body', z.strictObject({ name: z.string().min(1), tags: z.array(z.string()).max(2) }));
    res.json(body);
  });
  app.use('/api', apiNotFound);
  app.use(errorHandler(logger));
  return app;
}

describe('the error middleware', () => {
  it('renders an operational AppError as problem+json with its extras', async () => {
    const problem = expectProblem(await request(appWith([])).get('/api/not-found'), 404, 'id');
    expect(problem).toMatchObject({ title: 'Not Found', detail: 'No such thing', instance: '/api/not-found', code: 'not_found' });
    expect(problem.type).toBe('urn:parallele:problem:not_found');
  });

  it('hides the detail of an unexpected error, and logs it with its stack', async () => {
    for (const path of ['/api/bug', '/api/async-bug']) {
      const logged: { level: number; err?: { stack?: string } }[] = [];
      const res = await request(appWith(logged)).get(path);
      const problem = expectProblem(res, 500);
      expect(res.text).not.toContain('postgres');
      expect(res.text).not.toContain('function');
      expect(problem.code).toBe('internal');
      const error = logged.find((l) => l.level === 50);
      expect(error?.err?.stack).toBeTruthy();
    }
  });

  it('answers 400 naming each invalid body field by its path', async () => {
    const res = await request(appWith([])).post('/api/items').send({ name: '', tags: ['a', 'b', 'c'], extra: 1 });
    const problem = expectProblem(res, 400, 'name');
    expect(problem.errors?.map((e) => e.param).sort()).toEqual(['extra', 'name', 'tags']);
    expect(problem.errors?.every((e) => e.in === 'body')).toBe(true);
  });

  it('answers 400 for a body that is not JSON and 413 for one too large', async () => {
    const app = appWith([]);
    const bad = await request(app).post('/api/items').set('Content-Type', 'application/json').send('{"name": ');
    expect(expectProblem(bad, 400, 'body').code).toBe('invalid_json');
    const big = await request(app).post('/api/items').send({ name: 'x'.repeat(5000), tags: [] });
    expectProblem(big, 413);
  });

  it('answers 404 problem+json for an unknown API route', async () => {
    const problem = expectProblem(await request(appWith([])).delete('/api/nowhere?x=1'), 404);
    expect(problem.detail).toBe('No API route DELETE /api/nowhere');
  });
});
