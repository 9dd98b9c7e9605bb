import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Db } from '../../db/client';
import { openTestStore, type TestStore } from '../../test-support/store';
import { createScrutinsService } from '../scrutins';
import { createRoomsService, type RoomsService } from './service';

/**
 * Tests: one store (a SQLite file in a temp dir, or a PostgreSQL database with TEST_DATABASE_URL),
 * and as many rooms services on it as asked, each on its own connection (as separate processes
 * would be). No scrutins imported: decks of custom questions and shipped elections.
 */
export function roomsTestStore(now: () => Date) {
  const dir = mkdtempSync(join(tmpdir(), 'rooms-store-'));
  let first: Promise<TestStore> | undefined;
  const dbs: Db[] = [];
  return {
    async serve(): Promise<{ service: RoomsService; db: Db }> {
      let db: Db;
      if (!first) {
        first = openTestStore(join(dir, 'rooms.db'));
        db = (await first).db;
      } else {
        db = await openStore((await first).url);
        dbs.push(db);
      }
      return { service: createRoomsService({ db, now, scrutins: createScrutinsService(db) }), db };
    },
    async cleanup() {
      for (const d of dbs.splice(0)) await d.close();
      if (first) await (await first).close();
      first = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
