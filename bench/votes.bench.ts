import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import Database from 'better-sqlite3';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, VOTE_CHOICES } from '@parallele/core';
import { REPO_ROOT } from '../server/src/config';
import { seedStore } from '../server/src/test-support/citizens';
import { verifyStore } from '../server/src/modules/votes/verify-log';

/**
 * Sustained, acknowledged, durable votes per second over HTTP. The real server runs in its own
 * process (as in production: WAL, synchronous=FULL, rate limits on, group commit) on a store with
 * VOTERS verified citizens; autocannon's CONNECTIONS keep-alive clients each send PUT my-vote
 * with a different session every time, and every request CHANGES that citizen's vote (a new log
 * entry each: the worst case). Then a bare express app with the same body parser runs the same
 * load in the same way, and the ratio is reported. Request logging is at warn level in both.
 */
const VOTERS = Number(process.env.BENCH_VOTERS ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const progress = (message: string) => process.stderr.write(`[votes bench] ${message}\n`);

/** A free port now (the server logs its port at info level, and the bench runs at warn). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a server entry in its own process; resolves once `probePath` answers (a first start on an empty store imports the bundled data: allow for it in `timeoutMs`). */
export async function spawnServer(args: string[], env: NodeJS.ProcessEnv, probePath: string, timeoutMs = 60_000): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', ...args], { cwd: REPO_ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  for (let i = 0; i < timeoutMs / 100; i++) {
    if (child.exitCode !== null) throw new Error(`${args[0]} exited (${child.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${url}${probePath}`)).status < 500) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${args[0]} did not start:\n${out}`);
}

export const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * autocannon's keep-alive clients each send PUT my-vote with a different session every time, and
 * every request CHANGES that citizen's vote (a new log entry each: the worst case).
 */
export async function castVotes(url: string, sessions: string[], scrutinUids: string[], options: { connections: number; durationS: number }): Promise<Result> {
  const csrf = await Promise.all(
    sessions.map(async (token) => {
      const res = await fetch(`${url}/api/auth/csrf`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      return ((await res.json()) as { csrfToken: string }).csrfToken;
    }),
  );
  let i = 0;
  return autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req) => {
          const n = i++;
          const s = n % sessions.length;
          const round = Math.floor(n / sessions.length);
          // Each round moves to the next scrutin, and every third round to the next choice: each vote is a change.
          const uid = scrutinUids[round % scrutinUids.length]!;
          const choice = VOTE_CHOICES[Math.floor(round / scrutinUids.length) % 3]!;
          return {
            ...req,
            method: 'PUT',
            path: `/api/scrutins/${uid}/my-vote`,
            headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${sessions[s]}; ${CSRF_COOKIE}=${csrf[s]}`, [CSRF_HEADER]: csrf[s]! },
            body: JSON.stringify({ choice }),
          };
        },
      },
    ],
  });
}

/** The server's environment in the vote benches: production-like writes, limits out of the way. */
export const serverEnv = (dir: string, databaseUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'development',
  // the gallery warm-up would compete for the CPU (and be killed mid-write)
  WARM_SCENARIOS: 'false',
  DATABASE_URL: databaseUrl,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SECRET_KEY: 'benchmark-secret-benchmark-secret-benchmark',
  MAILBOX_DIR: join(dir, 'mailbox'),
  SCRYPT_LOG_N: '10',
  SCRYPT_P: '1',
  RATE_AUTH_PER_IP: '1000000',
  RATE_VOTES_PER_IP: '100000000',
  RATE_VOTES_PER_ACCOUNT: '100000',
  DETECTOR_INTERVAL_S: '0',
  VOTES_SYNCHRONOUS: process.env.BENCH_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
});

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-bench-votes-'));
  const dbFile = join(dir, 'store.db');
  const env = serverEnv(dir, `file:${dbFile}`);
  try {
    progress(`seeding ${VOTERS} verified citizens`);
    const { scrutinUids, sessions } = await seedStore(dbFile, env, VOTERS);
    progress('starting the server');
    const server = await spawnServer([join(REPO_ROOT, 'server/src/main.ts')], env, '/api/health');
    let votes: Result;
    let health: Result;
    try {
      progress(`voting: ${CONNECTIONS} connections for ${DURATION_S} s`);
      votes = await castVotes(server.url, sessions, scrutinUids, { connections: CONNECTIONS, durationS: DURATION_S });
      progress('the same server on GET /api/health (its middleware floor)');
      health = await autocannon({ url: `${server.url}/api/health`, connections: CONNECTIONS, duration: Math.max(3, Math.round(DURATION_S / 2)) });
    } finally {
      await stop(server.child);
    }

    progress('bare express');
    const bare = await spawnServer([join(REPO_ROOT, 'bench/bare-express.ts')], env, '/');
    let yardstick: Result;
    try {
      yardstick = await autocannon({
        url: `${bare.url}/api/scrutins/${scrutinUids[0]}/my-vote`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ choice: 'pour' }),
      });
    } finally {
      await stop(bare.child);
    }

    const sqlite = new Database(dbFile, { readonly: true });
    const entries = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM vote_log').get()!.n;
    sqlite.close();
    const checks = await verifyStore(dbFile);
    const votesPerSecond = votes['2xx'] / votes.duration;
    const barePerSecond = yardstick['2xx'] / yardstick.duration;
    return {
      voters: VOTERS,
      connections: CONNECTIONS,
      [`acknowledged votes/s (synchronous=${env.VOTES_SYNCHRONOUS}, each a change)`]: Math.round(votesPerSecond),
      'vote latency p50 (ms)': votes.latency.p50,
      'vote latency p99 (ms)': votes.latency.p99,
      'vote non-2xx / errors / timeouts': `${votes.non2xx} / ${votes.errors} / ${votes.timeouts}`,
      'bare express PUT req/s': Math.round(barePerSecond),
      'bare express latency p50 / p99 (ms)': `${yardstick.latency.p50} / ${yardstick.latency.p99}`,
      'votes / bare express': Number((votesPerSecond / barePerSecond).toFixed(2)),
      'same server GET /api/health req/s (helmet, router, one tiny count; not logged)': Math.round(health['2xx'] / health.duration),
      'health / bare express': Number((health['2xx'] / health.duration / barePerSecond).toFixed(2)),
      'log entries written': entries,
      'chains verified': checks.every((c) => c.ok) ? `yes (${checks.length} scrutins)` : 'NO',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
