import { ipKeyGenerator } from 'express-rate-limit';
import type { Config } from '../config';
import type { SessionCitizen } from '../modules/accounts';
import { authLimits } from './auth-limits';
import { fixedWindowLimiter } from './fixed-window';

type LimitsConfig = Pick<Config, 'RATE_LIMITS' | 'RATE_VOTES_PER_IP' | 'RATE_VOTES_PER_ACCOUNT'> & Parameters<typeof authLimits>[0];

/** The rate limits of the citizens' routes (RATE_* settings; RATE_LIMITS=off turns them off). */
export function rateLimits(config: LimitsConfig) {
  return {
    /** register, login, verify, reset: per action, per address and per IP (auth-limits.ts) */
    ...authLimits(config),
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
