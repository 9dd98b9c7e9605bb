-- Custom migration (not generated; SQLite 0015): a scrutin's search text is now built in TypeScript
-- (core searchDocument: titre, objet, demandeur, linked agenda points, the text's titles, a motion's
-- authors and their groups) and written by server/src/db/scrutin-search.ts, so every store indexes
-- the same text. PostgreSQL keeps it in scrutin_search (one row per scrutin, deleted with it), folded
-- and trigram-indexed like 0001: a word matches with
--   uid IN (SELECT uid FROM scrutin_search WHERE search_fold(text) LIKE '%' || search_fold(?) || '%')
-- The titre + objet index of 0001 is no longer what searches read: dropped (its functions stay).
-- search_index_state records which document version the index holds (reindexed at start when not current).
DROP INDEX IF EXISTS scrutins_search_trgm_idx;
--> statement-breakpoint
CREATE TABLE scrutin_search (
  uid text PRIMARY KEY NOT NULL REFERENCES scrutins (uid) ON DELETE CASCADE,
  text text NOT NULL
);
--> statement-breakpoint
CREATE INDEX scrutin_search_trgm_idx ON scrutin_search USING gin (search_fold(text) gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE search_index_state (
  name text PRIMARY KEY NOT NULL,
  version integer NOT NULL
);
