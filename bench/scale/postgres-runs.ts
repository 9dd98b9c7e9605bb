import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ScrutinListResponseSchema, SESSION_COOKIE, type StorageRun, type VoteRun } from '@parallele/core';
import { loadConfig, REPO_ROOT } from '../../server/src/config';
import { signUp } from '../../server/src/test-support/processes';
import { castVotes, serverEnv, spawnServer, stop } from '../votes.bench';
import { CONNECTIONS, DURATION_S, SCRUTINS, VOTERS } from './vote-runs';
import { cpuByPid, treeCpuMs } from './proc';

/**
 * Parts (b) and (c) of the scale bench: 1 process on PostgreSQL, then 2 processes (`--workers 2`,
 * node:cluster) on PostgreSQL + Redis, on a database of their own (BENCH_PG_URL's server,
 * `pg_g14_capacity_bench`, dropped at the end). They run only when this tree's server accepts a
 * postgres:// DATABASE_URL and PostgreSQL answers; otherwise each says why.
 *
 * The database's own CPU per vote is that of the backends connected to the bench's database
 * (PostgreSQL runs one process per connection; the machine's other databases are not counted).
 */
const run = promisify(execFile);
const PG = process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432';
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DB = 'pg_g14_capacity_bench';
const progress = (message: string) => process.stderr.write(`[scale bench] ${message}\n`);

const psql = async (sql: string, db = 'postgres') => (await run('psql', [`${PG}/${db}`, '-v', 'ON_ERROR_STOP=1', '-Atc', sql])).stdout.trim();

/** Why PostgreSQL cannot be measured here, or undefined when it can. */
async function unavailable(): Promise<string | undefined> {
  try {
    loadConfig({ NODE_ENV: 'test', DATABASE_URL: `${PG}/${DB}` }, 'bench', { citizens: false });
  } catch {
    return 'this server has no PostgreSQL store yet: its configuration refuses a postgres:// DATABASE_URL';
  }
  try {
    await psql('SELECT 1');
  } catch (error) {
    return `PostgreSQL does not answer at ${PG} (${(error as Error).message.split('\n')[0]})`;
  }
  return undefined;
}

const backends = async () => (await psql(`SELECT pid FROM pg_stat_activity WHERE datname = '${DB}'`)).split('\n').filter(Boolean).map(Number);
const databaseBytes = async () => Number(await psql(`SELECT pg_database_size('${DB}')`));
const logEntries = async () => Number(await psql('SELECT count(*) FROM vote_log', DB));

async function verifyChains(url: string): Promise<boolean> {
  try {
    await run(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/src/cli/verify-log.ts')], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: url } });
    return true;
  } catch {
    return false;
  }
}

async function measure(dir: string, processes: number): Promise<{ run: VoteRun; bytes: number; entries: number }> {
  const url = `${PG}/${DB}`;
  const env = {
    ...serverEnv(dir, url),
    ...(processes > 1 ? { REDIS_URL: REDIS, REDIS_PREFIX: `bench:${randomBytes(6).toString('hex')}:` } : {}),
    RATE_REGISTER_PER_IP: '1000000',
    RATE_LOGIN_PER_IP: '1000000',
  };
  const args = [join(REPO_ROOT, 'server/src/main.ts'), ...(processes > 1 ? ['--workers', String(processes)] : [])];
  // the first start on the empty database migrates it and imports the bundled open data
  const server = await spawnServer(args, env, '/api/health', 600_000);
  try {
    const list = ScrutinListResponseSchema.parse(await (await fetch(`${server.url}/api/scrutins?pageSize=${SCRUTINS}`)).json());
    const scrutinUids = list.items.map((s) => s.uid);
    progress(`PostgreSQL, ${processes} process(es): signing up ${VOTERS} citizens over HTTP`);
    const sessions: string[] = [];
    for (let i = 0; i < VOTERS; i += 50) {
      const batch = await Promise.all(Array.from({ length: Math.min(50, VOTERS - i) }, (_, j) => signUp(server.url, `bench-${processes}-${i + j}@example.org`)));
      sessions.push(...batch.map((c) => c.cookies.get(SESSION_COOKIE)!));
    }
    const bytesBefore = await databaseBytes();
    const entriesBefore = await logEntries();
    const pidsBefore = await backends();
    const storeBefore = cpuByPid(pidsBefore);
    const cpuBefore = treeCpuMs(server.child.pid!);
    progress(`PostgreSQL, ${processes} process(es): ${CONNECTIONS} connections for ${DURATION_S} s`);
    const result = await castVotes(server.url, sessions, scrutinUids, { connections: CONNECTIONS, durationS: DURATION_S });
    const cpuMs = treeCpuMs(server.child.pid!) - cpuBefore;
    const pidsAfter = await backends();
    // a backend that started during the run spent all its CPU in it
    let storeMs = 0;
    for (const [pid, ms] of cpuByPid([...new Set([...pidsBefore, ...pidsAfter])])) storeMs += Math.max(0, ms - (storeBefore.get(pid) ?? 0));
    const votes = result['2xx'];
    return {
      run: {
        available: true, store: 'postgres', processes, connections: CONNECTIONS, durationS: result.duration, votes,
        votesPerSecond: Math.round(votes / result.duration),
        latencyP50Ms: result.latency.p50, latencyP99Ms: result.latency.p99,
        failures: result.non2xx + result.errors + result.timeouts,
        cpuMsPerVote: Number((cpuMs / Math.max(1, votes)).toFixed(3)),
        storeCpuMsPerVote: Number((storeMs / Math.max(1, votes)).toFixed(3)),
        chainsVerified: false, // set once the servers stopped
      },
      bytes: (await databaseBytes()) - bytesBefore,
      entries: (await logEntries()) - entriesBefore,
    };
  } finally {
    await stop(server.child);
  }
}

export async function postgresRuns(dir: string): Promise<{ postgres1: VoteRun; postgres2: VoteRun; storage: StorageRun }> {
  const reason = await unavailable();
  if (reason) {
    return {
      postgres1: { available: false, store: 'postgres', processes: 1, reason },
      postgres2: { available: false, store: 'postgres', processes: 2, reason },
      storage: { available: false, store: 'postgres', reason },
    };
  }
  await psql(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await psql(`CREATE DATABASE ${DB}`);
  // A run that fails says why in the report (a server that does not start on PostgreSQL yet…).
  const failed = (processes: number, error: unknown): VoteRun => ({ available: false, store: 'postgres', processes, reason: `the run failed: ${String((error as Error).message ?? error).split('\n').slice(0, 2).join(' ').slice(0, 300)}` });
  try {
    const one = await measure(dir, 1).catch((error: unknown) => failed(1, error));
    const two = await measure(dir, 2).catch((error: unknown) => failed(2, error));
    const chains = await verifyChains(`${PG}/${DB}`);
    const verified = (r: typeof one): VoteRun => ('run' in r ? { ...r.run, chainsVerified: chains } as VoteRun : r);
    return {
      postgres1: verified(one),
      postgres2: verified(two),
      storage: 'run' in one && one.entries > 0
        ? { available: true, store: 'postgres', votes: one.entries, bytes: one.bytes, bytesPerVote: Math.round(one.bytes / one.entries) }
        : { available: false, store: 'postgres', reason: 'run' in one ? 'no vote was written' : one.available ? 'no vote was written' : one.reason },
    };
  } finally {
    await psql(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => undefined);
  }
}
