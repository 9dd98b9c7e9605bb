import { readFileSync } from 'node:fs';
import { loadConfig, type Config } from './config';
import { openDatabase } from './db/client';
import type { AppDeps } from './deps';
import { createEventBus } from './events';
import { importBundledDataIfEmpty } from './import/import-service';
import { createLogger, type Logger } from './logger';
import { startServer, type RunningServer } from './server';
import { getSyncService } from './modules/sync/service';
import { createCitizens } from './modules/accounts/citizens';
import { scenariosServiceOf } from './modules/scenarios/routes';
import { warmScenarios } from './modules/scenarios/service';
// issue 13: the replayable clock, agenda, questions, alerts
import { createClock } from './clock';
import { importBundledAgendaIfMissing } from './modules/agenda/bundled';
import { createPlatform } from './modules/platform/platform';

export interface BootOptions {
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Overrides PORT (tests pass 0). */
  port?: number;
  logger?: Logger;
}

export interface Booted {
  deps: AppDeps;
  server: RunningServer;
  /** Close the server, then the store. Idempotent. */
  close(): Promise<void>;
}

export const SERVER_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The gallery is warmed after listening, unless under test or WARM_SCENARIOS=false. */
export function shouldWarmScenarios(config: Pick<Config, 'NODE_ENV' | 'WARM_SCENARIOS'>): boolean {
  return config.NODE_ENV !== 'test' && config.WARM_SCENARIOS;
}

/**
 * What `npm start` does: read the config, open (and migrate) the store, import the bundled open
 * data when the store is empty, then serve. Anything failing before listening closes what opened.
 */
export async function boot(options: BootOptions = {}): Promise<Booted> {
  const config: Config = loadConfig(options.env ?? process.env, SERVER_VERSION);
  const logger = options.logger ?? createLogger(config);
  const db = openDatabase(config.DATABASE_URL);
  try {
    await importBundledDataIfEmpty(db, logger);
    await importBundledAgendaIfMissing(db, logger);
    const deps: AppDeps = { config, logger, db, events: createEventBus(), now: createClock(config.AS_OF) };
    // Accounts, votes, moderation: validates their env (secret, mail, limits) before listening.
    deps.citizens = createCitizens(deps, { env: options.env ?? process.env });
    deps.platform = createPlatform(deps);
    // state lives in the store (questions, what was sent): a restart resumes, never re-sends
    if (config.NODE_ENV !== 'test') deps.platform.startJob(config.PLATFORM_JOB_INTERVAL_S * 1000);
    const server = await startServer(deps, options.port ?? config.PORT, config.HOST);
    // The AN sync on an interval: off unless SYNC_INTERVAL_MINUTES is set.
    const sync = getSyncService(db, config, logger, deps.now);
    if (config.SYNC_INTERVAL_MINUTES > 0) sync.startSchedule(config.SYNC_INTERVAL_MINUTES, config.SYNC_LEGISLATURE);
    if (!config.clientBuilt) logger.warn(`No built client in ${config.clientDistPath}: serving the API only (run npm run build:client)`);
    logger.info({ url: server.url, database: config.databasePath }, `Législature parallèle listening on ${server.url}`);
    // Not awaited: the server answers while the gallery computes (5–8 s on a fresh store).
    if (shouldWarmScenarios(config)) void warmScenarios(scenariosServiceOf(deps), logger);
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        sync.stopSchedule();
        deps.platform?.stopJob();
        await server.close();
        await deps.citizens?.close();
        db.close();
      })());
    return { deps, server, close };
  } catch (error) {
    db.close();
    throw error;
  }
}
