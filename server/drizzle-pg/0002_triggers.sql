-- Custom migration (not generated): the SQLite triggers, in plpgsql.
-- The hash-chained vote log is append-only (SQLite 0012): the store itself refuses to rewrite history.
CREATE FUNCTION vote_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'vote_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER vote_log_append_only BEFORE UPDATE OR DELETE ON vote_log
  FOR EACH ROW EXECUTE FUNCTION vote_log_append_only();
--> statement-breakpoint
-- An account's profile and 2022 vote go with the account (SQLite 0006): deletion anonymises the
-- citizens row (deleted_at set), so ON DELETE CASCADE never fires; this deletes both rows whatever
-- code path sets deleted_at.
CREATE FUNCTION citizen_profile_deleted_with_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM citizen_profiles WHERE citizen_id = NEW.id;
  DELETE FROM citizen_past_votes WHERE citizen_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER citizen_profile_deleted_with_account AFTER UPDATE OF deleted_at ON citizens
  FOR EACH ROW WHEN (NEW.deleted_at IS NOT NULL) EXECUTE FUNCTION citizen_profile_deleted_with_account();
