-- Custom migration (not generated): an account's profile and 2022 vote go with the account.
-- Deleting an account anonymises its `citizens` row (deleted_at set) instead of deleting it, so the
-- foreign keys' ON DELETE CASCADE never fires; this trigger deletes both rows whatever code path
-- (the API, an admin tool, a future erase job) sets deleted_at. Tested in modules/profiles.
CREATE TRIGGER `citizen_profile_deleted_with_account` AFTER UPDATE OF `deleted_at` ON `citizens`
WHEN NEW.`deleted_at` IS NOT NULL
BEGIN
  DELETE FROM `citizen_profiles` WHERE `citizen_id` = NEW.`id`;
  DELETE FROM `citizen_past_votes` WHERE `citizen_id` = NEW.`id`;
END;
