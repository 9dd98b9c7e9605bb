import { describe, expect, it } from 'vitest';
import { recordingClock } from '../test-support/clock';
import { RateLimiter, backoffDelay, isRetryableStatus, parseRetryAfter } from './politeness';

describe('the rate limiter', () => {
  it('spaces requests to one host by the interval, and lets other hosts go at once', async () => {
    const clock = recordingClock();
    const limiter = new RateLimiter(1000, clock);
    await limiter.wait('a');
    await limiter.wait('b');
    expect(clock.sleeps).toEqual([]);
    await limiter.wait('a');
    await limiter.wait('a');
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps.every((ms) => ms > 990 && ms <= 1000)).toBe(true);
  });

  it('serves concurrent callers one at a time', async () => {
    const clock = recordingClock();
    const limiter = new RateLimiter(500, clock);
    const start = clock.now();
    const order: number[] = [];
    await Promise.all([1, 2, 3].map(() => limiter.wait('h').then(() => order.push(clock.now() - start))));
    expect(order[2]! - order[0]!).toBeGreaterThanOrEqual(1000);
  });

  it('slows down to a longer robots.txt crawl delay, never speeds up', () => {
    const limiter = new RateLimiter(1000, recordingClock());
    limiter.slowDownTo(5000);
    limiter.slowDownTo(200);
    expect(limiter.interval).toBe(5000);
  });
});

describe('the backoff schedule', () => {
  it('doubles from the base up to the cap, with half the delay jittered', () => {
    const none = () => 0;
    const full = () => 1;
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, { baseMs: 1000, maxMs: 8000, random: full }))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect([1, 2, 3].map((a) => backoffDelay(a, { baseMs: 1000, maxMs: 8000, random: none }))).toEqual([500, 1000, 2000]);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('Tue, 21 Jul 2026 18:00:00 GMT');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Tue, 21 Jul 2026 18:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 21 Jul 2026 17:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  it('retries rate limits and server errors only', () => {
    expect([429, 500, 502, 503, 408].every(isRetryableStatus)).toBe(true);
    expect([400, 403, 404, 410].some(isRetryableStatus)).toBe(false);
  });
});
