import type { Config } from './config';
import type { Db } from './db/client';
import type { AppEventBus } from './events';
import type { Logger } from './logger';
import type { Citizens } from './modules/accounts/citizens';
import type { Platform } from './modules/platform/platform';

/** The open store: `{ orm, sqlite, close }` from db/client. */
export type Store = Db;

/**
 * Everything a module may use, built once by boot() (or by a test) and passed down explicitly.
 * Add a dependency here (optional if tests can do without it) and build it in boot.ts.
 */
export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Store;
  events: AppEventBus;
  /** Injected clock so tests can move time (vote windows, sessions, rate limits). */
  now: () => Date;
  /** Accounts, votes and moderation (built by boot(); built lazily from the env when absent). */
  citizens?: Citizens;
  /** Agenda, platform questions, alerts, agreement (issue 13; built by boot(), else lazily). */
  platform?: Platform;
}
