import { parseOfficialDocument, type Scrutin } from '@parallele/core';
import { readOfficialSource } from '@parallele/scrapers';
import { getScrutin, getScrutinsForSimulation } from '../../db/an-reads';
import type { Db } from '../../db/client';
import type { AppEventBus } from '../../events';

/**
 * Where the simulator's scrutins come from: the store (what the API and the CLIs use by default)
 * or, for the CLIs' --from, an official bundle, folder or zip read and parsed on the fly.
 */

/** One scrutin with its groups and per-deputy positions (the `deputies:` mode needs them). */
export const loadScrutin = (db: Db, uid: string): Scrutin | null => getScrutin(db, uid);

/** Every scrutin of a legislature, with groups but without deputies (enough for the leverage). */
export const loadLegislature = (db: Db, legislature: number): Scrutin[] => getScrutinsForSimulation(db, { legislature });

/**
 * A token that changes whenever the importer writes scrutins (even from another process, such
 * as `npm run import` beside a running server): the in-memory caches compare it before use.
 */
export function storeVersion(db: Db): string {
  const row = db.sqlite.prepare<[], { n: number; u: number | null }>('SELECT count(*) AS n, max(updated_at) AS u FROM scrutins').get();
  return `${row?.n ?? 0}:${row?.u ?? 0}`;
}

/**
 * For a cache over the store's scrutins: `drop` runs on `scrutins:changed` and whenever the
 * returned check, called before each use of the cache, sees the store's version token move.
 */
export function watchStoreVersion(db: Db, events: AppEventBus | undefined, drop: () => void): () => void {
  let version = '';
  events?.on('scrutins:changed', drop);
  return () => {
    const v = storeVersion(db);
    if (v !== version) {
      drop();
      version = v;
    }
  };
}

/** The scrutins of an official source (acteurs and organes in it are skipped), optionally filtered. */
export async function readScrutinsFromSource(path: string, filter: { uid?: string; legislature?: number } = {}): Promise<Scrutin[]> {
  const out: Scrutin[] = [];
  for await (const file of readOfficialSource(path)) {
    const doc = parseOfficialDocument(file.json, file.location);
    if (doc.kind !== 'scrutin') continue;
    if (filter.uid !== undefined && doc.value.uid !== filter.uid) continue;
    if (filter.legislature !== undefined && doc.value.legislature !== filter.legislature) continue;
    out.push(doc.value);
    if (filter.uid !== undefined) break;
  }
  return out;
}
