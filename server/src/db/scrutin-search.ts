import { linkedAgenda, motionAuthorNames, searchDocument, SEARCH_DOCUMENT_VERSION, type MotionAuthor, type SearchDocumentInput } from '@parallele/core';
import type { SqlStore } from './sql-store';
import type { Db } from './types';

/**
 * Writes the search index of scrutins (the FTS5 table of migration 0004): each row is core's
 * `searchDocument` of the scrutin, built from the rows the store links to it (its sitting's agenda
 * points, its text's other points, the groups of a motion's authors). The TypeScript builds the
 * text so every store indexes the same; this file only reads inputs and writes rows. Callers index
 * what they wrote: upsertScrutins its scrutins, the agenda import the scrutins of its sittings,
 * the importer the motions once deputies and groups are in (import-service.ts).
 */

interface ScrutinRow {
  uid: string;
  type: string;
  titre: string;
  objet: string | null;
  demandeur: string | null;
  seance_ref: string | null;
}
interface VoterRow {
  first_name: string;
  last_name: string;
  name: string | null;
  abbreviation: string | null;
}

const SQL = {
  scrutin: 'SELECT uid, type, titre, objet, demandeur, seance_ref FROM scrutins WHERE uid = ?',
  points: 'SELECT objet, dossier_ref AS "dossierRef", state FROM agenda_points WHERE sitting_uid = ? ORDER BY ordinal',
  dossierTitles: "SELECT DISTINCT objet FROM agenda_points WHERE dossier_ref = ? AND state = 'Confirmé' ORDER BY objet LIMIT 12",
  // a motion's authors sign it, so they vote for it: look their names up among its "pour"
  voters: `SELECT d.first_name, d.last_name, o.name, o.abbreviation FROM deputy_votes v JOIN deputies d ON d.ref = v.acteur_ref
       LEFT JOIN organes o ON o.ref = v.organe_ref WHERE v.scrutin_uid = ? AND v.position = 'pour'`,
};

/** Deletes then (when `text` is not null) writes the index row of one scrutin, on each engine's table. */
async function writeRow(store: SqlStore, uid: string, text: string | null): Promise<void> {
  if (store.dialect === 'sqlite') {
    await store.run('DELETE FROM scrutin_search WHERE rowid = (SELECT id FROM scrutin_search_keys WHERE uid = ?)', [uid]);
    if (text === null) return;
    await store.run('INSERT INTO scrutin_search_keys (uid) VALUES (?) ON CONFLICT (uid) DO NOTHING', [uid]);
    await store.run('INSERT INTO scrutin_search (rowid, text) VALUES ((SELECT id FROM scrutin_search_keys WHERE uid = ?), ?)', [uid, text]);
    return;
  }
  if (text === null) {
    await store.run('DELETE FROM scrutin_search WHERE uid = ?', [uid]);
    return;
  }
  await store.run('INSERT INTO scrutin_search (uid, text) VALUES (?, ?) ON CONFLICT (uid) DO UPDATE SET text = excluded.text', [uid, text]);
}

const foldName = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();

async function motionAuthors(store: SqlStore, row: ScrutinRow): Promise<MotionAuthor[]> {
  const names = motionAuthorNames(row.titre);
  if (row.type !== 'MOC' || names.length === 0) return [];
  const rows = await store.all<VoterRow>(SQL.voters, [row.uid]);
  const voters = new Map(rows.map((v) => [foldName(`${v.first_name} ${v.last_name}`), v]));
  return names.map((name) => {
    const v = voters.get(foldName(name));
    return { name, group: v?.name ?? null, groupAbbreviation: v?.abbreviation ?? null };
  });
}

