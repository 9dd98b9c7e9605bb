import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { SessionCitizen } from '../modules/accounts';
import { fixedWindowLimiter } from './fixed-window';

type LimitsConfig = Pick<Config, 'RATE_LIMITS' | 'RATE_AUTH_PER_IP' | 'RATE_VOTES_PER_IP' | 'RATE_VOTES_PER_ACCOUNT'>;

/** The rate limits of the citizens' routes (RATE_* settings; RATE_LIMITS=off turns them off). */
export function rateLimits(config: LimitsConfig) {
  const tooMany: Parameters<typeof rateLimit>[0] = {
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: () => config.RATE_LIMITS === 'off',
    handler: (_req, _res, next, options) => next(AppError.tooManyRequests('Too many requests: slow down', { retryAfterSeconds: Math.ceil(options.windowMs / 1000) })),
  };

  return {
    /** register, login, verify, reset: per IP, to slow down guessing and mass registration */
    auth: rateLimit({ ...tooMany, windowMs: 15 * 60_000, limit: config.RATE_AUTH_PER_IP }),
    // The vote path: synchronous limiters (see fixed-window.ts), same policy and answers.
    votesPerIp: fixedWindowLimiter({
      name: 'votes-ip',
      windowMs: 60_000,
      limit: config.RATE_VOTES_PER_IP,
      skip: () => config.RATE_LIMITS === 'off',
      key: (req) => ipKeyGenerator(req.ip ?? ''),
    }),
    /** per account (after the session is known) */
    votesPerAccount: fixedWindowLimiter({
      name: 'votes-account',
      windowMs: 60_000,
      limit: config.RATE_VOTES_PER_ACCOUNT,
      skip: () => config.RATE_LIMITS === 'off',
      key: (req, res) => {
        const citizen = res.locals.citizen as SessionCitizen | undefined;
        return citizen ? `citizen:${citizen.citizenId}` : ipKeyGenerator(req.ip ?? '');
      },
    }),
  };
}
