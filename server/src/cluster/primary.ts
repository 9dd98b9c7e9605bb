import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../logger';

/**
 * `npm run serve -- --workers N` (node:cluster): the primary only forks and watches; every worker
 * is a whole server (boot()) and they share the listening port. The first worker starts alone (it
 * applies the migrations and imports the bundled data into an empty store), the others once it
 * listens. A worker that dies is replaced (after a pause if they keep dying); SIGINT/SIGTERM is
 * passed to every worker, which finish their requests and close, then the primary exits.
 */
export function runPrimary(workers: number, logger: Logger): void {
  let stopping = false;
  const deaths: number[] = [];

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      logger.error({ pid: worker.process.pid, code, signal }, 'worker died: starting another');
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && deaths[0]! < now - 60_000) deaths.shift();
      // A worker that dies at start (bad store, port taken) must not make the primary spin.
      setTimeout(fork, deaths.length > 5 ? 5_000 : 0).unref();
    });
    return worker;
  };

  fork().once('listening', () => {
    for (let i = 1; i < workers; i++) fork();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: killing the workers`);
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => {
      logger.error('Workers took more than 15 s to stop: exiting');
      process.exit(1);
    }, 15_000).unref();
  };
  cluster.on('exit', () => {
    if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