async function documentInput(store: SqlStore, row: ScrutinRow): Promise<SearchDocumentInput> {
  const points = row.seance_ref ? await store.all<{ objet: string; dossierRef: string | null; state: string }>(SQL.points, [row.seance_ref]) : [];
  const { dossierRef, objets } = row.seance_ref ? linkedAgenda(row.titre, points) : { dossierRef: null, objets: [] };
  const dossier = dossierRef ? (await store.all<{ objet: string }>(SQL.dossierTitles, [dossierRef])).map((r) => r.objet) : [];
  return { titre: row.titre, objet: row.objet, demandeur: row.demandeur, agenda: objets, dossier, authors: await motionAuthors(store, row) };
}

const storeOf = (db: Db | SqlStore): SqlStore => ('store' in db ? db.store : db);

/** The indexed text of one stored scrutin, or null if it is not stored. */
export async function scrutinSearchText(db: Db | SqlStore, uid: string): Promise<string | null> {
  const store = storeOf(db);
  const row = await store.get<ScrutinRow>(SQL.scrutin, [uid]);
  return row ? searchDocument(await documentInput(store, row)) : null;
}

/** (Re)writes the index rows of these scrutins, in one transaction (joins the caller's if any). */
export async function indexScrutinSearch(db: Db | SqlStore, uids: Iterable<string>): Promise<number> {
  const store = storeOf(db);
  let written = 0;
  const list = [...uids];
  await store.transaction(async () => {
    for (const uid of list) {
      const row = await store.get<ScrutinRow>(SQL.scrutin, [uid]);
      await writeRow(store, uid, row ? searchDocument(await documentInput(store, row)) : null);
      if (row) written++;
    }
  });
  return written;
}

/** The scrutins held in these sittings, or in sittings about the same texts (their titles changed). */
export async function scrutinsLinkedToSittings(db: Db | SqlStore, sittingUids: readonly string[]): Promise<string[]> {
  const store = storeOf(db);
  const found = new Set<string>();
  // bounded IN lists (SQLite and PostgreSQL both cap bound parameters)
  for (let i = 0; i < sittingUids.length; i += 500) {
    const chunk = sittingUids.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(', ');
    const rows = await store.all<{ uid: string }>(
      `SELECT uid FROM scrutins WHERE seance_ref IN (${marks}) OR seance_ref IN (
         SELECT sitting_uid FROM agenda_points WHERE dossier_ref IN (
           SELECT dossier_ref FROM agenda_points WHERE sitting_uid IN (${marks}) AND dossier_ref IS NOT NULL))`,
      [...chunk, ...chunk],
    );
    for (const r of rows) found.add(r.uid);
  }
  return [...found];
}

/** The motions de censure: their documents name their authors' groups. */
export const motionUids = async (db: Db | SqlStore): Promise<string[]> =>
  (await storeOf(db).all<{ uid: string }>("SELECT uid FROM scrutins WHERE type = 'MOC'")).map((r) => r.uid);

const readVersion = async (store: SqlStore) =>
  (await store.get<{ version: number }>("SELECT version FROM search_index_state WHERE name = 'scrutins'"))?.version ?? null;

/** Records that every stored scrutin is indexed with the current document. */
export async function markScrutinSearchCurrent(db: Db | SqlStore): Promise<void> {
  await storeOf(db).run(
    "INSERT INTO search_index_state (name, version) VALUES ('scrutins', ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version",
    [SEARCH_DOCUMENT_VERSION],
  );
}

/**
 * At start: a store indexed with another version of the document (or before documents were built
 * in TypeScript) is reindexed whole, once. Returns how many scrutins were reindexed.
 */
export async function ensureScrutinSearchCurrent(db: Db | SqlStore): Promise<number> {
  const store = storeOf(db);
  if ((await readVersion(store)) === SEARCH_DOCUMENT_VERSION) return 0;
  let written = 0;
  await store.transaction(async () => {
    const all = (await store.all<{ uid: string }>('SELECT uid FROM scrutins')).map((r) => r.uid);
    written = await indexScrutinSearch(store, all);
    await markScrutinSearchCurrent(store);
  });
  return written;
}
