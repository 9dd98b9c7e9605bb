import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { openStore, type Db } from '../db/client';
import { importBundledDataIfEmpty } from '../import/import-service';
import { silentLogger } from '../logger';
import { createDatabase, databaseUrl, openTestStore, templateDatabaseName, testDatabaseUrl } from './store';

/**
 * A private copy of a store filled by the REAL importer with the bundled open data, for tests.
 * Importing the bundle takes seconds, so the first caller of a test run imports it once into a
 * template (under a lock directory: test files run in parallel workers) and every caller gets
 * its own copy of that file. Outside vitest's global setup, it imports into the copy directly.
 * On PostgreSQL (TEST_DATABASE_URL, see store.ts) the template is a database and each caller gets
 * a `CREATE DATABASE … TEMPLATE` copy of it.
 */
export interface BundledStore {
  db: Db;
  dir: string;
  cleanup: () => Promise<void>;
}

/** Fills the template: a SQLite file at `path`, or the PostgreSQL database named after `root`; returns what openTestStore copies. */
async function buildTemplate(root: string, path: string): Promise<string> {
  const pgName = testDatabaseUrl() ? templateDatabaseName(root) : null;
  if (pgName) await createDatabase(pgName);
  const db = await openStore(pgName ? databaseUrl(pgName) : `file:${path}`);
  try {
    await importBundledDataIfEmpty(db, silentLogger());
  } finally {
    // Closing the last connection checkpoints the WAL into the file we copy (and frees the PostgreSQL template).
    await db.close();
  }
  return pgName ?? path;
}

async function templatePath(): Promise<string | null> {
  let root: string | undefined;
  try {
    root = inject('bundledStoreDir');
  } catch {
    root = undefined;
  }
  if (!root) return null;
  const template = join(root, 'bundled.db');
  const ready = join(root, 'bundled.ready');
  const failed = join(root, 'bundled.error');
  const lock = join(root, 'bundled.lock');
  for (;;) {
    if (existsSync(ready)) return readFileSync(ready, 'utf8');
    if (existsSync(failed)) throw new Error(`Importing the bundled data failed in another test file: ${readFileSync(failed, 'utf8')}`);
    let owner = false;
    try {
      mkdirSync(lock);
      owner = true;
    } catch {
      owner = false;
    }
    if (owner) {
      const building = join(root, 'bundled.building.db');
      try {
        const built = await buildTemplate(root, building);
        if (built === building) renameSync(building, template);
        const name = built === building ? template : built;
        writeFileSync(ready, name);
        return name;
      } catch (error) {
        writeFileSync(failed, String((error as Error)?.stack ?? error));
        throw error;
      }
    }
    await sleep(200);
  }
}

export async function openBundledStore(): Promise<BundledStore> {
  const dir = mkdtempSync(join(tmpdir(), 'parallele-store-'));
  const path = join(dir, 'store.db');
  const template = await templatePath();
  if (template && !testDatabaseUrl()) copyFileSync(template, path);
  const store = await openTestStore(path, template && testDatabaseUrl() ? { template } : {});
  if (!template) await importBundledDataIfEmpty(store.db, silentLogger());
  return {
    db: store.db,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
