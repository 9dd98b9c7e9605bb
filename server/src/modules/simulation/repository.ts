import { parseOfficialDocument, type Scrutin } from '@parallele/core';
import { readOfficialSource } from '@parallele/scrapers';
import { epVotesFile, readEpSource } from '../ep';
import { getScrutin, getScrutinsForSimulation, storeVersion } from '../../db/an-reads';
import type { Db } from '../../db/client';

/**
 * Where the simulator's scrutins come from: the store (what the API and the CLIs use by default)
 * or, for the CLIs' --from, an official bundle, folder or zip read and parsed on the fly.
 */

/** One scrutin with its groups and per-deputy positions (the `deputies:` mode needs them). */
export const loadScrutin = (db: Db, uid: string): Promise<Scrutin | null> => getScrutin(db, uid);

/** Every scrutin of a legislature, with groups but without deputies (enough for the leverage). */
export const loadLegislature = (db: Db, legislature: number): Promise<Scrutin[]> => getScrutinsForSimulation(db, { legislature });

/**
 * For a cache over the store's scrutins: the returned check, called before each use of the cache,
 * runs `drop` when the store's version token has moved since the last call.
 */
export function watchStoreVersion(db: Db, drop: () => void): () => Promise<void> {
  let version = '';
  return async () => {
    const v = await storeVersion(db);
    if (v !== version) {
      drop();
      version = v;
    }
  };
}

/** The scrutins of an official source (acteurs and organes in it are skipped), optionally filtered. */
export async function readScrutinsFromSource(path: string, filter: { uid?: string; legislature?: number } = {}): Promise<Scrutin[]> {
  const out: Scrutin[] = [];
  const items = (await epVotesFile(path)) ? readEpSource(path) : readOfficialSource(path, { tolerant: true });
  for await (const file of items) {
    if (file.error) throw file.error;
    const doc = parseOfficialDocument(file.json, file.location);
    if (doc.kind !== 'scrutin') continue;
    if (filter.uid !== undefined && doc.value.uid !== filter.uid) continue;
    if (filter.legislature !== undefined && doc.value.legislature !== filter.legislature) continue;
    out.push(doc.value);
    if (filter.uid !== undefined) break;
  }
  return out;
}
