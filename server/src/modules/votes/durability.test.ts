import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CSRF_HEADER, SESSION_COOKIE, type VoteChoice } from '@parallele/core';
import { REPO_ROOT } from '../../config';
import { seedStore } from '../../test-support/citizens';
import { verifyStore } from './verify-log';

/**
 * Kill -9 during a burst of votes: every vote the server acknowledged must be in the store after
 * a restart, and every chain must verify. The real server runs as a child process (node --import
 * tsx server/src/main.ts: no wrapper process, so SIGKILL hits the server itself).
 */
const dir = mkdtempSync(join(tmpdir(), 'parallele-durability-'));
const dbFile = join(dir, 'store.db');
const env = {
  ...process.env,
  NODE_ENV: 'development',
  // the gallery warm-up would compete for the CPU (and be killed mid-write)
  WARM_SCENARIOS: 'false',
  DATABASE_URL: `file:${dbFile}`,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  SECRET_KEY: 'durability-test-secret-durability-test-secret',
  MAILBOX_DIR: join(dir, 'mailbox'),
  SCRYPT_LOG_N: '10',
  SCRYPT_P: '1',
  RATE_AUTH_PER_IP: '100000',
  RATE_VOTES_PER_IP: '1000000',
  RATE_VOTES_PER_ACCOUNT: '100000',
  DETECTOR_INTERVAL_S: '0',
  VOTES_SYNCHRONOUS: 'FULL',
};
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/main.ts')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

describe('durability of acknowledged votes', () => {
  it('keeps every acknowledged vote through a SIGKILL mid-burst, and the chains verify', async () => {
    // A store with real scrutins and 80 verified accounts with sessions, made before the server starts.
    const { scrutinUids, sessions } = await seedStore(dbFile, env, 80);
    const scrutins = scrutinUids.map((uid) => ({ uid }));

    const { child, url } = await startServer();
    const csrf = await Promise.all(
      sessions.map(async (token) => {
        const res = await fetch(`${url}/api/auth/csrf`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
        return ((await res.json()) as { csrfToken: string }).csrfToken;
      }),
    );

    const acknowledged: { receipt: string; uid: string; choice: VoteChoice }[] = [];
    const choices: VoteChoice[] = ['pour', 'contre', 'abstention'];
    const refused: string[] = [];
    let killed = false;
    let sent = 0;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const s = (w * 7 + i * 13) % sessions.length;
        const uid = scrutins[(w + i) % scrutins.length]!.uid;
        const choice = choices[(w + i * 5) % 3]!;
        sent++;
        let res: Response;
        try {
          res = await fetch(`${url}/api/scrutins/${uid}/my-vote`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${sessions[s]}; pl_csrf=${csrf[s]}`, [CSRF_HEADER]: csrf[s]! },
            body: JSON.stringify({ choice }),
          });
        } catch {
          return; // the connection died with the server: that vote was never acknowledged
        }
        if (res.status !== 200) {
          refused.push(`${res.status} ${await res.text().catch(() => '')}`);
          return;
        }
        try {
          const body = (await res.json()) as { vote: { receipt: string } };
          acknowledged.push({ receipt: body.vote.receipt, uid, choice });
        } catch {
          return; // killed while the body was on its way: not acknowledged
        }
      }
    };
    let running = 40;
    const workers = Array.from({ length: 40 }, (_, w) => worker(w).finally(() => running--));
    while (acknowledged.length < 800 && child.exitCode === null && running > 0) await new Promise((r) => setTimeout(r, 5));
    expect(refused).toEqual([]);
    child.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    // Killed by a signal, a child has signalCode set and exitCode null: test both, or this waits for an exit that already happened.
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));

    // Restart on the same store: it must open (WAL recovery) and serve.
    const again = await startServer();
    const tally = await (await fetch(`${again.url}/api/scrutins/${scrutins[0]!.uid}/tally`)).json();
    expect(tally).toHaveProperty('all');
    again.child.kill('SIGTERM');
    await new Promise((r) => again.child.once('exit', r));

    const sqlite = new Database(dbFile, { readonly: true });
    const hasReceipt = sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM vote_log WHERE hash = ?');
    const missing = acknowledged.filter((a) => hasReceipt.get(a.receipt)!.n !== 1);
    const logged = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM vote_log').get()!.n;
    sqlite.close();
    console.log(`durability: ${sent} votes sent, ${acknowledged.length} acknowledged before SIGKILL, ${logged} log entries after restart, ${missing.length} acknowledged votes missing`);
    expect(missing).toEqual([]);
    const checks = await verifyStore(dbFile);
    expect(checks.map((c) => c.problems)).toEqual(checks.map(() => []));
    expect(checks.every((c) => c.ok)).toBe(true);
  }, 240_000);
});
