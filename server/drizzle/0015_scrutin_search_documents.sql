-- Custom migration (not generated): the text of a scrutin's search row is now built in TypeScript
-- (core searchDocument: titre, objet, demandeur, the linked agenda points, the text's titles, a
-- motion's authors and their groups), written by server/src/db/scrutin-search.ts, so that every store
-- indexes the same text. The insert/update triggers of 0004 wrote titre + objet only: dropped. The
-- delete trigger stays (it needs no text). search_index_state records which document version the
-- index holds; a store on another version is reindexed at start (ensureScrutinSearchCurrent).
DROP TRIGGER IF EXISTS `scrutins_search_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `scrutins_search_update`;
--> statement-breakpoint
CREATE TABLE `search_index_state` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
