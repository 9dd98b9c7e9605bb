import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../db/postgres';
import type { Db } from '../db/types';

/**
 * Test support: throw-away PostgreSQL databases on the test server (TEST_POSTGRES_URL, default the
 * local trust-auth server), so each test starts on an empty migrated store, as `:memory:` does on
 * SQLite.
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
  /** an empty, migrated store no other open store of this set shares */
  open(): Promise<Db>;
  /** drops every database this set created */
  dropAll(): Promise<void>;
}

/**
 * A set of test databases (create one per test file). Creating and dropping a database costs a
 * second or two (a checkpoint), so a database is reused: `open()` takes one whose store was closed
 * and empties it (rows deleted, tables a test created dropped, sequences reset), or creates and
 * migrates a new one when every database is in use.
 */
export function pgDatabases(): PgDatabases {
  const prefix = `parallele_test_${randomBytes(4).toString('hex')}`;
  const created: string[] = [];
  const idle: string[] = [];
  /** the tables the migrations create (what an emptied database keeps) */
  let migratedTables: Set<string> | undefined;

  /** DELETE, not TRUNCATE (which writes new files: a second per database); replica role: no triggers */
  async function empty(db: Db) {
    const tables = (await db.store.all<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).map((t) => `"${t.name}"`);
    const extra = tables.filter((t) => !migratedTables!.has(t));
    const kept = tables.filter((t) => migratedTables!.has(t));
    await db.store.exec(
      `BEGIN; SET LOCAL session_replication_role = replica;
       ${extra.length ? `DROP TABLE ${extra.join(', ')} CASCADE;` : ''}
       ${kept.map((t) => `DELETE FROM ${t};`).join(' ')}
       SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, 1, false) FROM pg_sequences WHERE schemaname = 'public';
       COMMIT;`,
    );
  }

  async function create(): Promise<{ name: string; db: Db }> {
    const name = `${prefix}_${created.length + 1}`;
    await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0`));
    created.push(name);
    const db = await openPostgres(testPostgresUrl(name));
    migratedTables ??= new Set((await db.store.all<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")).map((t) => `"${t.name}"`));
    return { name, db };
  }

  return {
    async open() {
      const reused = idle.pop();
      let name: string;
      let db: Db;
      if (reused) {
        name = reused;
        db = await openPostgres(testPostgresUrl(name));
        await empty(db);
      } else {
        ({ name, db } = await create());
      }
      let closed = false;
      return {
        ...db,
        close: async () => {
          if (closed) return;
          closed = true;
          await db.close();
          idle.push(name);
        },
      };
    },
    async dropAll() {
      while (created.length) {
        const name = created.pop()!;
        await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      }
      idle.length = 0;
    },
  };
}
