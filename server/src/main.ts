/** Entry file 4 of 4 — the process: `npm start` runs this (compiled to server/dist/main.js); boot, then stop cleanly on signals. */
import cluster from 'node:cluster';
import { AppError } from './errors';
import { boot, SERVER_VERSION } from './boot';
import { assertClusterable, parseWorkers } from './cluster/checks';
import { runPrimary } from './cluster/primary';
import { loadConfig } from './config';
import { createLogger } from './logger';

/**
 * `npm start` / `npm run serve`. Shuts down gracefully on SIGINT/SIGTERM: stop accepting, let
 * in-flight requests finish, close the store (so the WAL is checkpointed), exit. A second signal
 * or a 10 s timeout forces the exit.
 */
async function main() {
  // issue 14: `--workers N` makes this process the cluster's primary; it forks N servers.
  const workers = cluster.isPrimary ? parseWorkers(process.argv.slice(2)) : 1;
  if (workers > 1) {
    const config = loadConfig(process.env, SERVER_VERSION);
    assertClusterable(config, workers);
    return runPrimary(workers, createLogger(config));
  }
  const booted = await boot();
  const { logger } = booted.deps;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: shutting down`);
    setTimeout(() => {
      logger.error('Shutdown took more than 10 s: exiting');
      process.exit(1);
    }, 10_000).unref();
    booted.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Config errors list every bad variable: print them as they are, without a stack.
  if (error instanceof AppError && error.code === 'config_invalid') console.error(error.detail);
  else console.error(error);
  process.exit(1);
});
