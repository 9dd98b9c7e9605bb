import { isAbsolute, resolve } from 'node:path';
import type { SyncKind, SyncRunSummary, SyncStatusResponse } from '@parallele/core';
import { PoliteHttpClient, type PoliteClientOptions } from '@parallele/scrapers';
import { REPO_ROOT, configSchema, isPostgresUrl, type Config } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import type { Logger } from '../../logger';
import type { SyncContext, SyncProgress } from './context';
import { runIsolatedSync, type IsolatedSyncSettings } from './isolated-run';
import { runOpenDataSync } from './opendata-sync';
import { runPagesSync } from './pages-sync';
import { Quarantine, runLabel } from './quarantine';
import { emptySummary, finishRun, latestRuns, recentQuarantine, resumePoints, startRun } from './repository';

export interface SyncSettings {
  /** Absolute data folder (raw/, quarantine/). */
  dataDir: string;
  opendataBaseUrl: string;
  siteBaseUrl: string;
  /** Options of the polite client (interval, timeout, retries; tests inject a clock). */
  client: PoliteClientOptions;
  /** scheduled runs in a child process with a memory limit (isolated-run.ts); null: in this process */
  isolate?: IsolatedSyncSettings | null;
}

export function syncSettingsFromConfig(config: Config): SyncSettings {
  return {
    dataDir: isAbsolute(config.DATA_DIR) ? config.DATA_DIR : resolve(REPO_ROOT, config.DATA_DIR),
    opendataBaseUrl: config.AN_OPENDATA_BASE_URL,
    siteBaseUrl: config.AN_SITE_BASE_URL,
    client: { minIntervalMs: config.SCRAPER_MIN_INTERVAL_MS, timeoutMs: config.SCRAPER_TIMEOUT_MS },
    isolate: config.databasePath === ':memory:' ? null : {
      databaseUrl: isPostgresUrl(config.DATABASE_URL) ? config.DATABASE_URL : `file:${config.databasePath}`,
      memoryMb: config.SYNC_MEMORY_LIMIT_MB,
      timeoutMs: STALE_MS,
      env: { ...process.env, ...envOf(config) },
    },
  };
}

/** The config as the environment that loads it again (the scheduled child reads its own). */
function envOf(config: Config): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape) as (keyof Config)[]) {
    if (config[key] !== undefined) env[key] = String(config[key]);
  }
  return env;
}

export interface RunOptions {
  legislature: number;
  /** pages only: re-scrape from this numero (inclusive) instead of the resume point */
  from?: number;
  trigger?: 'manual' | 'schedule';
  progress?: (event: SyncProgress) => void;
  signal?: AbortSignal;
}

/**
 * Runs syncs one at a time, records each run (and its summary) in the store, and runs them on an
 * interval when the schedule is on. One client per service: its robots.txt cache and rate limiter
 * span runs.
 */
export class SyncService {
  readonly client: PoliteHttpClient;
  private current: Promise<SyncRunSummary> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private schedule: { intervalMinutes: number; legislature: number; nextRunAt: Date } | null = null;
  private lastScheduledFailure: { at: string; kind: SyncKind; reason: string } | null = null;

  constructor(
    private readonly db: Db,
    private readonly settings: SyncSettings,
    private readonly now: () => Date = () => new Date(),
    private readonly logger?: Logger,
  ) {
    this.client = new PoliteHttpClient(settings.client);
  }

  get running() {
    return this.current !== null;
  }

  /** Run one sync; a second call while one runs is a 409 (the CLI and the schedule share the store). */
  async run(kind: SyncKind, o: RunOptions): Promise<SyncRunSummary> {
    if (this.current) throw AppError.conflict('A sync is already running');
    // Another process (the CLI beside the server's schedule) may be running one on the same store.
    const other = await runningElsewhere(this.db, this.now());
    if (other) throw AppError.conflict(`Sync run #${other.id} (${other.kind}) has been running since ${new Date(other.started_at).toISOString()} in another process`);
    const run = this.execute(kind, o);
    this.current = run;
    try {
      return await run;
    } finally {
      this.current = null;
    }
  }

  private async execute(kind: SyncKind, o: RunOptions): Promise<SyncRunSummary> {
    const startedAt = this.now();
    const trigger = o.trigger ?? 'manual';
    const runId = await startRun(this.db, { kind, legislature: o.legislature, trigger }, startedAt);
    const summary = { ...emptySummary(kind, o.legislature, trigger, startedAt), id: runId };
    const ctx: SyncContext = {
      db: this.db,
      client: this.client,
      dataDir: this.settings.dataDir,
      opendataBaseUrl: this.settings.opendataBaseUrl,
      siteBaseUrl: this.settings.siteBaseUrl,
      now: this.now,
      runId,
      quarantine: new Quarantine(this.settings.dataDir, runLabel(startedAt, runId)),
      summary,
      progress: o.progress ?? (() => {}),
      signal: o.signal,
    };
    try {
      if (kind === 'opendata') await runOpenDataSync(ctx, o.legislature);
      else await runPagesSync(ctx, { legislature: o.legislature, from: o.from });
    } catch (error) {
      // A bug or a store failure: the run is recorded as failed, with the reason.
      summary.errors.push(error instanceof Error ? error.message : String(error));
      this.logger?.error({ err: error, kind }, 'Sync run failed');
    }
    summary.status = statusOf(summary);
    summary.finishedAt = this.now().toISOString();
    await finishRun(this.db, runId, summary, this.now());
    return summary;
  }

