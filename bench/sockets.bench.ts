import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@parallele/core';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SOCKET_EVENTS, VOTE_CHOICES } from '@parallele/core';
import { REPO_ROOT } from '../server/src/config';
import { seedStore } from '../server/src/test-support/citizens';
import { spawnServer, stop } from './votes.bench';

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

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (x: number) => Number(x.toFixed(1));

function open(url: string, cookie?: string): Promise<Client> {
  const socket: Client = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: cookie ? { cookie } : {} });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function subscribeFlood(url: string, uid: string) {
  const flooders = await Promise.all(Array.from({ length: FLOODERS }, () => open(url)));
  let acked = 0;
  let disconnected = 0;
  for (const s of flooders) s.on('disconnect', (reason) => (reason === 'io client disconnect' ? undefined : disconnected++));
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
  const started = performance.now();
  await Promise.all(
    flooders.map(
      (s) =>
        new Promise<void>((resolve) => {
          for (let i = 0; i < SUBSCRIBES; i++) s.emit(SOCKET_EVENTS.tallySubscribe, { scrutinUid: uid }, () => acked++);
          // Done when every ack came back, or the server cut the socket, or 15 s passed.
          const check = setInterval(() => {
            if (!s.connected || acked >= FLOODERS * SUBSCRIBES || performance.now() - started > 15_000) {
              clearInterval(check);
              resolve();
            }
          }, 50);
        }),
    ),
  );
  const floodMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 300));
  flooding = false;
  await probe;
  for (const s of flooders) s.close();
  return { health, acked, disconnected, floodMs };
}

async function loneVoteLatency(url: string, uid: string, token: string) {
  const csrf = ((await (await fetch(`${url}/api/auth/csrf`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })).json()) as { csrfToken: string }).csrfToken;
  const watcher = await open(url);
  await new Promise((resolve) => watcher.emit(SOCKET_EVENTS.tallySubscribe, { scrutinUid: uid }, resolve));
  const latencies: number[] = [];
  for (let i = 0; i < LONE_VOTES; i++) {
    const update = new Promise<number>((resolve) => watcher.once(SOCKET_EVENTS.tallyUpdate, () => resolve(performance.now())));
    const res = await fetch(`${url}/api/scrutins/${uid}/my-vote`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf },
      body: JSON.stringify({ choice: VOTE_CHOICES[i % 3] }),
    });
    const acknowledged = performance.now();
    if (res.status !== 200) throw new Error(`vote answered ${res.status}: ${await res.text()}`);
    latencies.push((await update) - acknowledged);
    await new Promise((r) => setTimeout(r, 400));
  }
  watcher.close();
  return latencies;
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
      const latencies = await loneVoteLatency(server.url, scrutinUids[1]!, sessions[0]!);
      return {
        [`flood: GET /api/health latency p50 / p95 / max under ${FLOODERS} sockets × ${SUBSCRIBES} subscribes (ms)`]: `${ms(percentile(flood.health, 50))} / ${ms(percentile(flood.health, 95))} / ${ms(Math.max(...flood.health))}`,
        'flood: subscribes acknowledged / sent': `${flood.acked} / ${FLOODERS * SUBSCRIBES}`,
        'flood: flooding sockets disconnected by the server': `${flood.disconnected} / ${FLOODERS}`,
        'flood: duration (ms)': Math.round(flood.floodMs),
        'lone vote: acknowledgement → tally:update p50 / p95 (ms)': `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}`,
      };
    } finally {
      await stop(server.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
