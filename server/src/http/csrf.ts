import type { Request, RequestHandler, Response } from 'express';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@parallele/core';
import type { Config } from '../config';
import { AppError } from '../errors';
import { hmacHex, randomToken, safeEqual, sha256Hex } from '../secrets';
import { cookieBase } from './session';

/**
 * CSRF: signed double-submit. The token is `nonce.HMAC(secret, nonce, session)`, sent in a
 * readable cookie and echoed by the client in the `x-csrf-token` header on every write. A
 * cross-site page can neither read the cookie nor set the header (no CORS here), and a token
 * planted through a sibling subdomain fails the HMAC, which binds it to the session cookie.
 * `Sec-Fetch-Site: cross-site` is refused outright as a second line. SameSite=Lax on the session
 * cookie is a third: why several, because each has had browser-specific holes.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function csrfMiddleware(config: Pick<Config, 'cookieSecure'>, secret: Buffer) {
  const base = cookieBase(config);
  const bindingOf = (req: Request, res: Response) => {
    const known = res.locals.sessionTokenHash as string | undefined;
    if (known) return known;
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    return token ? sha256Hex(token) : 'anonymous';
  };
  // Tokens already verified for a binding: a client sends the same token on every write, so the
  // HMAC is computed once per token, not once per request. Bounded; cleared when full.
  const verified = new Map<string, string>();
  const sign = (nonce: string, binding: string) => hmacHex(secret, 'csrf', nonce, binding).slice(0, 43);

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

  return { issueCsrf, csrf };
}

function csrfError(detail: string) {
  return new AppError('csrf_failed', `CSRF check failed: ${detail}`, { status: 403, extras: { param: CSRF_HEADER } });
}
