/**
 * Imports the whole 17th-legislature bundle (3,876 scrutins, ~650k deputy positions) into a fresh
 * temporary SQLite store with the real importer, and reports the time, throughput and peak RSS.
 * CPU time is reported besides wall time: on a shared 2-core machine the wall time varies with
 * whatever else runs.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../server/src/db/client';
import { BUNDLED_DATA_DIR, importOfficialData } from '../server/src/import/import-service';

/** The L17 bundle: imported, then imported again (all unchanged), into `db`; the figures both benches report. */
export async function timeImport(db: Db): Promise<Record<string, number>> {
  const bundle = join(BUNDLED_DATA_DIR, 'scrutins/VTANR5L17V1-3876.ndjson.gz');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await importOfficialData(db, bundle);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const t1 = performance.now();
  const again = await importOfficialData(db, bundle);
  const reimportSeconds = (performance.now() - t1) / 1000;
  if (summary.errors.length > 0 || summary.scrutins.imported !== 3876) throw new Error(`import failed: ${JSON.stringify(summary).slice(0, 500)}`);
  return {
    scrutins: summary.scrutins.imported,
    rows: summary.rows,
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
    scrutinsPerSecond: Math.round(summary.scrutins.imported / seconds),
    rowsPerSecond: Math.round(summary.rows / seconds),
    reimportSeconds: Number(reimportSeconds.toFixed(2)),
    reimportUnchanged: again.scrutins.unchanged,
  };
}

export async function run(): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-import-bench-'));
  try {
    const db = openDatabase(`file:${join(dir, 'bench.db')}`);
    let figures: Record<string, number>;
    try {
      figures = await timeImport(db);
    } finally {
      await db.close();
    }
    return {
      ...figures,
      storeMB: Number((statSync(join(dir, 'bench.db')).size / 1e6).toFixed(1)),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
