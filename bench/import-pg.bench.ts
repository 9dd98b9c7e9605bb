/**
 * The import bench (import.bench.ts) on PostgreSQL: the whole 17th-legislature bundle (3,876
 * scrutins, ~700k rows) into a fresh database of BENCH_POSTGRES_URL's server (default: the local
 * test server), through the same importer; the database is dropped at the end. Wall time depends
 * on the PostgreSQL server's CPU as much as on this process (CPU time is this process only).
 */
import pg from 'pg';
import { openStore } from '../server/src/db/client';
import { timeImport } from './import.bench';

const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function run(): Promise<Record<string, string | number>> {
  const name = `parallele_bench_import_${process.pid}`;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  await onServer(`CREATE DATABASE "${name}"`);
  try {
    const db = await openStore(url.toString());
    try {
      const figures = await timeImport(db);
      const size = await db.store.get<{ mb: number }>('SELECT round(pg_database_size(current_database()) / 1e6, 1) AS mb');
      return {
        ...figures,
        databaseMB: size?.mb ?? 0,
      };
    } finally {
      await db.close();
    }
  } finally {
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
