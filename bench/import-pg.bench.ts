/**
 * The import bench (import.bench.ts) on PostgreSQL: the whole 17th-legislature bundle (3,876
 * scrutins, ~700k rows) into a fresh database of BENCH_POSTGRES_URL's server (default: the local
 * test server), through the same importer; the database is dropped at the end. Wall time depends
 * on the PostgreSQL server's CPU as much as on this process (CPU time is this process only).
 */
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../server/src/db/client';
import { BUNDLED_DATA_DIR, importOfficialData } from '../server/src/import/import-service';

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
  const bundle = join(BUNDLED_DATA_DIR, 'scrutins/VTANR5L17V1-3876.ndjson.gz');
  await onServer(`CREATE DATABASE "${name}"`);
  try {
    const db = await openStore(url.toString());
    try {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const summary = await importOfficialData(db, bundle);
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const t1 = performance.now();
      const again = await importOfficialData(db, bundle);
      const reimportSeconds = (performance.now() - t1) / 1000;
      if (summary.errors.length > 0 || summary.scrutins.imported !== 3876) throw new Error(`import failed: ${JSON.stringify(summary).slice(0, 500)}`);
      const size = await db.store.get<{ mb: number }>('SELECT round(pg_database_size(current_database()) / 1e6, 1) AS mb');
      return {
        scrutins: summary.scrutins.imported,
        rows: summary.rows,
        seconds: Number(seconds.toFixed(2)),
        cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
        scrutinsPerSecond: Math.round(summary.scrutins.imported / seconds),
        rowsPerSecond: Math.round(summary.rows / seconds),
        reimportSeconds: Number(reimportSeconds.toFixed(2)),
        reimportUnchanged: again.scrutins.unchanged,
        databaseMB: size?.mb ?? 0,
      };
    } finally {
      await db.close();
    }
  } finally {
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}
