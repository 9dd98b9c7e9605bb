import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { AppError } from '../errors';
import type { Logger } from '../logger';

/**
 * What several server processes share through Redis (issue 14): one connection for socket.io's
 * streams adapter and the domain events it carries (`bus`), one for the rate limits and the
 * leader lock (`limits`). Keys all start with REDIS_PREFIX, so two deployments or two tests can
 * share one Redis.
 *
 * Why two connections with opposite settings:
 * - `bus` queues commands while Redis is away and retries them forever: an event published
 *   during a short disconnection is written to the stream once Redis is back, and the adapter's
 *   reader goes on from its last offset (what the streams adapter is for);
 * - `limits` fails at once while Redis is away (no offline queue): a rate limit that cannot be
 *   checked lets the request through (`passOnStoreError`) rather than making every vote wait for
 *   Redis. Availability over limits for the few seconds of an outage; the brigading detector
 *   reads the store, not Redis, so it still sees everything.
 */
export interface SharedRedis {
  prefix: string;
  bus: Redis;
  limits: Redis;
  /** an express-rate-limit store for the limiter `name`, shared by every process */
  limiterStore(name: string): Store;
  close(): Promise<void>;
}

/** Connects both clients; a Redis that cannot be reached at start fails the start (with why). */
export async function connectRedis(url: string, prefix: string, logger: Logger): Promise<SharedRedis> {
  const log = logger.child({ module: 'redis' });
  const common = { lazyConnect: true, connectionName: 'parallele', retryStrategy: (times: number) => Math.min(times * 200, 2_000) };
  const bus = new Redis(url, { ...common, maxRetriesPerRequest: null });
  const limits = new Redis(url, { ...common, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  let down = false;
  for (const client of [bus, limits]) {
    client.on('error', (error: Error) => {
      if (!down) log.warn({ err: error }, 'Redis unreachable: retrying');
      down = true;
    });
    client.on('ready', () => {
      if (down) log.info('Redis reachable again');
      down = false;
    });
  }
  try {
    await Promise.all([bus.connect(), limits.connect()]);
  } catch (error) {
    bus.disconnect();
    limits.disconnect();
    throw new AppError('config_invalid', `Invalid configuration:\n  REDIS_URL: cannot connect (${(error as Error).message})`, {
      status: 500, operational: false, cause: error,
    });
  }
  const sendCommand = (command: string, ...args: string[]) => limits.call(command, ...args) as Promise<RedisReply>;
  return {
    prefix,
    bus,
    limits,
    limiterStore: (name) => new RedisStore({ sendCommand, prefix: `${prefix}rl:${name}:` }),
    async close() {
      await Promise.allSettled([bus.quit(), limits.quit()]);
    },
  };
}

/**
 * Every process must sign with the same secret (CSRF tokens, voter pseudonyms, code MACs): a
 * machine that generated its own development secret would refuse every other machine's CSRF
 * tokens and give voters other pseudonyms. The first process registers the secret's fingerprint
 * (never the secret); one with another secret refuses to start and says why. A Redis emptied by a
 * restart forgets the fingerprint, which only means the next start registers it again.
 */
export async function checkSharedSecret(redis: SharedRedis, secret: Buffer): Promise<void> {
  const fingerprint = createHash('sha256').update('parallele-secret-fingerprint').update(secret).digest('hex');
  const key = `${redis.prefix}secret-fingerprint`;
  await redis.bus.set(key, fingerprint, 'NX');
  const registered = await redis.bus.get(key);
  if (registered !== fingerprint) {
    throw new AppError('config_invalid', 'Invalid configuration:\n  SECRET_KEY: another process of this deployment (same REDIS_URL and REDIS_PREFIX) runs with another secret; set the same SECRET_KEY on every machine', {
      status: 500, operational: false,
    });
  }
}
