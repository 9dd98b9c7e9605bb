import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { openDatabase, type Db } from '../db/client';
import { importBundledDataIfEmpty } from '../import/import-service';
import { silentLogger } from '../logger';

/**
 * A private copy of a store filled by the REAL importer with the bundled open data, for tests.
 * Importing the bundle takes seconds, so the first caller of a test run imports it once into a
 * template (under a lock directory: test files run in parallel workers) and every caller gets
 * its own copy of that file. Outside vitest's global setup, it imports into the copy directly.
 */
export interface BundledStore {
  db: Db;
  dir: string;
  cleanup: () => void;
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
  const failed = join(root, 'bundled.error');
  const lock = join(root, 'bundled.lock');
  for (;;) {
    if (existsSync(template)) return template;
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
        const db = openDatabase(`file:${building}`);
        try {
          await importBundledDataIfEmpty(db, silentLogger());
        } finally {
          // Closing the last connection checkpoints the WAL into the file we copy.
          db.close();
        }
        renameSync(building, template);
        return template;
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
  if (template) copyFileSync(template, path);
  const db = openDatabase(`file:${path}`);
  if (!template) await importBundledDataIfEmpty(db, silentLogger());
  return {
    db,
    dir,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
