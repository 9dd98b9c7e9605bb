-- The hash-chained vote log is append-only: the store itself refuses to rewrite history
-- (these triggers were created by the votes repository at start; IF NOT EXISTS: stores that already have them).
CREATE TRIGGER IF NOT EXISTS vote_log_no_update BEFORE UPDATE ON vote_log
  BEGIN SELECT RAISE(ABORT, 'vote_log is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS vote_log_no_delete BEFORE DELETE ON vote_log
  BEGIN SELECT RAISE(ABORT, 'vote_log is append-only'); END;
