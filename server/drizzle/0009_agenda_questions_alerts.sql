CREATE TABLE `agenda_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`snapshot_at` integer NOT NULL,
	`sittings` integer NOT NULL,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_imports_source_unique` ON `agenda_imports` (`source`);--> statement-breakpoint
CREATE TABLE `agenda_points` (
	`uid` text PRIMARY KEY NOT NULL,
	`sitting_uid` text NOT NULL,
	`ordinal` integer NOT NULL,
	`state` text NOT NULL,
	`type` text NOT NULL,
	`objet` text NOT NULL,
	`dossier_ref` text,
	`procedure` text,
	`tentative` integer NOT NULL,
	`vote_kind` text,
	FOREIGN KEY (`sitting_uid`) REFERENCES `agenda_sittings`(`uid`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_points_sitting_idx` ON `agenda_points` (`sitting_uid`);--> statement-breakpoint
CREATE INDEX `agenda_points_dossier_idx` ON `agenda_points` (`dossier_ref`);--> statement-breakpoint
CREATE TABLE `agenda_sittings` (
	`uid` text PRIMARY KEY NOT NULL,
	`legislature` integer NOT NULL,
	`session_ref` text,
	`organe_ref` text NOT NULL,
	`start` text NOT NULL,
	`start_at` integer NOT NULL,
	`end` text,
	`state` text NOT NULL,
	`quantieme` text,
	`compte_rendu_ref` text,
	`created_at_source` text,
	`closed_at_source` text,
	`source_hash` text NOT NULL,
	`source` text,
	`imported_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `agenda_sittings_start_idx` ON `agenda_sittings` (`start_at`);--> statement-breakpoint
CREATE TABLE `agreement_shares` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`citizen_id` integer NOT NULL,
	`legislature` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `alert_deliveries` (
	`citizen_id` integer NOT NULL,
	`question_id` text NOT NULL,
	`kind` text NOT NULL,
	`digest_id` integer NOT NULL,
	PRIMARY KEY(`citizen_id`, `question_id`, `kind`)
);
--> statement-breakpoint
CREATE TABLE `alert_digests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`citizen_id` integer NOT NULL,
	`day` text NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_digests_citizen_day_unique` ON `alert_digests` (`citizen_id`,`day`);--> statement-breakpoint
CREATE TABLE `alert_subscriptions` (
	`citizen_id` integer NOT NULL,
	`scope` text NOT NULL,
	`dossier_ref` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`citizen_id`, `scope`, `dossier_ref`),
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `citizen_constituencies` (
	`citizen_id` integer PRIMARY KEY NOT NULL,
	`num_departement` text NOT NULL,
	`num_circo` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `deputy_constituencies` (
	`mandat_ref` text PRIMARY KEY NOT NULL,
	`acteur_ref` text NOT NULL,
	`legislature` integer NOT NULL,
	`departement` text NOT NULL,
	`num_departement` text NOT NULL,
	`num_circo` integer NOT NULL,
	`start_date` text,
	`end_date` text
);
--> statement-breakpoint
CREATE INDEX `deputy_constituencies_place_idx` ON `deputy_constituencies` (`legislature`,`num_departement`,`num_circo`);--> statement-breakpoint
CREATE INDEX `deputy_constituencies_acteur_idx` ON `deputy_constituencies` (`acteur_ref`);--> statement-breakpoint
CREATE TABLE `platform_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`legislature` integer NOT NULL,
	`dossier_ref` text NOT NULL,
	`sitting_uid` text NOT NULL,
	`point_uid` text NOT NULL,
	`title` text NOT NULL,
	`vote_kind` text NOT NULL,
	`opened_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`frozen_at` integer,
	`mandate_pour` integer,
	`mandate_contre` integer,
	`mandate_abstention` integer
);
--> statement-breakpoint
CREATE INDEX `platform_questions_dossier_idx` ON `platform_questions` (`dossier_ref`);--> statement-breakpoint
CREATE INDEX `platform_questions_closes_idx` ON `platform_questions` (`closes_at`);--> statement-breakpoint
CREATE TABLE `question_links` (
	`scrutin_uid` text PRIMARY KEY NOT NULL,
	`question_id` text NOT NULL,
	`method` text NOT NULL,
	`score_pct` integer,
	`role` text NOT NULL,
	`linked_at` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `platform_questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_links_question_idx` ON `question_links` (`question_id`);