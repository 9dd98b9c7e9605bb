import type request from 'supertest';
import { expect, vi } from 'vitest';

/**
 * Test support for 429s: sends `requests` requests, then one refused now and one refused 20 s
 * later (only Date is faked: the clock moves, the event loop does not), and returns the two waits
 * announced, checking that Retry-After and the problem's `retryAfterSeconds` agree. The caller
 * restores the real timers (vi.useRealTimers).
 */
export async function announcedWaits(send: () => Promise<request.Response>, requests: number): Promise<[number, number]> {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  for (let i = 0; i < requests; i++) await send();
  const first = await send();
  vi.setSystemTime(Date.now() + 20_000);
  const later = await send();
  const [a, b] = [first, later].map((res) => {
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBe(res.body.retryAfterSeconds);
    return res.body.retryAfterSeconds as number;
  });
  return [a!, b!];
}
