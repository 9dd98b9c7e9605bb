import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { isPostgresUrl, resolveSqlitePath } from '../config';
import { ensureAnIndexes } from './an-indexes';
import * as schema from './schema';
import { sqliteStore } from './sqlite-store';
import type { Db } from './types';

/** The generated SQL migrations (server/drizzle), resolved from this file, not from the cwd. */
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export const DEFAULT_DATABASE_URL = 'file:data/parallele.db';

export type { Db, SqlStore } from './types';

/**
 * Opens (creating the file and its folder if needed) the SQLite store and applies pending
 * migrations. `url`: `file:/abs/x.db`, `file:data/x.db`, a plain path or `:memory:`; relative paths
 * resolve from the repo root. Default: data/parallele.db.
 */
export function openDatabase(url: string = DEFAULT_DATABASE_URL): Db {
  const path = resolveSqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  try {
    // WAL: readers (the API) never block on the importer's writer. NORMAL is durable enough with
    // WAL (a power cut may lose the last commits, never corrupt the file).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Another process (an import CLI next to the server) may hold the write lock for a moment.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('cache_size = -32000');
    const orm = drizzle(sqlite, { schema });
    migrate(orm, { migrationsFolder: MIGRATIONS_FOLDER });
    // an import killed during a bulk load leaves the acteur index dropped: put it back
    ensureAnIndexes(sqlite);
    const store = sqliteStore(sqlite);
    return { dialect: 'sqlite', store, sqlite, path, close: () => store.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export { isPostgresUrl } from '../config';

/**
 * Opens the store DATABASE_URL names, SQLite or PostgreSQL, migrated and ready. Every entry point
 * (server, CLIs, tests) opens its store here.
 */
export async function openStore(url: string = DEFAULT_DATABASE_URL): Promise<Db> {
  if (isPostgresUrl(url)) return (await import('./postgres')).openPostgres(url);
  return openDatabase(url);
}
