import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CapacityReportSchema, type CapacityReport, type StorageRun, type VoteRun } from '@parallele/core';
import { REPO_ROOT } from '../server/src/config';
import { machine } from './scale/proc';
import { socketCrowd } from './scale/socket-crowd';
import { sqliteRun } from './scale/vote-runs';
import { postgresRuns } from './scale/postgres-runs';

/**
 * Issue 14: `npm run bench -- scale [--save <file>]`. Durable votes/s, p50/p99 and CPU per vote
 * for 1 process on SQLite, 1 and 2 processes on PostgreSQL; the socket crowd one process holds
 * and its tally latency; memory per 1,000 sockets; store bytes per vote. All on loopback, bounded
 * in time (BENCH_DURATION_S per vote run, BENCH_SOCKET_CONNECT_S to connect) and in count
 * (BENCH_SOCKETS). `--save` writes the report (core's CapacityReportSchema, validated) that the
 * "Coûts et capacité" page reads through CAPACITY_FILE.
 */
const progress = (message: string) => process.stderr.write(`[scale bench] ${message}\n`);

const voteLine = (run: VoteRun) =>
  run.available
    ? `${run.votesPerSecond} votes/s · p50 ${run.latencyP50Ms} ms · p99 ${run.latencyP99Ms} ms · ${run.cpuMsPerVote} ms CPU/vote${run.storeCpuMsPerVote === undefined ? '' : ` (+ ${run.storeCpuMsPerVote} ms in PostgreSQL)`} · ${run.failures} failures · chains ${run.chainsVerified ? 'verified' : 'BROKEN'}`
    : `unavailable: ${run.reason}`;
const storageLine = (s: StorageRun) => (s.available ? `${s.bytesPerVote} bytes/vote (${s.bytes} bytes for ${s.votes} votes) → ${s.bytesPerVote} MB per million votes` : `unavailable: ${s.reason}`);

export async function run(options: { save?: string } = {}): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-bench-scale-'));
  try {
    const host = machine();
    const sqlite = await sqliteRun(dir);
    const pg = await postgresRuns(dir);
    progress('socket crowd');
    const sockets = await socketCrowd(dir);
    const report: CapacityReport = CapacityReportSchema.parse({
      schemaVersion: 1,
      date: new Date().toISOString(),
      machine: host,
      votes: { sqlite1: sqlite.run, postgres1: pg.postgres1, postgres2: pg.postgres2 },
      sockets,
      storage: { sqlite: sqlite.storage, postgres: pg.storage },
    });
    if (options.save) {
      const path = resolve(process.env.INIT_CWD ?? process.cwd(), options.save);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
      progress(`saved to ${path.startsWith(REPO_ROOT) ? path.slice(REPO_ROOT.length) : path}`);
    }
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    return {
      machine: `${host.cores} cores (${host.cpuModel}), ${mb(host.memoryBytes)} MB, node ${host.node}, load ${host.loadAverage.join(' ')}`,
      '(a) 1 process, SQLite': voteLine(report.votes.sqlite1),
      '(b) 1 process, PostgreSQL': voteLine(report.votes.postgres1),
      '(c) 2 processes, PostgreSQL + Redis': voteLine(report.votes.postgres2),
      'sockets held by one process (websocket, all watching one tally)': `${sockets.connected} / ${sockets.target}: ${sockets.ceiling}`,
      'vote sent → tally:update received, p50 / p95 (ms)': `${sockets.updateLatencyP50Ms} / ${sockets.updateLatencyP95Ms} over ${sockets.updates} votes (${sockets.missedUpdates} missed)`,
      'memory per 1,000 sockets: RSS / heap (MB)': `${mb(sockets.rssBytesPer1000)} / ${mb(sockets.heapBytesPer1000)} (baseline RSS ${mb(sockets.baselineRssBytes)} MB)`,
      'storage, SQLite': storageLine(report.storage.sqlite),
      'storage, PostgreSQL': storageLine(report.storage.postgres),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
