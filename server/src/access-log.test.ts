import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { accessLog, type RequestLogging } from './access-log';
import { AppError, errorHandler } from './errors';

function appLogging(mode: RequestLogging, level: 'info' | 'debug') {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level }, sink);
  const app = express();
  app.use(accessLog(logger, mode, (url) => url === '/health'));
  app.get('/ok', (_req, res) => res.json({ ok: true }));
  app.get('/health', (_req, res) => res.json({ ok: true }));
  app.get('/missing', () => {
    throw AppError.notFound('nothing here');
  });
  app.get('/boom', () => {
    throw new Error('kaput');
  });
  app.use(errorHandler(logger));
  return { app, lines };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the access log', () => {
  it('logs every request at info with LOG_REQUESTS=all, but not the health checks', async () => {
    const { app, lines } = appLogging('all', 'info');
    await request(app).get('/ok?x=1');
    await request(app).get('/health');
    await request(app).get('/missing');
    await settle();
    expect(lines.map((l) => [l.level, (l.req as { url: string }).url, (l.res as { statusCode: number }).statusCode])).toEqual([
      [30, '/ok?x=1', 200],
      [40, '/missing', 404],
    ]);
    expect(lines[0]).toMatchObject({ msg: 'request completed', req: { method: 'GET' } });
    expect(typeof lines[0]!.responseTime).toBe('number');
  });

  it('logs only failures with LOG_REQUESTS=errors, and the successes again at debug level', async () => {
    const quiet = appLogging('errors', 'info');
    await request(quiet.app).get('/ok');
    await request(quiet.app).get('/missing');
    await settle();
    expect(quiet.lines.map((l) => (l.res as { statusCode: number }).statusCode)).toEqual([404]);

    const verbose = appLogging('errors', 'debug');
    await request(verbose.app).get('/ok');
    await settle();
    expect(verbose.lines.map((l) => [l.level, (l.res as { statusCode: number }).statusCode])).toEqual([[20, 200]]);
  });

  it('ties a 500 to its request: the error line and the access line carry the same id', async () => {
    const { app, lines } = appLogging('errors', 'info');
    await request(app).get('/boom');
    await settle();
    const error = lines.find((l) => l.msg === 'An unexpected error occurred');
    const access = lines.find((l) => l.msg === 'request errored');
    expect(error?.level).toBe(50);
    expect(access?.level).toBe(50);
    expect(error?.reqId).toBe((access?.req as { id: number }).id);
  });
});
