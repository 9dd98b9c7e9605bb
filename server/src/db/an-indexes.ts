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

/**
 * For any open store (the PostgreSQL opener calls it too). PostgreSQL: looked up first, because
 * CREATE INDEX locks the table against writers even when the index exists.
 */
export async function ensureAnIndexesOn(store: SqlStore): Promise<void> {
  if (store.dialect === 'postgres' && (await store.get("SELECT 1 AS one FROM pg_indexes WHERE indexname = 'deputy_votes_acteur_idx'"))) return;
  await store.exec(CREATE_AN_INDEXES);
}
