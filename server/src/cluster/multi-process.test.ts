import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, RoomClientToServer, RoomServerToClient, ServerToClientEvents, Tally } from '@parallele/core';
import { CreateRoomResponseSchema, JoinRoomResponseSchema, ROOM_EVENTS, ROOMS_NAMESPACE, SOCKET_EVENTS } from '@parallele/core';
import { verifyPublished } from '../modules/votes';
import { upsertScrutins } from '../db/an-store';
import { realScrutins } from '../test-support/citizens';
import { pgDatabases } from '../test-support/pg-databases';
import { clusterEnv, dropRedisPrefix, requireRedis, signUp, startServerProcesses, type HttpClient, type ServerProcess } from '../test-support/processes';

/**
 * Issue 14, §3: several real server processes on one PostgreSQL store and one Redis. A vote on one
 * process reaches the tallies served and pushed by every other; Redis restarting under them is
 * survived. The store holds three real scrutins (not the whole bundle: the processes' start-up
 * skips the bulk import on a store that has scrutins).
 */
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type RoomClient = Socket<RoomServerToClient, RoomClientToServer>;
const roomSockets: RoomClient[] = [];
const scrutins = realScrutins(3);
const UID = scrutins[0]!.uid;

const databases = pgDatabases();
let dir = '';
let url = '';
const sockets: Client[] = [];
beforeAll(async () => {
  await requireRedis();
  dir = mkdtempSync(join(tmpdir(), 'parallele-cluster-'));
  const db = await databases.open();
  url = db.path; // trust auth on the test server: the URL has no password to hide
  await upsertScrutins(db, scrutins);
  // the servers open the store themselves
  await db.close();
}, 60_000);
afterAll(async () => {
  for (const s of [...sockets, ...roomSockets]) s.close();
  await databases.dropAll();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const dbUrl = () => url;

function openSocket(url: string, cookie = ''): Promise<Client> {
  const socket: Client = connect(url, { transports: ['websocket'], forceNew: true, extraHeaders: cookie ? { cookie } : {} });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function subscribe(socket: Client, scrutinUid: string): Promise<Tally> {
  return new Promise((resolve, reject) => {
    socket.emit(SOCKET_EVENTS.tallySubscribe, { scrutinUid }, (answer) => (answer.ok ? resolve(answer.data) : reject(new Error(answer.error))));
  });
}

/** Resolves with the first tally pushed to `socket` that satisfies `ok` (rejects after `ms`). */
function pushedTally(socket: Client, ok: (t: Tally) => boolean, ms = 15_000): Promise<Tally> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(SOCKET_EVENTS.tallyUpdate, listener);
      reject(new Error(`no matching tally pushed within ${ms} ms`));
    }, ms);
    const listener = (t: Tally) => {
      if (t.scrutinUid !== UID || !ok(t)) return;
      clearTimeout(timer);
      socket.off(SOCKET_EVENTS.tallyUpdate, listener);
      resolve(t);
    };
    socket.on(SOCKET_EVENTS.tallyUpdate, listener);
  });
}

const tallyOn = async (server: ServerProcess) => (await (await fetch(`${server.url}/api/scrutins/${UID}/tally`)).json()) as Tally;
const vote = (client: HttpClient, choice: 'pour' | 'contre' | 'abstention') => client.send('PUT', `/api/scrutins/${UID}/my-vote`, { choice });

