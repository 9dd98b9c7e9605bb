-- Custom migration (not generated): the PostgreSQL equivalent of SQLite's 0004 (FTS5 trigram index
-- with remove_diacritics) for GET /api/scrutins?q=. A word matches when it occurs, ignoring case
-- and accents, anywhere in titre + objet ("securite sociale" finds "sécurité sociale"): the same
-- substring semantics as the trigram tokenizer, answered from a pg_trgm GIN index on the folded
-- text. unaccent() is only STABLE (its dictionary could change), so an IMMUTABLE wrapper naming
-- the dictionary is what an index expression may use. Query: see modules/scrutins/search-terms.ts.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));
--> statement-breakpoint
CREATE FUNCTION scrutin_search_text(titre text, objet text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN search_fold(titre || ' ' || coalesce(objet, ''));
--> statement-breakpoint
CREATE INDEX scrutins_search_trgm_idx ON scrutins USING gin (scrutin_search_text(titre, objet) gin_trgm_ops);
