import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@parallele/core';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SOCKET_EVENTS, VOTE_CHOICES } from '@parallele/core';
import { REPO_ROOT } from '../server/src/config';
import { seedStore } from '../server/src/test-support/citizens';
import { spawnServer, stop } from './votes.bench';
import { percentile } from './timing';

/**
 * Issue 10, points 4 and 9, on the real server in its own process:
 * - subscribe flood: 5 anonymous sockets each emit 4,000 `tally:subscribe` as fast as they can
 *   while a client measures GET /api/health (before: 2.96 s at worst; the flooders were never
 *   disconnected);
 * - live tally latency: a lone vote (one every 400 ms), from the PUT's acknowledgement to the
 *   watching socket's `tally:update` (before: p50 271 ms, p95 303 ms, from the 250 ms batching).
 */
const FLOODERS = 5;
const SUBSCRIBES = 4000;
const LONE_VOTES = Number(process.env.BENCH_LONE_VOTES ?? 30);
const progress = (message: string) => process.stderr.write(`[sockets bench] ${message}\n`);
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const ms = (x: number) => Number(x.toFixed(1));

function open(url: string, cookie?: string): Promise<Client> {
  const socket: Client = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: cookie ? { cookie } : {} });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/**
 * The flooding clients run in a worker thread: encoding 20,000 emits blocks a thread for a while,
 * and that must not be counted as the server's latency (the health probe runs on this thread).
 */
const FLOOD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { io } = require('socket.io-client');
const { url, uid, flooders, subscribes, event } = workerData;
let acked = 0, disconnected = 0, done = 0;
const started = Date.now();
for (let f = 0; f < flooders; f++) {
  const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  s.on('disconnect', (reason) => { if (reason !== 'io client disconnect') disconnected++; });
  s.on('connect', () => {
    for (let i = 0; i < subscribes; i++) s.emit(event, { scrutinUid: uid }, () => acked++);
    const check = setInterval(() => {
      if (!s.connected || acked >= flooders * subscribes || Date.now() - started > 15000) {
        clearInterval(check);
        s.close();
        if (++done === flooders) parentPort.postMessage({ acked, disconnected, floodMs: Date.now() - started });
      }
    }, 50);
  });
}
`;

async function subscribeFlood(url: string, uid: string) {
  const health: number[] = [];
  let flooding = true;
  const probe = (async () => {
    while (flooding) {
      const started = performance.now();
      await fetch(`${url}/api/health`);
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const worker = new Worker(FLOOD_WORKER, {
    eval: true,
    workerData: { url, uid, flooders: FLOODERS, subscribes: SUBSCRIBES, event: SOCKET_EVENTS.tallySubscribe },
  });
  const result = await new Promise<{ acked: number; disconnected: number; floodMs: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  await new Promise((r) => setTimeout(r, 300));
  flooding = false;
  await probe;
  return { health, ...result };
}

async function loneVoteLatency(url: string, uid: string, token: string) {
  const csrf = ((await (await fetch(`${url}/api/auth/csrf`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })).json()) as { csrfToken: string }).csrfToken;
  const watcher = await open(url);
  await new Promise((resolve) => watcher.emit(SOCKET_EVENTS.tallySubscribe, { scrutinUid: uid }, resolve));
  const latencies: number[] = [];
  const fromSend: number[] = [];
  for (let i = 0; i < LONE_VOTES; i++) {
    const update = new Promise<number>((resolve) => watcher.once(SOCKET_EVENTS.tallyUpdate, () => resolve(performance.now())));
    const sent = performance.now();
    const res = await fetch(`${url}/api/scrutins/${uid}/my-vote`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf },
      body: JSON.stringify({ choice: VOTE_CHOICES[i % 3] }),
    });
    const acknowledged = performance.now();
    if (res.status !== 200) throw new Error(`vote answered ${res.status}: ${await res.text()}`);
    const updated = await update;
    // Negative: the update left before the HTTP answer (both follow the commit).
    latencies.push(updated - acknowledged);
    fromSend.push(updated - sent);
    await new Promise((r) => setTimeout(r, 400));
  }
  watcher.close();
  return { latencies, fromSend };
}

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-bench-sockets-'));
  const dbFile = join(dir, 'store.db');
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'development', WARM_SCENARIOS: 'false', DATABASE_URL: `file:${dbFile}`, HOST: '127.0.0.1', LOG_LEVEL: 'warn',
    SECRET_KEY: 'benchmark-secret-benchmark-secret-benchmark', MAILBOX_DIR: join(dir, 'mailbox'), SCRYPT_LOG_N: '10', SCRYPT_P: '1', DETECTOR_INTERVAL_S: '0',
  };
  try {
    progress('seeding');
    const { scrutinUids, sessions } = await seedStore(dbFile, env, 2);
    const server = await spawnServer([join(REPO_ROOT, 'server/src/main.ts')], env, '/api/health');
    try {
      progress(`subscribe flood: ${FLOODERS} sockets × ${SUBSCRIBES}`);
      const flood = await subscribeFlood(server.url, scrutinUids[0]!);
      progress(`${LONE_VOTES} lone votes`);
      const { latencies, fromSend } = await loneVoteLatency(server.url, scrutinUids[1]!, sessions[0]!);
      return {
        [`flood: GET /api/health latency p50 / p95 / max under ${FLOODERS} sockets × ${SUBSCRIBES} subscribes (ms)`]: `${ms(percentile(flood.health, 50))} / ${ms(percentile(flood.health, 95))} / ${ms(Math.max(...flood.health))}`,
        'flood: subscribes acknowledged / sent': `${flood.acked} / ${FLOODERS * SUBSCRIBES}`,
        'flood: flooding sockets disconnected by the server': `${flood.disconnected} / ${FLOODERS}`,
        'flood: duration (ms)': Math.round(flood.floodMs),
        'lone vote: acknowledgement → tally:update p50 / p95 (ms; < 0: the update came first)': `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}`,
        'lone vote: PUT sent → tally:update p50 / p95 (ms)': `${ms(percentile(fromSend, 50))} / ${ms(percentile(fromSend, 95))}`,
      };
    } finally {
      await stop(server.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
