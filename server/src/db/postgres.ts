import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { redactUrl } from '../config';
import { lockKey } from './pg-sql';
import { pgStore, pgTypes } from './pg-store';
import * as schema from './schema-pg';
import type { Db } from './types';

/** The generated PostgreSQL migrations (server/drizzle-pg), resolved from this file, not from the cwd. */
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle-pg', import.meta.url));

/** Held while migrating, so N processes starting at once apply each migration exactly once. */
const MIGRATION_LOCK = lockKey('parallele:migrations');

/**
 * Opens the PostgreSQL store at `url` (`postgres://user@host:port/db`) and applies pending
 * migrations. drizzle's migrator reads the last applied migration before its transaction, so two
 * processes starting together could both apply the same one: it runs on one connection holding a
 * session advisory lock, and the second process finds nothing left to do.
 */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, types: pgTypes });
  // an idle connection dropped by the server is removed from the pool; the next query opens another
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1::bigint)', [String(MIGRATION_LOCK)]);
      try {
        await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1::bigint)', [String(MIGRATION_LOCK)]);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const store = pgStore(pool);
  return { dialect: 'postgres', store, sqlite: null, path: redactUrl(url), close: () => store.close() };
}
