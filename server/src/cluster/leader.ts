import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger';

/**
 * Which process runs the scheduled jobs (the AN sync schedule, the platform job that opens and
 * freezes questions and sends the alert digests, the burst detector): exactly one of them, on any
 * number of machines. Without Redis there is one process and it always leads.
 *
 * With Redis: a lease, `SET key id NX PX ttl`, renewed every ttl/3 only by its holder (a Lua
 * compare-and-expire). A process that cannot renew (it froze, or lost Redis) stops its jobs before
 * its lease can have expired, so two leaders never overlap for longer than a job's current tick;
 * another process takes the lease at its next try (within ttl/3 after expiry). Why a Redis lease
 * rather than "the cluster primary's first worker": that works on one machine only, and the
 * primary cannot tell when its first worker hangs. The jobs themselves keep their state in the
 * store (what was sent, the sync runs), so a new leader resumes, never repeats.
 */
export interface Leadership {
  isLeader(): boolean;
  /** runs `start` while this process leads, and the stop it returned when it stops leading */
  whileLeading(start: () => () => void): void;
  close(): Promise<void>;
}

/** One process: always the leader. */
export function soleLeader(): Leadership {
  const stops: (() => void)[] = [];
  return {
    isLeader: () => true,
    whileLeading: (start) => void stops.push(start()),
    close: async () => {
      for (const stop of stops.splice(0)) stop();
    },
  };
}

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export function redisLeader(redis: Redis, key: string, logger: Logger, ttlMs = 15_000): Leadership {
  const id = randomUUID();
  const jobs: { start: () => () => void; stop?: () => void }[] = [];
  let leading = false;
  let closed = false;

  const setLeading = (next: boolean) => {
    if (next === leading) return;
    leading = next;
    logger.info({ leader: next }, next ? 'this process runs the scheduled jobs' : 'this process no longer runs the scheduled jobs');
    for (const job of jobs) {
      if (next) job.stop = job.start();
      else {
        job.stop?.();
        job.stop = undefined;
      }
    }
  };

  const tick = async () => {
    try {
      const held = leading
        ? (await redis.eval(RENEW, 1, key, id, String(ttlMs))) === 1
        : (await redis.set(key, id, 'PX', ttlMs, 'NX')) === 'OK';
      if (!closed) setLeading(held);
    } catch (error) {
      // Cannot reach Redis: the lease will lapse, so stop now rather than overlap a new leader.
      logger.debug({ err: error }, 'leader lease not renewed');
      if (!closed) setLeading(false);
    }
  };
  const timer = setInterval(() => void tick(), Math.max(50, Math.floor(ttlMs / 3)));
  timer.unref();
  void tick();

  return {
    isLeader: () => leading,
    whileLeading(start) {
      const job: { start: () => () => void; stop?: () => void } = { start };
      jobs.push(job);
      if (leading) job.stop = start();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      const was = leading;
      setLeading(false);
      // Handing over at once: the next process need not wait for the lease to lapse.
      if (was) await redis.eval(RELEASE, 1, key, id).catch(() => undefined);
    },
  };
}
