import express, { type RequestHandler } from 'express';
import request from 'supertest';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorHandler } from '../../errors';
import { announcedWaits } from '../../test-support/retry-after';
import { roomLimits } from './limits';

afterEach(() => vi.useRealTimers());

describe("a room limit's 429", () => {
  it('announces what is left of the window, not its length, and the wait shrinks as time passes', async () => {
    const limits = roomLimits({ ROOMS_RATE_LIMITS: 'on', ROOMS_REQUESTS_PER_IP: 2, ROOMS_JOINS_PER_IP: 2, ROOMS_ACTIONS_PER_TOKEN: 2 });
    const app = express();
    app.get('/', limits.joinsPerIp as RequestHandler, (_req, res) => res.json({ ok: true }));
    app.use(errorHandler(pino({ level: 'silent' })));
    const [first, later] = await announcedWaits(() => request(app).get('/'), 2);
    expect(first).toBeLessThanOrEqual(600);
    expect(first).toBeGreaterThan(590);
    expect(later).toBeLessThanOrEqual(first - 20);
  });
});
