import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import cookieParser from 'cookie-parser';
import { ipKeyGenerator } from 'express-rate-limit';
import { authLimits } from './auth-limits';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@parallele/core';
import { AppError } from '../../errors';
import { fixedWindowLimiter } from './fixed-window';
import type { CitizensConfig } from './citizens-config';
import type { SessionCitizen } from './repository';
import { hmacHex, randomToken, safeEqual, sha256Hex } from './secrets';
import type { AccountsService } from './service';

/**
 * The HTTP edge of accounts: session cookie, CSRF, rate limits. Handlers read the signed-in
 * citizen with `citizenOf(res)`; nothing below the routes sees req/res.
 *
 * CSRF: signed double-submit. The token is `nonce.HMAC(secret, nonce, session)`, sent in a
 * readable cookie and echoed by the client in the `x-csrf-token` header on every write. A
 * cross-site page can neither read the cookie nor set the header (no CORS here), and a token
 * planted through a sibling subdomain fails the HMAC, which binds it to the session cookie.
 * `Sec-Fetch-Site: cross-site` is refused outright as a second line. SameSite=Lax on the session
 * cookie is a third: why several, because each has had browser-specific holes.
 */
export const readCookies: RequestHandler = cookieParser();

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function httpHelpers(config: CitizensConfig, accounts: AccountsService) {
  const base: CookieOptions = { path: '/', sameSite: 'lax', secure: config.cookieSecure };
  const bindingOf = (req: Request, res: Response) => {
    const known = res.locals.sessionTokenHash as string | undefined;
    if (known) return known;
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return token ? sha256Hex(token) : 'anonymous';
  };
  // Tokens already verified for a binding: a client sends the same token on every write, so the
  // HMAC is computed once per token, not once per request. Bounded; cleared when full.
  const verified = new Map<string, string>();
  const sign = (nonce: string, binding: string) => hmacHex(config.secret, 'csrf', nonce, binding).slice(0, 43);

  function issueCsrf(res: Response, sessionToken: string | null): string {
    const nonce = randomToken(18);
    const token = `${nonce}.${sign(nonce, sessionToken ? sha256Hex(sessionToken) : 'anonymous')}`;
    // Readable by the page's script on purpose: it must copy it into the header.
    res.cookie(CSRF_COOKIE, token, { ...base, httpOnly: false });
    return token;
  }

  const csrf: RequestHandler = (req, res, next) => {
    if (!UNSAFE.has(req.method)) return next();
    if (req.get('sec-fetch-site') === 'cross-site') return next(csrfError('cross-site request refused'));
    const header = req.get(CSRF_HEADER) ?? '';
    const cookie = (req.cookies as Record<string, string> | undefined)?.[CSRF_COOKIE] ?? '';
    if (header.length === 0 || !safeEqual(header, cookie)) return next(csrfError(`missing or invalid ${CSRF_HEADER} header (get one from GET /api/auth/csrf)`));
    const binding = bindingOf(req, res);
    const seen = verified.get(header);
    if (seen !== undefined && safeEqual(seen, binding)) return next();
    const [nonce = '', mac = ''] = header.split('.');
    if (!safeEqual(mac, sign(nonce, binding))) return next(csrfError(`invalid ${CSRF_HEADER} token for this session (get one from GET /api/auth/csrf)`));
    if (verified.size >= 100_000) verified.clear();
    verified.set(header, binding);
    return next();
  };

  const session: RequestHandler = (req, res, next) => {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    const citizen = accounts.resolveSession(token);
    res.locals.citizen = citizen ?? undefined;
    // The CSRF check binds to the same hash: computed once per request.
    if (citizen) res.locals.sessionTokenHash = citizen.tokenHash;
    next();
  };

  const requireCitizen: RequestHandler = (_req, res, next) => {
    next(res.locals.citizen ? undefined : AppError.unauthorized('Sign in first'));
  };

  const requireAdmin: RequestHandler = (_req, res, next) => {
    const citizen = res.locals.citizen as SessionCitizen | undefined;
    if (!citizen) return next(AppError.unauthorized('Sign in first'));
    next(citizen.role === 'admin' ? undefined : AppError.forbidden('Administrators only'));
  };

  function setSession(res: Response, token: string, expiresAt: number) {
    res.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true, expires: new Date(expiresAt) });
  }

  function clearSession(res: Response) {
    res.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
  }

  const limits = {
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

  return { issueCsrf, csrf, session, requireCitizen, requireAdmin, setSession, clearSession, limits };
}

export type HttpHelpers = ReturnType<typeof httpHelpers>;

/** The signed-in citizen (after `session` + `requireCitizen`). */
export function citizenOf(res: Response): SessionCitizen {
  const citizen = res.locals.citizen as SessionCitizen | undefined;
  if (!citizen) throw AppError.unauthorized('Sign in first');
  return citizen;
}

export const sessionTokenOf = (req: Request): string | undefined => (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];

function csrfError(detail: string) {
  return new AppError('csrf_failed', `CSRF check failed: ${detail}`, { status: 403, extras: { param: CSRF_HEADER } });
}
