import type { Clock } from './clock';

/**
 * Pure politeness rules: spacing requests per host, the backoff schedule and Retry-After. They take
 * a Clock so a test can check "waited 2 s" without waiting 2 s.
 */

/** Spaces requests to one host at least `intervalMs` apart (the AN asks for no more than 1/s). */
export class RateLimiter {
  private readonly last = new Map<string, number>();
  private readonly queue = new Map<string, Promise<void>>();

  constructor(
    private intervalMs: number,
    private readonly clock: Clock,
  ) {}

  /** A robots.txt Crawl-delay longer than our interval wins. */
  slowDownTo(ms: number) {
    this.intervalMs = Math.max(this.intervalMs, ms);
  }

  get interval() {
    return this.intervalMs;
  }

  /** Resolves when a request to `host` may start; concurrent callers are served one by one. */
  wait(host: string): Promise<void> {
    const previous = this.queue.get(host) ?? Promise.resolve();
    const turn = previous.then(async () => {
      const last = this.last.get(host);
      if (last !== undefined) {
        const due = last + this.intervalMs - this.clock.now();
        if (due > 0) await this.clock.sleep(due);
      }
      this.last.set(host, this.clock.now());
    });
    this.queue.set(host, turn);
    return turn;
  }
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0..1, injected for tests; jitter spreads retries of many clients (full jitter on half the delay). */
  random?: () => number;
}

/** Delay before retry number `attempt` (1 = first retry): base·2^(attempt−1), capped, half jittered. */
export function backoffDelay(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined | null, nowMs: number): number | null {
  if (value == null || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

/** Statuses worth another try: rate limited, or a server-side failure that may pass. */
export const isRetryableStatus = (status: number) => status === 429 || status === 408 || (status >= 500 && status <= 599);
