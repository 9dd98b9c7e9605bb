import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import cookieParser from 'cookie-parser';
import { SESSION_COOKIE } from '@parallele/core';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { SessionCitizen } from '../modules/accounts';

/**
 * The session cookie: `session` reads it into `res.locals.citizen` (through the accounts service's
 * resolver, injected); handlers read the signed-in citizen with `citizenOf(res)`, so nothing below
 * the routes sees req/res. SameSite=Lax is one of the three CSRF defences (see csrf.ts).
 */
export const readCookies: RequestHandler = cookieParser();

export const cookieBase = (config: Pick<Config, 'cookieSecure'>): CookieOptions => ({ path: '/', sameSite: 'lax', secure: config.cookieSecure });

/** Resolves a session cookie's token to its citizen (the accounts service), reading the store. */
export type SessionResolver = (token: string | undefined) => Promise<SessionCitizen | null>;

export function sessionMiddleware(config: Pick<Config, 'cookieSecure'>, resolveSession: SessionResolver, now: () => Date) {
  const base = cookieBase(config);

  // Express 5: a rejected promise (the store failing) reaches the error handler.
  const session: RequestHandler = async (req, res, next) => {
    const citizen = await resolveSession(sessionTokenOf(req));
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
    // Max-Age, not Expires: with AS_OF the server's clock is not the browser's, which would drop a
    // cookie "expired" in the replayed past.
    res.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true, maxAge: Math.max(0, expiresAt - now().getTime()) });
  }

  function clearSession(res: Response) {
    res.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
  }

  return { session, requireCitizen, requireAdmin, setSession, clearSession };
}

/** The signed-in citizen (after `session` + `requireCitizen`). */
export function citizenOf(res: Response): SessionCitizen {
  const citizen = res.locals.citizen as SessionCitizen | undefined;
  if (!citizen) throw AppError.unauthorized('Sign in first');
  return citizen;
}

export const sessionTokenOf = (req: Request): string | undefined => (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
