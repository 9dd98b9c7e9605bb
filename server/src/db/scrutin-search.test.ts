import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_DOCUMENT_VERSION } from '@parallele/core';
import { BUNDLED_DATA_DIR, importOfficialData } from '../import/import-service';
import { openBundledStore, type BundledStore } from '../test-support/bundled-store';
import { ensureScrutinSearchCurrent, indexScrutinSearch, scrutinSearchText } from './scrutin-search';

let store: BundledStore;
beforeAll(async () => {
  store = await openBundledStore();
}, 600_000);
afterAll(() => store?.cleanup());

// each engine's index table (SQLite: FTS5 + keys; PostgreSQL: scrutin_search (uid, text))
const indexed = async (uid: string) =>
  (
    await store.db.store.get<{ text: string }>(
      store.db.dialect === 'sqlite'
        ? 'SELECT f.text FROM scrutin_search f JOIN scrutin_search_keys k ON k.id = f.rowid WHERE k.uid = ?'
        : 'SELECT text FROM scrutin_search WHERE uid = ?',
      [uid],
    )
  )?.text ?? null;
const version = async () => (await store.db.store.get<{ version: number }>('SELECT version FROM search_index_state'))?.version;

describe('the search index of scrutins', () => {
  it('holds, after an import, the current document of every scrutin', async () => {
    const uids = (await store.db.store.all<{ uid: string }>('SELECT uid FROM scrutins')).map((r) => r.uid);
    expect(uids.length).toBeGreaterThan(4000);
    for (const uid of uids) expect(await indexed(uid), uid).toBe(await scrutinSearchText(store.db, uid));
    expect(await version()).toBe(SEARCH_DOCUMENT_VERSION);
  }, 300_000);

  it('adds the agenda to the scrutins already stored when the agenda is imported after them', async () => {
    const uid = 'VTANR5L17V921';
    await store.db.store.run('DELETE FROM agenda_sittings');
    await store.db.store.run('DELETE FROM agenda_imports');
    await indexScrutinSearch(store.db, [uid]);
    expect(await indexed(uid)).not.toMatch(/indivision/);
    const summary = await importOfficialData(store.db, join(BUNDLED_DATA_DIR, 'agenda'));
    expect(summary.agenda.imported).toBeGreaterThan(500);
    expect(await indexed(uid)).toMatch(/sortie de l'indivision successorale/);
  }, 300_000);

  it('rebuilds a store indexed with another version of the document, once', async () => {
    const uid = 'VTANR5L16V1240';
    await store.db.store.run("UPDATE search_index_state SET version = version - 1 WHERE name = 'scrutins'");
    await store.db.store.run(
      store.db.dialect === 'sqlite'
        ? 'DELETE FROM scrutin_search WHERE rowid = (SELECT id FROM scrutin_search_keys WHERE uid = ?)'
        : 'DELETE FROM scrutin_search WHERE uid = ?',
      [uid],
    );
    expect(await indexed(uid)).toBeNull();
    expect(await ensureScrutinSearchCurrent(store.db)).toBeGreaterThan(4000);
    expect(await indexed(uid)).toMatch(/Libertés, Indépendants, Outre-mer et Territoires/);
    expect(await version()).toBe(SEARCH_DOCUMENT_VERSION);
    expect(await ensureScrutinSearchCurrent(store.db)).toBe(0);
  }, 300_000);
});
