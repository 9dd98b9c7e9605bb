import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../db/postgres';
import type { Db } from '../db/types';

/**
 * Test support: throw-away PostgreSQL databases on the test server (TEST_POSTGRES_URL, default the
 * local trust-auth server). A file migrates ONE template database, then every `open()` copies it
 * (CREATE DATABASE … TEMPLATE: a file copy, no migration) and drops the copy when closed, so each
 * test starts on an empty migrated store, as `:memory:` does on SQLite.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

/** How to get the test server running, in the error of a test that cannot reach it. */
function startHint(): string {
  return existsSync('/etc/postgresql')
    ? 'start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'
    : 'install and start it: apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';
}

/** The URL of `database` on the test server. */
export const testPostgresUrl = (database: string) => {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL} (${(error as Error).message}): ${startHint()}`, { cause: error });
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface PgDatabases {
  /** a fresh, migrated, empty store of its own; closing it drops its database */
  open(): Promise<Db>;
  /** drops every database this set created (the template too) */
  dropAll(): Promise<void>;
}

/** A set of test databases sharing one migrated template (create one per test file). */
export function pgDatabases(): PgDatabases {
  const prefix = `parallele_test_${randomBytes(4).toString('hex')}`;
  const template = `${prefix}_template`;
  const created = new Set<string>();
  let ready: Promise<void> | undefined;
  let count = 0;

  const drop = (name: string) => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => created.delete(name));

  async function migrateTemplate() {
    await admin((c) => c.query(`CREATE DATABASE "${template}" TEMPLATE template0`));
    created.add(template);
    const db = await openPostgres(testPostgresUrl(template));
    await db.close();
  }

  return {
    async open() {
      ready ??= migrateTemplate();
      await ready;
      const name = `${prefix}_${++count}`;
      await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
      created.add(name);
      const db = await openPostgres(testPostgresUrl(name));
      return {
        ...db,
        close: async () => {
          await db.close();
          await drop(name);
        },
      };
    },
    async dropAll() {
      for (const name of [...created]) await drop(name);
    },
  };
}
