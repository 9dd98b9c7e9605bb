import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import pg from 'pg';
import { openStore, type Db } from '../db/client';

/**
 * The one switch that runs server tests on PostgreSQL: with `TEST_DATABASE_URL=postgres://…` (a
 * server where the user may create databases, e.g. postgres://root@127.0.0.1:5432/postgres), every
 * store a test helper opens is a fresh PostgreSQL database (`CREATE DATABASE`, migrated by
 * openStore), dropped when the helper's cleanup runs. Without it, the same helpers open SQLite
 * files in the test's temp dir, as always.
 */
export const testDatabaseUrl = (): string | null => process.env.TEST_DATABASE_URL || null;

/** A store opened for one test: `close()` closes it and, on PostgreSQL, drops its database. */
export interface TestStore {
  db: Db;
  /** what another process opens the same store with (DATABASE_URL) */
  url: string;
  close(): Promise<void>;
}

/** Runs `f` on a connection to the server's maintenance database (the one TEST_DATABASE_URL names). */
async function onServer<T>(f: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl()! });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}

/** `TEST_DATABASE_URL` pointing at another database of the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(testDatabaseUrl()!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The PostgreSQL template database of a test run (named after the run's temp dir; global-setup drops it). */
export const templateDatabaseName = (root: string) => `parallele_tpl_${basename(root).replace(/[^a-zA-Z0-9]/g, '_').toLowerCase()}`;

/** A database name no other test, worker or helper branch uses: `parallele_t_<pid>_<random>`. */
export const uniqueDatabaseName = (prefix = 'parallele_t') => `${prefix}_${process.pid}_${randomBytes(5).toString('hex')}`;

/**
 * Creates an empty database (or a copy of `template`, PostgreSQL's CREATE DATABASE … TEMPLATE: a
 * file copy, much faster than importing again). Names are generated, never user input.
 */
export async function createDatabase(name: string, template?: string): Promise<void> {
  await onServer((c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
}

export async function dropDatabase(name: string): Promise<void> {
  // FORCE: a connection a failed test left open must not keep the database alive
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Opens a migrated store for a test: the SQLite file `sqliteFile` (its folder is the caller's
 * temp dir, removed by the caller), or with TEST_DATABASE_URL a new PostgreSQL database, copied
 * from `template` when given (a database name, see bundled-store.ts).
 */
export async function openTestStore(sqliteFile: string, options: { template?: string } = {}): Promise<TestStore> {
  if (!testDatabaseUrl()) {
    const url = `file:${sqliteFile}`;
    const db = await openStore(url);
    return { db, url, close: () => db.close() };
  }
  const name = uniqueDatabaseName();
  await createDatabase(name, options.template);
  const url = databaseUrl(name);
  let db: Db;
  try {
    db = await openStore(url);
  } catch (error) {
    await dropDatabase(name);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    db,
    url,
    close: () =>
      (closing ??= (async () => {
        await db.close();
        await dropDatabase(name);
      })()),
  };
}
