import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../db/client';
import { createScrutinsService } from '../scrutins';
import { createRoomsService, type RoomsService } from './service';

/**
 * Tests: one SQLite file in a temp dir, and as many rooms services on it as asked, each on its
 * own connection (as separate processes would be). No scrutins imported: decks of custom
 * questions and shipped elections.
 */
export function roomsTestStore(now: () => Date) {
  const dir = mkdtempSync(join(tmpdir(), 'rooms-store-'));
  const dbs: Db[] = [];
  return {
    serve(): { service: RoomsService; db: Db } {
      const db = openDatabase(`file:${join(dir, 'rooms.db')}`);
      dbs.push(db);
      return { service: createRoomsService({ db, now, scrutins: createScrutinsService(db) }), db };
    },
    cleanup() {
      dbs.forEach((d) => d.close());
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
