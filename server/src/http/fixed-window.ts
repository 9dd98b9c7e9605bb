import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors';

export interface FixedWindowOptions {
  /** shown in the RateLimit headers, e.g. `votes-ip` */
  name: string;
  windowMs: number;
  limit: number;
  key: (req: Request, res: Response) => string;
  skip: () => boolean;
}

/**
 * A synchronous fixed-window rate limiter for the vote path: the same policy as
 * express-rate-limit's memory store (each key gets `limit` hits per window, the window starting
 * at its first hit), the same 429 (AppError, Retry-After) and IETF draft-8 `RateLimit` /
 * `RateLimit-Policy` headers. Why not express-rate-limit there: it awaits four promises per
 * request (skip, key, store, limit) and hashes the key for the draft-8 partition key; two such
 * limiters per vote cost ~15 % of the votes bench. This one is a Map lookup. Being in memory, it
 * is per process, like the memory store it replaces.
 */
export function fixedWindowLimiter(options: FixedWindowOptions): RequestHandler {
  const { name, windowMs, limit, key, skip } = options;
  const windowSeconds = Math.ceil(windowMs / 1000);
  const policy = `"${name}"; q=${limit}; w=${windowSeconds}`;
  const hits = new Map<string, { count: number; resetAt: number }>();
  // Forget expired windows now and then, so the map holds only the keys of the last window.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [k, entry] of hits) if (entry.resetAt <= now) hits.delete(k);
  }, windowMs);
  sweep.unref();

  return (req, res, next) => {
    if (skip()) return next();
    const now = Date.now();
    const k = key(req, res);
    let entry = hits.get(k);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs };
      hits.set(k, entry);
    }
    entry.count += 1;
    const resetSeconds = Math.max(0, Math.ceil((entry.resetAt - now) / 1000));
    res.append('RateLimit', `"${name}"; r=${Math.max(limit - entry.count, 0)}; t=${resetSeconds}`);
    res.append('RateLimit-Policy', policy);
    if (entry.count > limit) {
      res.setHeader('Retry-After', String(resetSeconds));
      // The same number in the header and the body: the time left in this window (issue 10, point 7).
      return next(AppError.tooManyRequests('Too many requests: slow down', { retryAfterSeconds: resetSeconds }));
    }
    next();
  };
}
