import type Database from 'better-sqlite3';
import { linkedAgenda, motionAuthorNames, searchDocument, SEARCH_DOCUMENT_VERSION, type MotionAuthor, type SearchDocumentInput } from '@parallele/core';
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

function prepare(s: Database.Database) {
  return {
    scrutin: s.prepare<[string], ScrutinRow>('SELECT uid, type, titre, objet, demandeur, seance_ref FROM scrutins WHERE uid = ?'),
    points: s.prepare<[string], { objet: string; dossierRef: string | null; state: string }>(
      'SELECT objet, dossier_ref AS dossierRef, state FROM agenda_points WHERE sitting_uid = ? ORDER BY ordinal',
    ),
    dossierTitles: s.prepare<[string], { objet: string }>(
      "SELECT DISTINCT objet FROM agenda_points WHERE dossier_ref = ? AND state = 'Confirmé' ORDER BY objet LIMIT 12",
    ),
    // a motion's authors sign it, so they vote for it: look their names up among its "pour"
    voters: s.prepare<[string], VoterRow>(
      `SELECT d.first_name, d.last_name, o.name, o.abbreviation FROM deputy_votes v JOIN deputies d ON d.ref = v.acteur_ref
       LEFT JOIN organes o ON o.ref = v.organe_ref WHERE v.scrutin_uid = ? AND v.position = 'pour'`,
    ),
    deleteRow: s.prepare<[string]>('DELETE FROM scrutin_search WHERE rowid = (SELECT id FROM scrutin_search_keys WHERE uid = ?)'),
    insertKey: s.prepare<[string]>('INSERT OR IGNORE INTO scrutin_search_keys (uid) VALUES (?)'),
    insertRow: s.prepare<[string, string]>('INSERT INTO scrutin_search (rowid, text) VALUES ((SELECT id FROM scrutin_search_keys WHERE uid = ?), ?)'),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function stmts(db: Db) {
  let s = cache.get(db.sqlite);
  if (!s) cache.set(db.sqlite, (s = prepare(db.sqlite)));
  return s;
}

const foldName = (name: string) =>
  name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();

function motionAuthors(st: ReturnType<typeof prepare>, row: ScrutinRow): MotionAuthor[] {
  const names = motionAuthorNames(row.titre);
  if (row.type !== 'MOC' || names.length === 0) return [];
  const voters = new Map(st.voters.all(row.uid).map((v) => [foldName(`${v.first_name} ${v.last_name}`), v]));
  return names.map((name) => {
    const v = voters.get(foldName(name));
    return { name, group: v?.name ?? null, groupAbbreviation: v?.abbreviation ?? null };
  });
}

function documentInput(st: ReturnType<typeof prepare>, row: ScrutinRow): SearchDocumentInput {
  const { dossierRef, objets } = row.seance_ref ? linkedAgenda(row.titre, st.points.all(row.seance_ref)) : { dossierRef: null, objets: [] };
  const dossier = dossierRef ? st.dossierTitles.all(dossierRef).map((r) => r.objet) : [];
  return { titre: row.titre, objet: row.objet, demandeur: row.demandeur, agenda: objets, dossier, authors: motionAuthors(st, row) };
}

/** The indexed text of one stored scrutin, or null if it is not stored. */
export function scrutinSearchText(db: Db, uid: string): string | null {
  const st = stmts(db);
  const row = st.scrutin.get(uid);
  return row ? searchDocument(documentInput(st, row)) : null;
}

/** (Re)writes the index rows of these scrutins, in one transaction (nested: a savepoint). */
export function indexScrutinSearch(db: Db, uids: Iterable<string>): number {
  const st = stmts(db);
  let written = 0;
  db.sqlite.transaction(() => {
    for (const uid of uids) {
      const row = st.scrutin.get(uid);
      st.deleteRow.run(uid);
      if (!row) continue;
      st.insertKey.run(uid);
      st.insertRow.run(uid, searchDocument(documentInput(st, row)));
      written++;
    }
  })();
  return written;
}

/** The scrutins held in these sittings, or in sittings about the same texts (their titles changed). */
export function scrutinsLinkedToSittings(db: Db, sittingUids: readonly string[]): string[] {
  const rows = db.sqlite
    .prepare<[string, string], { uid: string }>(
      `SELECT uid FROM scrutins WHERE seance_ref IN (SELECT value FROM json_each(?)) OR seance_ref IN (
         SELECT sitting_uid FROM agenda_points WHERE dossier_ref IN (
           SELECT dossier_ref FROM agenda_points WHERE sitting_uid IN (SELECT value FROM json_each(?)) AND dossier_ref IS NOT NULL))`,
    )
    .all(JSON.stringify(sittingUids), JSON.stringify(sittingUids));
  return rows.map((r) => r.uid);
}

/** The motions de censure: their documents name their authors' groups. */
export const motionUids = (db: Db): string[] =>
  db.sqlite.prepare<[], { uid: string }>("SELECT uid FROM scrutins WHERE type = 'MOC'").all().map((r) => r.uid);

const readVersion = (db: Db) =>
  db.sqlite.prepare<[], { version: number }>("SELECT version FROM search_index_state WHERE name = 'scrutins'").get()?.version ?? null;

/** Records that every stored scrutin is indexed with the current document. */
export function markScrutinSearchCurrent(db: Db): void {
  db.sqlite
    .prepare("INSERT INTO search_index_state (name, version) VALUES ('scrutins', ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version")
    .run(SEARCH_DOCUMENT_VERSION);
}

/**
 * At start: a store indexed with another version of the document (or before documents were built
 * in TypeScript) is reindexed whole, once. Returns how many scrutins were reindexed.
 */
export function ensureScrutinSearchCurrent(db: Db): number {
  if (readVersion(db) === SEARCH_DOCUMENT_VERSION) return 0;
  let written = 0;
  db.sqlite.transaction(() => {
    const all = db.sqlite.prepare<[], { uid: string }>('SELECT uid FROM scrutins').all().map((r) => r.uid);
    written = indexScrutinSearch(db, all);
    markScrutinSearchCurrent(db);
  })();
  return written;
}
