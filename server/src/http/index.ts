import type { Config } from '../config';
import { csrfMiddleware } from './csrf';
import type { LimiterStores } from './auth-limits';
import { rateLimits } from './rate-limits';
import { sessionMiddleware, type SessionResolver } from './session';

export { citizenOf, readCookies, sessionTokenOf, type SessionResolver } from './session';

/**
 * The HTTP edge shared by the citizens' routes: session cookie, CSRF, rate limits. Built once by
 * boot (deps.http); routes compose them per path.
 */
export function createHttpMiddleware(config: Config, secret: Buffer, resolveSession: SessionResolver, now: () => Date, stores?: LimiterStores) {
  return { ...sessionMiddleware(config, resolveSession, now), ...csrfMiddleware(config, secret), limits: rateLimits(config, stores) };
}

export type HttpMiddleware = ReturnType<typeof createHttpMiddleware>;
