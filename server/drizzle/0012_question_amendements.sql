CREATE TABLE `amendements` (
	`uid` text PRIMARY KEY NOT NULL,
	`legislature` integer NOT NULL,
	`numero` text NOT NULL,
	`texte_ref` text NOT NULL,
	`seance_ref` text,
	`dossier_ref` text,
	`sort` text,
	`source_hash` text NOT NULL,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `amendements_seance_numero_idx` ON `amendements` (`seance_ref`,`numero`);--> statement-breakpoint
ALTER TABLE `platform_questions` ADD `sitting_start` text;--> statement-breakpoint
ALTER TABLE `platform_questions` ADD `replay_of` text;--> statement-breakpoint
ALTER TABLE `question_links` ADD `amendement_uid` text;--> statement-breakpoint
ALTER TABLE `question_links` ADD `amendement_numero` text;--> statement-breakpoint
-- Data (not generated): questions opened before this migration get their sitting's start from the agenda.
UPDATE `platform_questions` SET `sitting_start` = (SELECT `start` FROM `agenda_sittings` WHERE `agenda_sittings`.`uid` = `platform_questions`.`sitting_uid`) WHERE `sitting_start` IS NULL;
