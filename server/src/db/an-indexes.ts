import type Database from 'better-sqlite3';
import type { SqlStore } from './sql-store';

/**
 * The indexes the bulk load may drop (same name and columns as the migration), in SQL both engines
 * run: the opener recreates them (an import killed mid-load leaves the acteur index dropped), and so
 * does the end of a bulk load.
 */
const CREATE_AN_INDEXES = 'CREATE INDEX IF NOT EXISTS deputy_votes_acteur_idx ON deputy_votes (acteur_ref, scrutin_uid)';

export const DROP_AN_INDEXES = 'DROP INDEX IF EXISTS deputy_votes_acteur_idx';

/** For the SQLite opener, before the store exists. */
export function ensureAnIndexes(sqlite: Database.Database): void {
  sqlite.exec(CREATE_AN_INDEXES);
}

/** For any open store (the PostgreSQL opener calls it too). */
export async function ensureAnIndexesOn(store: SqlStore): Promise<void> {
  await store.exec(CREATE_AN_INDEXES);
}
