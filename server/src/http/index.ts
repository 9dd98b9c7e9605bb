import type { Config } from '../config';
import type { SessionCitizen } from '../modules/accounts';
import { csrfMiddleware } from './csrf';
import type { LimiterStores } from './auth-limits';
import { rateLimits } from './rate-limits';
import { sessionMiddleware } from './session';

export { citizenOf, readCookies, sessionTokenOf } from './session';

/**
 * The HTTP edge shared by the citizens' routes: session cookie, CSRF, rate limits. Built once by
 * boot (deps.http); routes compose them per path.
 */
export function createHttpMiddleware(config: Config, secret: Buffer, resolveSession: (token: string | undefined) => SessionCitizen | null, now: () => Date, stores?: LimiterStores) {
  return { ...sessionMiddleware(config, resolveSession, now), ...csrfMiddleware(config, secret), limits: rateLimits(config, stores) };
}

export type HttpMiddleware = ReturnType<typeof createHttpMiddleware>;
