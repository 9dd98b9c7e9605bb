import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
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
const VOTERS = 1000;
const CONNECTIONS = 64;
const DURATION_S = 10;

function spawnServer(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}):\n${out}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-bench-votes-'));
  const dbFile = join(dir, 'store.db');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: `file:${dbFile}`,
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
    VOTES_SYNCHRONOUS: 'FULL',
  };
  try {
    const { scrutinUids, sessions } = await seedStore(dbFile, env, VOTERS);
    const server = await spawnServer([join(REPO_ROOT, 'server/src/main.ts')], env);
    let votes: autocannon.Result;
    try {
      const csrf = await Promise.all(
        sessions.map(async (token) => {
          const res = await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
          return ((await res.json()) as { csrfToken: string }).csrfToken;
        }),
      );
      let i = 0;
      votes = await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: [
          {
            method: 'PUT',
            setupRequest: (req) => {
              const n = i++;
              const s = n % VOTERS;
              const round = Math.floor(n / VOTERS);
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
    } finally {
      await stop(server.child);
    }

    const bare = await spawnServer([join(REPO_ROOT, 'bench/bare-express.ts')], env);
    let yardstick: autocannon.Result;
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
    const checks = verifyStore(dbFile);
    const votesPerSecond = votes['2xx'] / votes.duration;
    const barePerSecond = yardstick['2xx'] / yardstick.duration;
    return {
      voters: VOTERS,
      connections: CONNECTIONS,
      'acknowledged votes/s (synchronous=FULL, each a change)': Math.round(votesPerSecond),
      'vote latency p50 (ms)': votes.latency.p50,
      'vote latency p99 (ms)': votes.latency.p99,
      'vote non-2xx / errors / timeouts': `${votes.non2xx} / ${votes.errors} / ${votes.timeouts}`,
      'bare express PUT req/s': Math.round(barePerSecond),
      'bare express latency p50 / p99 (ms)': `${yardstick.latency.p50} / ${yardstick.latency.p99}`,
      'votes / bare express': Number((votesPerSecond / barePerSecond).toFixed(2)),
      'log entries written': entries,
      'chains verified': checks.every((c) => c.ok) ? `yes (${checks.length} scrutins)` : 'NO',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
