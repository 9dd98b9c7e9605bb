import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Options, type Store } from 'express-rate-limit';
import type { Config } from '../config';
import { AppError } from '../errors';

/**
 * Rate limits of the account endpoints, one bucket per action and per key (issue 10, point 7: one
 * bucket of 60 per 15 min per IP covered register, verify, login and reset, so one person behind a
 * campus NAT could lock everyone there out of login, while one IP could still create ~30 voting
 * accounts per 15 min). Now:
 * - a per-IP ceiling over every auth action (RATE_AUTH_PER_IP), high enough for a NAT;
 * - register: per IP (RATE_REGISTER_PER_IP per hour: account creation is what bots need) and per
 *   address (3 an hour: no mail bombing);
 * - login: failed attempts per address (RATE_LOGIN_FAILURES_PER_ACCOUNT per 15 min: guessing one
 *   account's password) and per IP (RATE_LOGIN_PER_IP per 15 min, failures only);
 * - reset requests: per address (3 an hour) and per IP; code checks: per IP (RATE_VERIFY_PER_IP);
 * - the mailed link: its own per-IP bucket, and a page (not JSON) when it is exceeded.
 * Retry-After and the problem's `retryAfterSeconds` are the same number: the time left in the
 * caller's window, not the window's length.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const secondsLeft = (req: Request, windowMs: number) => {
  const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime?.getTime() ?? Date.now() + windowMs;
  return Math.max(1, Math.ceil((reset - Date.now()) / 1000));
};

const addressOf = (req: Request) => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : null;
};

type AuthLimitsConfig = Pick<Config, 'RATE_LIMITS' | 'RATE_AUTH_PER_IP' | 'RATE_REGISTER_PER_IP' | 'RATE_LOGIN_PER_IP' | 'RATE_LOGIN_FAILURES_PER_ACCOUNT' | 'RATE_VERIFY_PER_IP'>;

/**
 * The store of the limiter `name` when several processes share their counters (issue 14: Redis,
 * cluster/redis.ts); undefined: express-rate-limit's memory store, this process only.
 */
export type LimiterStores = (name: string) => Store | undefined;

/** A shared store, and what to do when it cannot be reached: let the request through (see cluster/redis.ts). */
export const storeOptions = (stores: LimiterStores | undefined, name: string): Partial<Options> => {
  const store = stores?.(name);
  return store ? { store, passOnStoreError: true } : {};
};

export function authLimits(config: AuthLimitsConfig, stores?: LimiterStores) {
  const off = () => config.RATE_LIMITS === 'off';

  function limiter(name: string, windowMs: number, limit: number, more: Partial<Options> = {}): RequestHandler {
    return rateLimit({
      windowMs,
      limit,
      identifier: name,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      skip: off,
      handler: (req: Request, res: Response, next) => {
        const seconds = secondsLeft(req, windowMs);
        res.setHeader('Retry-After', String(seconds));
        next(AppError.tooManyRequests(`Too many requests (${name}): try again in ${seconds} s`, { retryAfterSeconds: seconds, limit: name }));
      },
      ...storeOptions(stores, name),
      ...more,
    });
  }

  /** Keyed by the address in the body; a request without one falls back to its IP. */
  const perAddress = (name: string, windowMs: number, limit: number, more: Partial<Options> = {}) =>
    limiter(name, windowMs, limit, { keyGenerator: (req) => addressOf(req) ?? `ip:${ipKeyGenerator(req.ip ?? '')}`, ...more });

  const anyAuthPerIp = limiter('auth-ip', 15 * MINUTE, config.RATE_AUTH_PER_IP);

  return {
    register: [anyAuthPerIp, limiter('register-ip', HOUR, config.RATE_REGISTER_PER_IP), perAddress('register-address', HOUR, 3)],
    login: [
      anyAuthPerIp,
      limiter('login-ip', 15 * MINUTE, config.RATE_LOGIN_PER_IP, { skipSuccessfulRequests: true }),
      perAddress('login-account', 15 * MINUTE, config.RATE_LOGIN_FAILURES_PER_ACCOUNT, { skipSuccessfulRequests: true }),
    ],
    verify: [anyAuthPerIp, limiter('verify-ip', 15 * MINUTE, config.RATE_VERIFY_PER_IP)],
    resetRequest: [anyAuthPerIp, limiter('reset-ip', 15 * MINUTE, config.RATE_VERIFY_PER_IP), perAddress('reset-address', HOUR, 3)],
    resetConfirm: [anyAuthPerIp, limiter('reset-confirm-ip', 15 * MINUTE, config.RATE_VERIFY_PER_IP)],
    /** signed-in account actions (delete, stronger verification) */
    account: [anyAuthPerIp],
    /** GET /api/auth/verify-email?token=…: opened from a mail, so a page answers, not JSON */
    verifyLink: limiter('verify-link-ip', 15 * MINUTE, config.RATE_VERIFY_PER_IP, {
      handler: (req: Request, res: Response) => {
        const seconds = secondsLeft(req, 15 * MINUTE);
        res.status(429).setHeader('Retry-After', String(seconds));
        res.type('html').send(tooManyPage(Math.ceil(seconds / 60)));
      },
    }),
  };
}

const tooManyPage = (minutes: number) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Trop de tentatives — Législature parallèle</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Trop de tentatives</h1>
<p>Trop de liens de vérification ont été ouverts depuis cette adresse réseau. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''} : votre lien reste valable 48 heures.</p>
<p lang="en">Too many verification links were opened from this network address. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}: your link stays valid for 48 hours.</p>
<p><a href="/">Législature parallèle</a></p>
</body></html>
`;
