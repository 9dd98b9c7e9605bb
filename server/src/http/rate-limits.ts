import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { SessionCitizen } from '../modules/accounts';
import { authLimits, storeOptions, type LimiterStores } from './auth-limits';
import { fixedWindowLimiter, type FixedWindowOptions } from './fixed-window';

type LimitsConfig = Pick<Config, 'RATE_LIMITS' | 'RATE_VOTES_PER_IP' | 'RATE_VOTES_PER_ACCOUNT'> & Parameters<typeof authLimits>[0];

/**
 * The vote path's limiter: the synchronous in-memory one (fixed-window.ts) in one process; with
 * shared stores (several processes, issue 14), express-rate-limit on that store with the same
 * policy (a fixed window from the first hit), headers and 429, since a count per process would
 * let N processes take N times the limit.
 */
function voteLimiter(options: FixedWindowOptions, stores: LimiterStores | undefined): RequestHandler {
  const shared = storeOptions(stores, options.name);
  if (!shared.store) return fixedWindowLimiter(options);
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    identifier: options.name,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: options.skip,
    keyGenerator: (req: Request, res: Response) => options.key(req, res),
    handler: (req: Request, res: Response, next) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime?.getTime() ?? Date.now() + options.windowMs;
      const seconds = Math.max(0, Math.ceil((reset - Date.now()) / 1000));
      res.setHeader('Retry-After', String(seconds));
      next(AppError.tooManyRequests('Too many requests: slow down', { retryAfterSeconds: seconds }));
    },
    ...shared,
  });
}

/** The rate limits of the citizens' routes (RATE_* settings; RATE_LIMITS=off turns them off). */
export function rateLimits(config: LimitsConfig, stores?: LimiterStores) {
  return {
    /** register, login, verify, reset: per action, per address and per IP (auth-limits.ts) */
    ...authLimits(config, stores),
    // The vote path: synchronous limiters (see fixed-window.ts), same policy and answers.
    votesPerIp: voteLimiter({
      name: 'votes-ip',
      windowMs: 60_000,
      limit: config.RATE_VOTES_PER_IP,
      skip: () => config.RATE_LIMITS === 'off',
      key: (req) => ipKeyGenerator(req.ip ?? ''),
    }, stores),
    /** per account (after the session is known) */
    votesPerAccount: voteLimiter({
      name: 'votes-account',
      windowMs: 60_000,
      limit: config.RATE_VOTES_PER_ACCOUNT,
      skip: () => config.RATE_LIMITS === 'off',
      key: (req, res) => {
        const citizen = res.locals.citizen as SessionCitizen | undefined;
        return citizen ? `citizen:${citizen.citizenId}` : ipKeyGenerator(req.ip ?? '');
      },
    }, stores),
  };
}
