import type { Request } from 'express';

/**
 * The wait a 429 announces, in seconds: the time left in the caller's window (express-rate-limit
 * puts its end in `req.rateLimit.resetTime`), never the window's length. The handlers send this
 * same number as Retry-After and as the problem's `retryAfterSeconds`.
 */
export function secondsLeft(req: Request, windowMs: number, now: number = Date.now()): number {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime?.getTime() ?? now + windowMs;
  return Math.max(1, Math.ceil((reset - now) / 1000));
}
