import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Config } from '../../config';
import { requestLanguage, roomProblem } from './problems';

/**
 * Rate limits of the rooms, per IP and per room token, from the ROOMS_* settings of config.ts
 * (wide per IP: a class behind one school NAT shares an address; per token: a flooding device).
 */
export type RoomsConfig = Pick<Config, 'ROOMS_RATE_LIMITS' | 'ROOMS_REQUESTS_PER_IP' | 'ROOMS_JOINS_PER_IP' | 'ROOMS_ACTIONS_PER_TOKEN'>;

const bearerOf = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];

/** `stores`: shared counters when several processes serve (issue 14); none: this process's memory. */
export function roomLimits(config: RoomsConfig, stores?: (name: string) => Store | undefined) {
  const base = (windowMs: number, limit: number, key: (req: Request) => string, name: string) =>
    rateLimit({
      ...(stores?.(name) ? { store: stores(name)!, passOnStoreError: true, identifier: name } : {}),
      windowMs,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      skip: () => config.ROOMS_RATE_LIMITS === 'off',
      keyGenerator: key,
      handler: (req, _res, next) => next(roomProblem('room-rate-limited', 'Too many requests: slow down', undefined, { retryAfterSeconds: Math.ceil(windowMs / 1000) }, requestLanguage(req))),
    });
  const ip = (req: Request) => ipKeyGenerator(req.ip ?? '');
  return {
    perIp: base(60_000, config.ROOMS_REQUESTS_PER_IP, ip, 'rooms-ip') as RequestHandler,
    joinsPerIp: base(600_000, config.ROOMS_JOINS_PER_IP, ip, 'rooms-joins-ip') as RequestHandler,
    perToken: base(60_000, config.ROOMS_ACTIONS_PER_TOKEN, (req) => bearerOf(req) ?? ip(req), 'rooms-token') as RequestHandler,
  };
}

/** The socket side: a fixed window per token (votes and actions over socket.io). */
export function socketLimiter(config: RoomsConfig, nowMs: () => number = Date.now) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return (key: string): boolean => {
    if (config.ROOMS_RATE_LIMITS === 'off') return true;
    const t = nowMs();
    if (hits.size > 50_000) for (const [k, e] of hits) if (e.resetAt <= t) hits.delete(k);
    const e = hits.get(key);
    if (!e || e.resetAt <= t) {
      hits.set(key, { count: 1, resetAt: t + 60_000 });
      return true;
    }
    return ++e.count <= config.ROOMS_ACTIONS_PER_TOKEN;
  };
}
