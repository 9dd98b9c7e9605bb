import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';

/**
 * The cluster primary of `npm run serve -- --workers N` (primary.ts): it replaces a worker that
 * dies and stops them all on SIGTERM. The workers here are a few lines of http server answering
 * their pid, so the test is about the primary, not about booting N servers (multi-process.test.ts).
 */
const dir = mkdtempSync(join(tmpdir(), 'parallele-primary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One request on a fresh connection (a kept-alive one would stay with one worker). */
const pidOn = (port: number) =>
  new Promise<number>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve(Number(body)));
    }).on('error', reject);
  });

/** The pids answering on `port` until two distinct ones did (or 60 s passed). */
async function workerPids(port: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (const until = Date.now() + 60_000; pids.size < 2 && Date.now() < until; await sleep(20)) {
    try {
      pids.add(await pidOn(port));
    } catch {
      // not listening yet, or the killed worker's connection
    }
  }
  return pids;
}

describe('the cluster primary', () => {
  it('starts N workers on one port, replaces one killed -9, and stops them all on SIGTERM', async () => {
    const port = await freePort();
    const script = join(dir, 'cluster.ts');
    writeFileSync(script, `
      import cluster from 'node:cluster';
      import { createServer } from 'node:http';
      import { runPrimary } from ${JSON.stringify(join(REPO_ROOT, 'server/src/cluster/primary.ts'))};
      const quiet = { info() {}, warn() {}, error() {} };
      if (cluster.isPrimary) runPrimary(2, quiet as never);
      else {
        const server = createServer((_req, res) => res.end(String(process.pid))).listen(${port}, '127.0.0.1');
        process.on('SIGTERM', () => server.close(() => process.exit(0)));
      }
    `);
    const primary = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => primary.on('exit', (code) => resolve(code)));
    try {
      const seen = await workerPids(port);
      expect(seen.size).toBe(2);
      const [victim, survivor] = [...seen] as [number, number];
      process.kill(victim, 'SIGKILL');
      await sleep(200);
      const after = await workerPids(port);
      expect(after.has(victim)).toBe(false);
      expect(after.has(survivor)).toBe(true);
      expect(after.size).toBe(2);
      primary.kill('SIGTERM');
      expect(await exited).toBe(0);
      for (const pid of after) expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      primary.kill('SIGKILL');
    }
  });
});
