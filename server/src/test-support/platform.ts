import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppDeps } from '../boot';
import { testConfig } from '../config';
import { openStore, type Db } from '../db/client';
import type { AppDeps } from '../deps';
import { BUNDLED_DATA_DIR, importOfficialData, type ImportSummary } from '../import/import-service';
import { silentLogger } from '../logger';
import type { Platform } from '../modules/platform';
import { startServer, type RunningServer } from '../server';
import { TEST_ENV, type Citizens } from './citizens';
import { openTestStore } from './store';

/**
 * Tests of issue 13: a real store holding the bundled agenda (and whatever the test imports), the
 * real server on port 0 replaying AS_OF = 18 Nov 2025 noon, with a clock the test moves.
 */
export const AS_OF = '2025-11-18T12:00:00+01:00';
export const PLF_SITTING = 'RUANR5L17S2026IDS29952';
export const PLF_DOSSIER = 'DLR5L17N52428';
export const PLF_QUESTION = `Q-${PLF_SITTING}-${PLF_DOSSIER}`;
export const FIXTURE_SCRUTIN = join(import.meta.dirname, '../modules/questions/fixtures/VTANR5L17V3900-plf2026-fixture.json');
/** A fixed server secret: a restarted server signs (unsubscribe links) as the first one did. */
const TEST_SECRET = 'platform-tests-secret-0123456789-abcdef';

export interface PlatformTestServer {
  dir: string;
  mailbox: string;
  db: Db;
  deps: AppDeps;
  citizens: Citizens;
  platform: Platform;
  server: RunningServer;
  url: string;
  clock: { now: number };
  importFixtureScrutin(): Promise<ImportSummary>;
  /** Every service built again on the same store, config and clock, as a restarted server has them (close it). */
  restart(): AppDeps;
  close(): Promise<void>;
}

async function sharedFileStore(file: string) {
  const db = await openStore(`file:${file}`);
  return { db, close: () => db.close() };
}

export async function startPlatformTestServer(options: { env?: Record<string, string>; asOf?: string | null; dbFile?: string } = {}): Promise<PlatformTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-platform-'));
  const mailbox = join(dir, 'mailbox');
  // a given file is a store another process shares (SQLite); else a fresh test store (SQLite or PostgreSQL)
  const store = options.dbFile ? await sharedFileStore(options.dbFile) : await openTestStore(join(dir, 'test.db'));
  const { db } = store;
  const asOf = options.asOf === undefined ? AS_OF : options.asOf;
  if (!options.dbFile) await importOfficialData(db, [join(BUNDLED_DATA_DIR, 'agenda'), join(BUNDLED_DATA_DIR, 'organes/L17')]);
  const clock = { now: asOf ? Date.parse(asOf) : Date.now() };
  const config = testConfig({ HOST: '127.0.0.1', MAILBOX_DIR: mailbox, SECRET_KEY: TEST_SECRET, ...TEST_ENV, ...options.env, ...(asOf ? { AS_OF: asOf } : {}) });
  const build = () => buildAppDeps({ config, logger: silentLogger(), db, now: () => new Date(clock.now) });
  const deps = build();
  const server = await startServer(deps, 0, '127.0.0.1');
  return {
    dir, mailbox, db, deps, citizens: deps, platform: deps.platform, server, url: server.url, clock,
    importFixtureScrutin: () => importOfficialData(db, FIXTURE_SCRUTIN),
    restart: build,
    async close() {
      await server.close();
      await deps.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