describe('three processes on one store and one Redis', () => {
  let servers: ServerProcess[] = [];
  let stop = async () => {};
  const env = () => clusterEnv({ DATABASE_URL: dbUrl(), MAILBOX_DIR: `${dir}/mailbox` });
  let shared: Record<string, string> = {};
  beforeAll(async () => {
    shared = env();
    ({ servers, stop } = await startServerProcesses(3, shared));
  }, 180_000);
  afterAll(async () => {
    await stop();
    await dropRedisPrefix(shared.REDIS_URL!, shared.REDIS_PREFIX!);
  });

  it('signs in on A, votes on B, and a socket on C sees it; every process serves the same tally', async () => {
    const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const onA = await signUp(a.url, 'cross@example.org');
    const socket = await openSocket(c.url);
    const before = await subscribe(socket, UID);
    const seen = pushedTally(socket, (t) => t.logLength > before.logLength);
    const cast = await vote(onA.on(b.url), 'pour');
    expect(cast.status).toBe(200);
    const pushed = await seen;
    expect(pushed.all.pour).toBe(before.all.pour + 1);
    const served = await Promise.all(servers.map(tallyOn));
    for (const t of served) expect({ all: t.all, logLength: t.logLength }).toEqual({ all: pushed.all, logLength: pushed.logLength });
  });

  it('counts 1,000 concurrent identical votes of one account, spread over the three, once', async () => {
    const onA = await signUp(servers[0]!.url, 'thousand@example.org');
    const before = await tallyOn(servers[0]!);
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => vote(onA.on(servers[i % 3]!.url), 'contre')));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1000);
    const after = await Promise.all(servers.map(tallyOn));
    for (const t of after) {
      expect(t.all.contre).toBe(before.all.contre + 1);
      expect(t.logLength).toBe(before.logLength + 1);
    }
  });

  it('ends a session on every process when it logs out on one', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const onA = await signUp(a.url, 'logout@example.org');
    expect((await onA.on(b.url).send('GET', '/api/auth/me')).status).toBe(200);
    expect((await onA.send('POST', '/api/auth/logout')).status).toBeLessThan(300);
    // the session was cached on B a moment ago: the logout on A must empty that cache
    expect((await onA.on(b.url).send('GET', '/api/auth/me')).status).toBe(401);
  });

  it('plays one workshop room across processes: a phase moved on A reaches a phone on B', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const api = async (url: string, method: string, path: string, body?: unknown, token?: string) => {
      const res = await fetch(`${url}/api${path}`, { method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      return res.json() as Promise<unknown>;
    };
    const { code, facilitatorKey } = CreateRoomResponseSchema.parse(await api(a.url, 'POST', '/rooms', { title: 'Deux processus', deck: [{ kind: 'scrutin', uid: UID }] }));
    const { token } = JoinRoomResponseSchema.parse(await api(b.url, 'POST', `/rooms/${code}/participants`, { pseudonym: 'Inès' }));
    const phone: RoomClient = connect(`${b.url}${ROOMS_NAMESPACE}`, { transports: ['websocket'], forceNew: true, auth: { code, token } });
    roomSockets.push(phone);
    const stages: string[] = [];
    const presented = new Promise<void>((resolve) => {
      phone.on(ROOM_EVENTS.state, (view) => {
        stages.push(view.stage);
        if (view.stage === 'presentation') resolve();
      });
    });
    await new Promise<void>((resolve, reject) => {
      phone.once('connect', resolve);
      phone.once('connect_error', reject);
    });
    await api(a.url, 'POST', `/rooms/${code}/actions`, { type: 'advance' }, facilitatorKey);
    await presented;
    expect(stages[0]).toBe('lobby');
  });

  // Last of this group: it kills C.
  it('loses no acknowledged vote when one process is killed -9 in the middle of a vote load', async () => {
    const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
    // every process appends to the same chain, serialized by the store's per-scrutin lock
    const uids = [UID, UID, UID];
    const voters = await Promise.all(Array.from({ length: 45 }, (_, i) => signUp(servers[i % 3]!.url, `load${i}@example.org`)));
    const acknowledged = new Map<string, string[]>();
    const choices = ['pour', 'contre', 'abstention'] as const;
    let acks = 0;
    const killed = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (acks < 60) return;
        clearInterval(timer);
        c.child.kill('SIGKILL');
        resolve();
      }, 5);
    });
    await Promise.all(voters.map(async (voter, i) => {
      const uid = uids[i % 3]!;
      for (let round = 0; round < 8; round++) {
        try {
          const r = await voter.send('PUT', `/api/scrutins/${uid}/my-vote`, { choice: choices[(i + round) % 3] });
          if (r.status !== 200) continue;
          acks++;
          const receipt = (r.body as { vote: { receipt: string } }).vote.receipt;
          acknowledged.set(uid, [...(acknowledged.get(uid) ?? []), receipt]);
        } catch {
          // C is gone: its voters' requests fail, unacknowledged
        }
      }
    }));
    await killed;
    expect(await c.exited).toBe(null);
    // every acknowledged vote is in the chain, and the chains verify (npm run verify-log --from)
    for (const [uid, receipts] of acknowledged) {
      const check = await verifyPublished(`${a.url}/api/scrutins/${uid}/log`, receipts);
      expect(check.problems).toEqual([]);
      expect(check.receipts.filter((r) => !r.found)).toEqual([]);
    }
    expect(acks).toBeGreaterThan(60);
    // the others keep serving, and voting
    for (const server of [a, b]) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await vote(await signUp(b.url, 'after-kill@example.org'), 'pour')).status).toBe(200);
  });
});

/** A free TCP port on the loopback (for a Redis of this test's own). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  return (async () => {
    for (let i = 0; i < 50; i++) {
      try {
        await requireRedis('127.0.0.1', port);
        return child;
      } catch {
        await sleep(100);
      }
    }
    child.kill('SIGKILL');
    throw new Error(`redis-server on port ${port} did not start`);
  })();
}

describe('Redis restarted under two processes', () => {
  let servers: ServerProcess[] = [];
  let stop = async () => {};
  let redis: ChildProcess;
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    ({ servers, stop } = await startServerProcesses(2, clusterEnv({ DATABASE_URL: dbUrl(), MAILBOX_DIR: `${dir}/mailbox`, REDIS_URL: `redis://127.0.0.1:${port}` })));
  }, 180_000);
  afterAll(async () => {
    await stop();
    redis?.kill('SIGKILL');
  });

  it('keeps voting while Redis is away, and the sockets catch up without reconnecting', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const voter = await signUp(a.url, 'outage@example.org');
    const socket = await openSocket(b.url);
    const before = await subscribe(socket, UID);
    let disconnected = false;
    socket.on('disconnect', () => (disconnected = true));

    redis.kill('SIGKILL');
    await sleep(500);
    // Redis is away: the vote is still recorded (the limits let it through), on the store
    expect((await vote(voter, 'abstention')).status).toBe(200);
    const caughtUp = pushedTally(socket, (t) => t.logLength > before.logLength, 20_000);
    redis = await startRedis(port);
    const pushed = await caughtUp;
    expect(pushed.all.abstention).toBe(before.all.abstention + 1);

    // and once Redis is back, a new vote on A reaches B's socket as before
    const next = pushedTally(socket, (t) => t.logLength > pushed.logLength);
    expect((await vote(voter, 'pour')).status).toBe(200);
    expect((await next).all.pour).toBeGreaterThan(0);
    expect(disconnected).toBe(false);
  });
});
