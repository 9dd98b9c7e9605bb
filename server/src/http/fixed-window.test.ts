import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../errors';
import { fixedWindowLimiter } from './fixed-window';
import { pino } from 'pino';

function appLimiting(limit: number, windowMs: number, off = false) {
  const app = express();
  app.use(fixedWindowLimiter({ name: 'test', windowMs, limit, skip: () => off, key: (req) => req.get('x-who') ?? 'anyone' }));
  app.get('/', (_req, res) => res.json({ ok: true }));
  app.use(errorHandler(pino({ level: 'silent' })));
  return app;
}

describe('the fixed-window rate limiter', () => {
  it('lets `limit` requests per key through, then answers 429 problems with Retry-After and draft-8 headers', async () => {
    const app = appLimiting(2, 60_000);
    const first = await request(app).get('/').set('x-who', 'a');
    expect(first.status).toBe(200);
    expect(first.headers.ratelimit).toBe('"test"; r=1; t=60');
    expect(first.headers['ratelimit-policy']).toBe('"test"; q=2; w=60');
    expect((await request(app).get('/').set('x-who', 'a')).status).toBe(200);
    const refused = await request(app).get('/').set('x-who', 'a');
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toMatchObject({ code: 'too_many_requests', retryAfterSeconds: 60 });
    // another key has its own window
    expect((await request(app).get('/').set('x-who', 'b')).status).toBe(200);
  });

  it('opens a new window once the old one is over', async () => {
    const app = appLimiting(1, 50);
    expect((await request(app).get('/')).status).toBe(200);
    expect((await request(app).get('/')).status).toBe(429);
    await new Promise((r) => setTimeout(r, 80));
    expect((await request(app).get('/')).status).toBe(200);
  });

  it('counts nothing when switched off (RATE_LIMITS=off)', async () => {
    const app = appLimiting(1, 60_000, true);
    for (let i = 0; i < 3; i++) expect((await request(app).get('/')).status).toBe(200);
  });
});
