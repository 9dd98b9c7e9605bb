import { AppError } from '../errors';
import type { Config } from '../config';

/** `--workers N` or `--workers=N` among the arguments (default 1); anything else is refused. */
export function parseWorkers(argv: readonly string[]): number {
  const at = argv.findIndex((a) => a === '--workers' || a.startsWith('--workers='));
  if (at < 0) return 1;
  const raw = argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new AppError('config_invalid', `Invalid configuration:\n  --workers: expected a whole number from 1 to 256 (got ${JSON.stringify(raw ?? '')})`, { status: 500, operational: false });
  }
  return n;
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/**
 * Why N processes need PostgreSQL and Redis (issue 14), as problems naming the setting.
 * - SQLite: its file locks would serialize the writes of several processes, but each process
 *   keeps the heads of the scrutins' hash chains and its queue of votes (group commit) in its own
 *   memory, so two processes appending to one scrutin would fork its chain. Refused rather than
 *   "mostly works".
 * - Redis: without it each process has its own socket rooms (a vote on one process would not
 *   reach the sockets of another), its own rate-limit counters (N times the limit), its own
 *   session cache (a logout on one process would not end the session on another for seconds) and
 *   would run every scheduled job N times.
 */
export function clusterProblems(config: Pick<Config, 'DATABASE_URL' | 'REDIS_URL'>, workers: number): { param: string; detail: string }[] {
  if (workers <= 1) return [];
  const problems: { param: string; detail: string }[] = [];
  if (!isPostgresUrl(config.DATABASE_URL)) {
    problems.push({
      param: 'DATABASE_URL',
      detail: `${workers} workers on a SQLite store are refused: each process keeps the hash chains' heads and its vote queue in memory, so two processes appending to one scrutin would fork its chain. Use DATABASE_URL=postgres://… (and REDIS_URL), or one worker`,
    });
  }
  if (!config.REDIS_URL) {
    problems.push({
      param: 'REDIS_URL',
      detail: `${workers} workers need REDIS_URL=redis://…: without it the processes would not share socket rooms (a vote on one would not reach the sockets of another), rate limits, session revocations, nor agree on who runs the scheduled jobs`,
    });
  }
  return problems;
}

/** Throws the configuration error (one message, every problem) when N workers cannot run. */
export function assertClusterable(config: Pick<Config, 'DATABASE_URL' | 'REDIS_URL'>, workers: number): void {
  const problems = clusterProblems(config, workers);
  if (problems.length === 0) return;
  throw new AppError('config_invalid', `Invalid configuration:\n${problems.map((p) => `  ${p.param}: ${p.detail}`).join('\n')}`, {
    status: 500, title: 'Invalid configuration', operational: false, extras: { errors: problems },
  });
}
