import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_DOCUMENT_VERSION } from '@parallele/core';
import { BUNDLED_DATA_DIR, importOfficialData } from '../import/import-service';
import { openBundledStore, type BundledStore } from '../test-support/bundled-store';
import { ensureScrutinSearchCurrent, indexScrutinSearch, scrutinSearchText } from './scrutin-search';

let store: BundledStore;
beforeAll(async () => {
  store = await openBundledStore();
});
afterAll(() => store?.cleanup());

const indexed = (uid: string) =>
  store.db.sqlite
    .prepare<[string], { text: string }>('SELECT f.text FROM scrutin_search f JOIN scrutin_search_keys k ON k.id = f.rowid WHERE k.uid = ?')
    .get(uid)?.text ?? null;
const version = () => store.db.sqlite.prepare<[], { version: number }>('SELECT version FROM search_index_state').get()?.version;

describe('the search index of scrutins', () => {
  it('holds, after an import, the current document of every scrutin', () => {
    const uids = store.db.sqlite.prepare<[], { uid: string }>('SELECT uid FROM scrutins').all().map((r) => r.uid);
    expect(uids.length).toBeGreaterThan(4000);
    for (const uid of uids) expect(indexed(uid), uid).toBe(scrutinSearchText(store.db, uid));
    expect(version()).toBe(SEARCH_DOCUMENT_VERSION);
  });

  it('adds the agenda to the scrutins already stored when the agenda is imported after them', async () => {
    const uid = 'VTANR5L17V921';
    store.db.sqlite.exec('DELETE FROM agenda_sittings; DELETE FROM agenda_imports');
    indexScrutinSearch(store.db, [uid]);
    expect(indexed(uid)).not.toMatch(/indivision/);
    const summary = await importOfficialData(store.db, join(BUNDLED_DATA_DIR, 'agenda'));
    expect(summary.agenda.imported).toBeGreaterThan(500);
    expect(indexed(uid)).toMatch(/sortie de l'indivision successorale/);
  });

  it('rebuilds a store indexed with another version of the document, once', () => {
    const uid = 'VTANR5L16V1240';
    store.db.sqlite.prepare("UPDATE search_index_state SET version = version - 1 WHERE name = 'scrutins'").run();
    store.db.sqlite.prepare('DELETE FROM scrutin_search WHERE rowid = (SELECT id FROM scrutin_search_keys WHERE uid = ?)').run(uid);
    expect(indexed(uid)).toBeNull();
    expect(ensureScrutinSearchCurrent(store.db)).toBeGreaterThan(4000);
    expect(indexed(uid)).toMatch(/Libertés, Indépendants, Outre-mer et Territoires/);
    expect(version()).toBe(SEARCH_DOCUMENT_VERSION);
    expect(ensureScrutinSearchCurrent(store.db)).toBe(0);
  });
});