  async status(): Promise<SyncStatusResponse> {
    const [lastRuns, resume, quarantine] = await Promise.all([latestRuns(this.db), resumePoints(this.db), recentQuarantine(this.db)]);
    return {
      schedule: {
        enabled: this.schedule !== null,
        intervalMinutes: this.schedule?.intervalMinutes ?? null,
        legislature: this.schedule?.legislature ?? null,
        running: this.running,
        nextRunAt: this.schedule?.nextRunAt.toISOString() ?? null,
      },
      lastRuns,
      resume,
      quarantine,
      ...(this.lastScheduledFailure ? { lastScheduledFailure: this.lastScheduledFailure } : {}),
    };
  }

  /** Open data then pages, every `intervalMinutes`. Off unless the config turns it on. */
  startSchedule(intervalMinutes: number, legislature: number) {
    this.stopSchedule();
    const ms = intervalMinutes * 60_000;
    this.schedule = { intervalMinutes, legislature, nextRunAt: new Date(this.now().getTime() + ms) };
    this.timer = setInterval(() => {
      if (this.schedule) this.schedule.nextRunAt = new Date(this.now().getTime() + ms);
      void this.scheduledRun(legislature);
    }, ms);
    this.timer.unref();
  }

  /** One scheduled run in a child process: its death is logged and reported, never shared. */
  private async isolatedRun(kind: SyncKind, legislature: number, isolate: IsolatedSyncSettings): Promise<SyncRunSummary | null> {
    if (this.current) throw AppError.conflict('A sync is already running');
    const startedAt = this.now().getTime();
    const run = runIsolatedSync(kind, legislature, isolate).then(async (outcome) => {
      if (outcome.ok) return outcome.summary;
      // The child's run row stays `running` if it died: close it so the next tick is not blocked.
      await this.db.store.run(`UPDATE sync_runs SET status = 'failed', finished_at = ?, error = ? WHERE status = 'running' AND started_at >= ?`, [
        this.now().getTime(),
        outcome.reason,
        startedAt,
      ]);
      this.lastScheduledFailure = { at: this.now().toISOString(), kind, reason: outcome.reason };
      this.logger?.error({ kind, reason: outcome.reason }, `Scheduled ${kind} sync failed: ${outcome.reason}`);
      return null;
    });
    this.current = run.then((s) => s ?? emptySummary(kind, legislature, 'schedule', new Date(startedAt)));
    try {
      return await run;
    } finally {
      this.current = null;
    }
  }

  stopSchedule() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.schedule = null;
  }

  async scheduledRun(legislature: number): Promise<SyncRunSummary[]> {
    if (this.running) {
      this.logger?.info('Scheduled sync skipped: a sync is already running');
      return [];
    }
    const out: SyncRunSummary[] = [];
    for (const kind of ['opendata', 'pages'] as const) {
      let summary: SyncRunSummary | null;
      try {
        summary = this.settings.isolate ? await this.isolatedRun(kind, legislature, this.settings.isolate) : await this.run(kind, { legislature, trigger: 'schedule' });
        if (!summary) return out;
      } catch (error) {
        // A run of another process holds the store: try again at the next tick.
        this.logger?.warn({ err: error, kind }, 'Scheduled sync skipped');
        return out;
      }
      this.logger?.info({ kind, status: summary.status, scrutins: summary.scrutins, quarantined: summary.quarantined.length }, `Scheduled ${kind} sync: ${summary.status}`);
      out.push(summary);
    }
    return out;
  }
}

/** A run recorded as running less than STALE_MS ago; older ones are a process that died mid-run. */
const STALE_MS = 2 * 3600_000;
function runningElsewhere(db: Db, now: Date) {
  return db.store.get<{ id: number; kind: string; started_at: number }>(
    `SELECT id, kind, started_at FROM sync_runs WHERE status = 'running' AND started_at > ? ORDER BY id DESC LIMIT 1`,
    [now.getTime() - STALE_MS],
  );
}

function statusOf(s: SyncRunSummary): SyncRunSummary['status'] {
  const achieved = s.archives.some((a) => a.status !== 'failed') || s.pages.some((p) => p.status !== 'failed');
  if (s.errors.length > 0 && !achieved) return 'failed';
  if (s.errors.length > 0 || s.quarantined.length > 0) return 'partial';
  return 'ok';
}
