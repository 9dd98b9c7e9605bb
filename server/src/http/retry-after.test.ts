import express, { type RequestHandler } from 'express';
import request from 'supertest';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorHandler } from '../errors';
import { roomLimits } from '../modules/rooms/limits';
import { createTestApi, type TestApi } from '../test-support/imported-store';

/**
 * A 429 tells the time left in the caller's window, not the window's length, in Retry-After and in
 * the problem's `retryAfterSeconds` alike (the rooms' limits and the scenario builder's; the
 * accounts' are tested in accounts/rate-limits.test.ts). Only Date is faked: the clock moves, the
 * event loop does not.
 */
afterEach(() => vi.useRealTimers());

async function waitsOf(send: () => Promise<request.Response>, requests: number) {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  for (let i = 0; i < requests; i++) await send();
  const first = await send();
  vi.setSystemTime(Date.now() + 20_000);
  const later = await send();
  return [first, later].map((res) => {
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBe(res.body.retryAfterSeconds);
    return res.body.retryAfterSeconds as number;
  });
}

describe('the wait a 429 announces', () => {
  it("is what is left of a room limit's window, and shrinks as time passes", async () => {
    const limits = roomLimits({ ROOMS_RATE_LIMITS: 'on', ROOMS_REQUESTS_PER_IP: 2, ROOMS_JOINS_PER_IP: 2, ROOMS_ACTIONS_PER_TOKEN: 2 });
    const app = express();
    app.get('/', limits.joinsPerIp as RequestHandler, (_req, res) => res.json({ ok: true }));
    app.use(errorHandler(pino({ level: 'silent' })));
    const [first, later] = await waitsOf(() => request(app).get('/'), 2);
    expect(first).toBeLessThanOrEqual(600);
    expect(first).toBeGreaterThan(590);
    expect(later).toBeLessThanOrEqual(first! - 20);
  });

  describe('of the scenario builder', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await createTestApi({ empty: true });
    });
    afterAll(() => api?.cleanup());

    it('is what is left of its minute', async () => {
      const url = '/api/scenario-builder?uids=VTANR5L17V519&k=7';
      const [first, later] = await waitsOf(() => api.get(url), 60);
      expect(first).toBeLessThanOrEqual(60);
      expect(later).toBeLessThanOrEqual(first! - 20);
      expect(later).toBeGreaterThan(0);
    });
  });
});
