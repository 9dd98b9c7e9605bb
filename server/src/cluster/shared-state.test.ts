import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppDeps } from '../boot';
import { testConfig } from '../config';
import { openDatabase, type Db } from '../db/client';
import { upsertScrutins } from '../db/an-store';
import { silentLogger } from '../logger';
import { startServer, type RunningServer } from '../server';
import { realScrutins, TEST_ENV } from '../test-support/citizens';
import { dropRedisPrefix, requireRedis, signUp } from '../test-support/processes';
import type { AppDeps } from '../deps';
import { redisLeader } from './leader';
import { checkSharedSecret, connectRedis, type SharedRedis } from './redis';

/**
 * What two servers share through one Redis (issue 14), two servers in this test process on one
 * store: the rate limits count once for both, the leader lease has one holder, and a second
 * secret is refused. (The whole processes are in multi-process.test.ts.)
 */
const prefix = `test:${randomBytes(6).toString('hex')}:`;
const secret = 'shared-state-secret-of-at-least-32-characters';
let dir: string;
let db: Db;
let uids: string[];
const opened: { redis: SharedRedis; deps: AppDeps; server: RunningServer }[] = [];

async function openServer() {
  const config = testConfig({ ...TEST_ENV, HOST: '127.0.0.1', MAILBOX_DIR: join(dir, 'mailbox'), SECRET_KEY: secret, RATE_VOTES_PER_ACCOUNT: '3', REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PREFIX: prefix });
  const redis = await connectRedis(config.REDIS_URL!, prefix, silentLogger());
  const deps = buildAppDeps({ config, logger: silentLogger(), db }, { redis });
  const server = await startServer(deps, 0, '127.0.0.1');
  opened.push({ redis, deps, server });
  return server;
}

beforeAll(async () => {
  await requireRedis();
  dir = mkdtempSync(join(tmpdir(), 'parallele-shared-'));
  db = openDatabase(`file:${join(dir, 'store.db')}`);
  const scrutins = realScrutins(2);
  await upsertScrutins(db, scrutins);
  uids = scrutins.map((s) => s.uid);
});
afterAll(async () => {
  for (const o of opened) {
    await o.server.close();
    await o.deps.close();
    await o.redis.close();
  }
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
  await dropRedisPrefix('redis://127.0.0.1:6379', prefix);
});

describe('two servers on one Redis', () => {
  it('count one account\'s votes together: the limit is per account, not per process', async () => {
    const [a, b] = [await openServer(), await openServer()];
    const voter = await signUp(a.url, 'limited@example.org');
    const statuses: number[] = [];
    // one scrutin per server: on one SQLite store, each chain must have one appending process
    for (let i = 0; i < 4; i++) {
      const r = await voter.on(i % 2 === 0 ? a.url : b.url).send('PUT', `/api/scrutins/${uids[i % 2]}/my-vote`, { choice: i < 2 ? 'pour' : 'contre' });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('refuses to start when Redis cannot be reached, naming REDIS_URL', async () => {
    await expect(connectRedis('redis://127.0.0.1:1', prefix, silentLogger())).rejects.toThrow(/REDIS_URL: cannot connect \(.*ECONNREFUSED/);
  });

  it('refuses a process whose secret differs from the one registered', async () => {
    const redis = await connectRedis('redis://127.0.0.1:6379', prefix, silentLogger());
    try {
      await expect(checkSharedSecret(redis, Buffer.from(secret))).resolves.toBeUndefined();
      await expect(checkSharedSecret(redis, Buffer.from(`${secret}-other`))).rejects.toThrow(/SECRET_KEY: another process of this deployment/);
    } finally {
      await redis.close();
    }
  });

  it('gives the leader lease to one process at a time, and hands it over on close', async () => {
    const redis = await connectRedis('redis://127.0.0.1:6379', prefix, silentLogger());
    const runs: string[] = [];
    const one = redisLeader(redis.limits, `${prefix}leader-test`, silentLogger(), 300);
    const two = redisLeader(redis.limits, `${prefix}leader-test`, silentLogger(), 300);
    one.whileLeading(() => (runs.push('one starts'), () => runs.push('one stops')));
    two.whileLeading(() => (runs.push('two starts'), () => runs.push('two stops')));
    try {
      await sleep(400);
      expect([one.isLeader(), two.isLeader()].filter(Boolean)).toHaveLength(1);
      const [leader, other] = one.isLeader() ? [one, two] : [two, one];
      await leader.close();
      await sleep(400);
      expect(other.isLeader()).toBe(true);
      expect(runs).toHaveLength(3);
    } finally {
      await one.close();
      await two.close();
      await redis.close();
    }
  });
});
