-- Custom migration (not generated): full-text search on scrutins.titre + objet for GET /api/scrutins?q=.
-- An FTS5 trigram index folds case and diacritics ("deposee" finds "déposée") and answers substring
-- queries of 3+ characters from the index. FTS rows need a stable integer rowid and scrutins is keyed
-- by its text uid (its implicit rowid may change on VACUUM), so scrutin_search_keys maps uid → id.
-- Triggers keep the index in step with every writer (importer, sync, any connection). These two
-- tables are deliberately NOT in the drizzle schema. If a later migration recreates `scrutins`
-- (drizzle's __new_ table dance drops its triggers), repeat the three triggers there:
-- modules/scrutins/routes.test.ts fails when the index stops following imports.
CREATE TABLE `scrutin_search_keys` (
	`id` integer PRIMARY KEY,
	`uid` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `scrutin_search` USING fts5(`text`, tokenize = 'trigram remove_diacritics 1');
--> statement-breakpoint
INSERT INTO `scrutin_search_keys` (`uid`) SELECT `uid` FROM `scrutins`;
--> statement-breakpoint
INSERT INTO `scrutin_search` (`rowid`, `text`)
  SELECT k.`id`, s.`titre` || ' ' || coalesce(s.`objet`, '') FROM `scrutins` s JOIN `scrutin_search_keys` k ON k.`uid` = s.`uid`;
--> statement-breakpoint
CREATE TRIGGER `scrutins_search_insert` AFTER INSERT ON `scrutins` BEGIN
  INSERT INTO `scrutin_search_keys` (`uid`) VALUES (new.`uid`);
  INSERT INTO `scrutin_search` (`rowid`, `text`)
    VALUES ((SELECT `id` FROM `scrutin_search_keys` WHERE `uid` = new.`uid`), new.`titre` || ' ' || coalesce(new.`objet`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `scrutins_search_delete` AFTER DELETE ON `scrutins` BEGIN
  DELETE FROM `scrutin_search` WHERE `rowid` = (SELECT `id` FROM `scrutin_search_keys` WHERE `uid` = old.`uid`);
  DELETE FROM `scrutin_search_keys` WHERE `uid` = old.`uid`;
END;
--> statement-breakpoint
CREATE TRIGGER `scrutins_search_update` AFTER UPDATE OF `uid`, `titre`, `objet` ON `scrutins` BEGIN
  DELETE FROM `scrutin_search` WHERE `rowid` = (SELECT `id` FROM `scrutin_search_keys` WHERE `uid` = old.`uid`);
  DELETE FROM `scrutin_search_keys` WHERE `uid` = old.`uid`;
  INSERT INTO `scrutin_search_keys` (`uid`) VALUES (new.`uid`);
  INSERT INTO `scrutin_search` (`rowid`, `text`)
    VALUES ((SELECT `id` FROM `scrutin_search_keys` WHERE `uid` = new.`uid`), new.`titre` || ' ' || coalesce(new.`objet`, ''));
END;
