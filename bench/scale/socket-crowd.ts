import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SocketRun } from '@parallele/core';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, SOCKET_EVENTS, VOTE_CHOICES } from '@parallele/core';
import { REPO_ROOT } from '../../server/src/config';
import { seedStore } from '../../server/src/test-support/citizens';
import { serverEnv, spawnServer, stop } from '../votes.bench';
import { percentile } from '../timing';
import { fileLimit, raiseFileLimit, rssBytes } from './proc';

/**
 * As many websocket clients as one server process holds, all watching one scrutin's tally, and
 * the time from a vote's PUT to each of them receiving tally:update. The clients run in worker
 * threads of this process; both sides get their open-file limit raised (one descriptor a socket).
 */
const TARGET = Number(process.env.BENCH_SOCKETS ?? 10_000);
const WORKERS = Number(process.env.BENCH_SOCKET_WORKERS ?? 2);
const VOTES = Number(process.env.BENCH_SOCKET_VOTES ?? 10);
const CONNECT_BUDGET_MS = Number(process.env.BENCH_SOCKET_CONNECT_S ?? 180) * 1000;
const UPDATE_WAIT_MS = 15_000;
const progress = (message: string) => process.stderr.write(`[scale bench] ${message}\n`);

type FromWorker = { type: 'ready'; connected: number; error?: string } | { type: 'armed'; armed: number } | { type: 'got'; times: number[]; missed: number } | { type: 'closed'; dropped: number };

function next<T extends FromWorker['type']>(worker: Worker, type: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (worker.off('message', on), reject(new Error(`no ${type} from a crowd worker in ${timeoutMs} ms`))), timeoutMs);
    const on = (message: FromWorker) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      worker.off('message', on);
      resolve(message as Extract<FromWorker, { type: T }>);
    };
    worker.on('message', on);
  });
}

async function memory(pid: number, file: string): Promise<{ rss: number; heap: number }> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      const usage = JSON.parse(readFileSync(file, 'utf8')) as { heapUsed: number };
      return { rss: rssBytes(pid), heap: usage.heapUsed };
    } catch {
      // not written yet
    }
  }
  throw new Error('the server did not write its memory usage');
}

export async function socketCrowd(dir: string): Promise<SocketRun> {
  const dbFile = join(dir, 'sockets.db');
  const memoryFile = join(dir, 'memory.json');
  const env = { ...serverEnv(dir, `file:${dbFile}`), BENCH_MEMORY_FILE: memoryFile };
  const { scrutinUids, sessions } = await seedStore(dbFile, env, 1);
  const uid = scrutinUids[0]!;
  const server = await spawnServer(['--expose-gc', '--import', join(REPO_ROOT, 'bench/scale/memory-probe.ts'), join(REPO_ROOT, 'server/src/main.ts')], env, '/api/health');
  const pid = server.child.pid!;
  const wanted = TARGET + 1024;
  const limit = Math.min(raiseFileLimit(pid, wanted), raiseFileLimit(process.pid, wanted));
  const workers: Worker[] = [];
  try {
    const before = await memory(pid, memoryFile);
    progress(`socket crowd: ${TARGET} websocket clients in ${WORKERS} threads (open files: ${fileLimit(pid)} server, ${fileLimit(process.pid)} bench)`);
    const share = Math.ceil(TARGET / WORKERS);
    for (let w = 0; w < WORKERS; w++) {
      const count = Math.min(share, TARGET - w * share);
      workers.push(new Worker(new URL('./crowd-worker.mjs', import.meta.url), {
        workerData: { url: server.url, uid, count, offset: w * share, subscribeEvent: SOCKET_EVENTS.tallySubscribe, updateEvent: SOCKET_EVENTS.tallyUpdate, perAddress: 100, concurrency: 100, connectTimeoutMs: 20_000 },
      }));
    }
    // Memory per socket is the slope between half the crowd and all of it: the first sockets
    // land in memory the start-up left free (RSS would not move), the next ones do not.
    const grow = async (fraction: number) => {
      const ready = await Promise.all(workers.map((w) => (w.postMessage({ type: 'grow', to: Math.ceil(share * fraction) }), next(w, 'ready', CONNECT_BUDGET_MS))));
      return { connected: ready.reduce((n, r) => n + r.connected, 0), error: ready.find((r) => r.error)?.error, memory: await memory(pid, memoryFile) };
    };
    const half = await grow(0.5);
    progress(`${half.connected} sockets connected and subscribed`);
    const all = half.error ? half : await grow(1);
    const { connected, error } = all;
    const ceiling = connected >= TARGET ? `the target (${TARGET}) was reached` : `connections failed: ${error ?? 'unknown'} (open-file limit ${limit})`;
    progress(`${connected} sockets connected and subscribed; ${ceiling}`);

    const csrf = ((await (await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie: `${SESSION_COOKIE}=${sessions[0]}` } })).json()) as { csrfToken: string }).csrfToken;
    const latencies: number[] = [];
    let missed = 0;
    for (let v = 0; v < VOTES; v++) {
      await Promise.all(workers.map((w) => (w.postMessage({ type: 'arm' }), next(w, 'armed', 5_000))));
      const got = Promise.all(workers.map((w) => next(w, 'got', UPDATE_WAIT_MS + 5_000)));
      const timer = setTimeout(() => workers.forEach((w) => w.postMessage({ type: 'collect' })), UPDATE_WAIT_MS);
      const sent = performance.timeOrigin + performance.now();
      const res = await fetch(`${server.url}/api/scrutins/${uid}/my-vote`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${sessions[0]}; ${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf },
        body: JSON.stringify({ choice: VOTE_CHOICES[v % 3] }),
      });
      if (res.status !== 200) throw new Error(`vote answered ${res.status}: ${await res.text()}`);
      const results = await got;
      clearTimeout(timer);
      for (const r of results) {
        for (const t of r.times) latencies.push(t - sent);
        missed += r.missed;
      }
      progress(`vote ${v + 1}/${VOTES}: ${results.reduce((n, r) => n + r.times.length, 0)} updates received`);
      // past the 250 ms throttle of a scrutin's room: each vote is the first change of its window
      await new Promise((r) => setTimeout(r, 600));
    }
    const added = all.connected - half.connected;
    const per1000 = (delta: number) => (added > 0 ? (Math.max(0, delta) / added) * 1000 : 0);
    return {
      target: TARGET,
      connected,
      ceiling,
      fileDescriptorLimit: limit,
      updates: VOTES,
      updateLatencyP50Ms: Number(percentile(latencies, 50).toFixed(1)),
      updateLatencyP95Ms: Number(percentile(latencies, 95).toFixed(1)),
      missedUpdates: missed,
      baselineRssBytes: before.rss,
      rssBytesPer1000: Math.round(per1000(all.memory.rss - half.memory.rss)),
      heapBytesPer1000: Math.round(per1000(all.memory.heap - half.memory.heap)),
    };
  } finally {
    await Promise.all(workers.map(async (w) => (w.postMessage({ type: 'close' }), await next(w, 'closed', 10_000).catch(() => undefined), await w.terminate())));
    await stop(server.child);
  }
}
