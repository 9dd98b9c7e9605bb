-- Custom migration (not generated): the AN child tables become WITHOUT ROWID tables clustered on
-- their primary key (scrutin_uid, ordinal|position). Rows are always read per scrutin in that
-- order, and the bulk import of a legislature (~650k positions) writes ~2x faster without the
-- separate rowid b-tree. drizzle-kit cannot express WITHOUT ROWID: if a later generated migration
-- recreates one of these tables, repeat the clause there (a missing clause only costs speed).
CREATE TABLE `__new_deputy_votes` (
	`scrutin_uid` text NOT NULL,
	`ordinal` integer NOT NULL,
	`acteur_ref` text NOT NULL,
	`mandat_ref` text,
	`organe_ref` text NOT NULL,
	`position` text NOT NULL,
	`by_proxy` integer,
	`cause` text,
	`seat` text,
	PRIMARY KEY(`scrutin_uid`, `ordinal`),
	FOREIGN KEY (`scrutin_uid`) REFERENCES `scrutins`(`uid`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_deputy_votes` SELECT `scrutin_uid`, `ordinal`, `acteur_ref`, `mandat_ref`, `organe_ref`, `position`, `by_proxy`, `cause`, `seat` FROM `deputy_votes`;--> statement-breakpoint
DROP TABLE `deputy_votes`;--> statement-breakpoint
ALTER TABLE `__new_deputy_votes` RENAME TO `deputy_votes`;--> statement-breakpoint
CREATE INDEX `deputy_votes_acteur_idx` ON `deputy_votes` (`acteur_ref`,`scrutin_uid`);--> statement-breakpoint
CREATE TABLE `__new_mises_au_point` (
	`scrutin_uid` text NOT NULL,
	`ordinal` integer NOT NULL,
	`acteur_ref` text NOT NULL,
	`mandat_ref` text,
	`position` text NOT NULL,
	`malfunction` integer NOT NULL,
	PRIMARY KEY(`scrutin_uid`, `ordinal`),
	FOREIGN KEY (`scrutin_uid`) REFERENCES `scrutins`(`uid`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_mises_au_point` SELECT `scrutin_uid`, `ordinal`, `acteur_ref`, `mandat_ref`, `position`, `malfunction` FROM `mises_au_point`;--> statement-breakpoint
DROP TABLE `mises_au_point`;--> statement-breakpoint
ALTER TABLE `__new_mises_au_point` RENAME TO `mises_au_point`;--> statement-breakpoint
CREATE INDEX `mises_au_point_acteur_idx` ON `mises_au_point` (`acteur_ref`);--> statement-breakpoint
CREATE TABLE `__new_scrutin_groups` (
	`scrutin_uid` text NOT NULL,
	`position` integer NOT NULL,
	`organe_ref` text NOT NULL,
	`members` integer NOT NULL,
	`pour` integer NOT NULL,
	`contre` integer NOT NULL,
	`abstentions` integer NOT NULL,
	`non_votants` integer NOT NULL,
	`majority_position` text NOT NULL,
	PRIMARY KEY(`scrutin_uid`, `position`),
	FOREIGN KEY (`scrutin_uid`) REFERENCES `scrutins`(`uid`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_scrutin_groups` SELECT `scrutin_uid`, `position`, `organe_ref`, `members`, `pour`, `contre`, `abstentions`, `non_votants`, `majority_position` FROM `scrutin_groups`;--> statement-breakpoint
DROP TABLE `scrutin_groups`;--> statement-breakpoint
ALTER TABLE `__new_scrutin_groups` RENAME TO `scrutin_groups`;--> statement-breakpoint
CREATE INDEX `scrutin_groups_organe_idx` ON `scrutin_groups` (`organe_ref`);
