import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StorageRun, VoteRun } from '@parallele/core';
import { REPO_ROOT } from '../../server/src/config';
import { seedStore } from '../../server/src/test-support/citizens';
import { verifyStore } from '../../server/src/modules/votes/verify-log';
import { castVotes, serverEnv, spawnServer, stop } from '../votes.bench';
import { treeCpuMs } from './proc';

/**
 * Durable votes per second over HTTP, their latency, and the CPU the server processes spent per
 * vote (the figure that carries to a machine with more cores), with the store's growth per vote.
 * Each request changes a citizen's vote: one new hash-chained log entry each (the worst case).
 */
export const VOTERS = Number(process.env.BENCH_VOTERS ?? 1000);
export const SCRUTINS = Number(process.env.BENCH_SCRUTINS ?? 20);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const progress = (message: string) => process.stderr.write(`[scale bench] ${message}\n`);

/** Pages in use × page size, once the WAL is folded back into the file. */
function sqliteBytes(file: string): { bytes: number; entries: number } {
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
    const entries = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM vote_log').get()!.n;
    return { bytes: pages * (db.pragma('page_size', { simple: true }) as number), entries };
  } finally {
    db.close();
  }
}

export async function sqliteRun(dir: string): Promise<{ run: VoteRun; storage: StorageRun }> {
  const dbFile = join(dir, 'votes.db');
  const env = serverEnv(dir, `file:${dbFile}`);
  progress(`SQLite, 1 process: seeding ${VOTERS} verified citizens, ${SCRUTINS} scrutins`);
  const { scrutinUids, sessions } = await seedStore(dbFile, env, VOTERS, SCRUTINS);
  const start = sqliteBytes(dbFile);
  const server = await spawnServer([join(REPO_ROOT, 'server/src/main.ts')], env, '/api/health');
  let result;
  let cpuMs;
  try {
    progress(`SQLite, 1 process: ${CONNECTIONS} connections for ${DURATION_S} s`);
    // sessions' CSRF tokens are fetched inside castVotes: the CPU window opens at the first vote
    const cpuBefore = treeCpuMs(server.child.pid!);
    result = await castVotes(server.url, sessions, scrutinUids, { connections: CONNECTIONS, durationS: DURATION_S });
    cpuMs = treeCpuMs(server.child.pid!) - cpuBefore;
  } finally {
    await stop(server.child);
  }
  const end = sqliteBytes(dbFile);
  const votes = result['2xx'];
  const written = end.entries - start.entries;
  return {
    run: {
      available: true, store: 'sqlite', processes: 1, connections: CONNECTIONS, durationS: result.duration, votes,
      votesPerSecond: Math.round(votes / result.duration),
      latencyP50Ms: result.latency.p50, latencyP99Ms: result.latency.p99,
      failures: result.non2xx + result.errors + result.timeouts,
      cpuMsPerVote: Number((cpuMs / Math.max(1, votes)).toFixed(3)),
      chainsVerified: (await verifyStore(`file:${dbFile}`)).every((c) => c.ok),
    },
    storage: written > 0
      ? { available: true, store: 'sqlite', votes: written, bytes: end.bytes - start.bytes, bytesPerVote: Math.round((end.bytes - start.bytes) / written) }
      : { available: false, store: 'sqlite', reason: 'no vote was written' },
  };
}
