CREATE TABLE `deputies` (
	`ref` text PRIMARY KEY NOT NULL,
	`civility` text,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`alpha` text,
	`birth_date` text,
	`group_ref` text,
	`source_hash` text NOT NULL,
	`source` text,
	`imported_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deputies_group_idx` ON `deputies` (`group_ref`);--> statement-breakpoint
CREATE INDEX `deputies_alpha_idx` ON `deputies` (`alpha`);--> statement-breakpoint
CREATE TABLE `deputy_votes` (
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
);
--> statement-breakpoint
CREATE INDEX `deputy_votes_acteur_idx` ON `deputy_votes` (`acteur_ref`,`scrutin_uid`);--> statement-breakpoint
CREATE TABLE `organes` (
	`ref` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`abbreviation` text,
	`colour` text,
	`political_position` text,
	`legislature` integer,
	`start_date` text,
	`end_date` text,
	`preseance` integer,
	`source_hash` text NOT NULL,
	`source` text,
	`imported_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `organes_kind_legislature_idx` ON `organes` (`kind`,`legislature`);--> statement-breakpoint
CREATE TABLE `mises_au_point` (
	`scrutin_uid` text NOT NULL,
	`ordinal` integer NOT NULL,
	`acteur_ref` text NOT NULL,
	`mandat_ref` text,
	`position` text NOT NULL,
	`malfunction` integer NOT NULL,
	PRIMARY KEY(`scrutin_uid`, `ordinal`),
	FOREIGN KEY (`scrutin_uid`) REFERENCES `scrutins`(`uid`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mises_au_point_acteur_idx` ON `mises_au_point` (`acteur_ref`);--> statement-breakpoint
CREATE TABLE `scrutin_groups` (
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
);
--> statement-breakpoint
CREATE INDEX `scrutin_groups_organe_idx` ON `scrutin_groups` (`organe_ref`);--> statement-breakpoint
CREATE TABLE `scrutins` (
	`uid` text PRIMARY KEY NOT NULL,
	`legislature` integer NOT NULL,
	`numero` integer NOT NULL,
	`organe_ref` text NOT NULL,
	`session_ref` text,
	`seance_ref` text,
	`date` text NOT NULL,
	`sitting_of_day` integer,
	`type` text NOT NULL,
	`type_label` text,
	`majority_label` text,
	`outcome` text NOT NULL,
	`outcome_label` text,
	`titre` text NOT NULL,
	`objet` text,
	`demandeur` text,
	`place` text,
	`announcement` text,
	`pour` integer NOT NULL,
	`contre` integer NOT NULL,
	`abstentions` integer NOT NULL,
	`non_votants` integer NOT NULL,
	`votants` integer NOT NULL,
	`exprimes` integer NOT NULL,
	`requis` integer NOT NULL,
	`closeness` integer NOT NULL,
	`source_hash` text NOT NULL,
	`source` text,
	`imported_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scrutins_legislature_numero_unique` ON `scrutins` (`legislature`,`numero`,`organe_ref`);--> statement-breakpoint
CREATE INDEX `scrutins_legislature_date_idx` ON `scrutins` (`legislature`,`date`);--> statement-breakpoint
CREATE INDEX `scrutins_date_idx` ON `scrutins` (`date`);--> statement-breakpoint
CREATE INDEX `scrutins_type_idx` ON `scrutins` (`type`,`date`);--> statement-breakpoint
CREATE INDEX `scrutins_outcome_idx` ON `scrutins` (`outcome`,`date`);--> statement-breakpoint
CREATE INDEX `scrutins_closeness_idx` ON `scrutins` (`closeness`,`date`);--> statement-breakpoint
CREATE TABLE `citizens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text,
	`password_hash` text,
	`voter_id` text NOT NULL,
	`level` text DEFAULT 'none' NOT NULL,
	`role` text DEFAULT 'citizen' NOT NULL,
	`locale` text DEFAULT 'fr' NOT NULL,
	`registration_network` text,
	`phone_key` text,
	`identity_key` text,
	`created_at` integer NOT NULL,
	`email_verified_at` integer,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `citizens_email_unique` ON `citizens` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `citizens_voter_id_unique` ON `citizens` (`voter_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `citizens_phone_key_unique` ON `citizens` (`phone_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `citizens_identity_key_unique` ON `citizens` (`identity_key`);--> statement-breakpoint
CREATE INDEX `citizens_created_at_idx` ON `citizens` (`created_at`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`citizen_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`reason` text NOT NULL,
	`network` text NOT NULL,
	`scrutin_uid` text,
	`cluster_size` integer NOT NULL,
	`created_at` integer NOT NULL,
	`reviewed_at` integer,
	`reviewed_by` integer,
	`note` text,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flags_citizen_unique` ON `flags` (`citizen_id`);--> statement-breakpoint
CREATE INDEX `flags_status_idx` ON `flags` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `one_time_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`citizen_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`code_hash` text NOT NULL,
	`token_hash` text,
	`subject_key` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `one_time_codes_citizen_idx` ON `one_time_codes` (`citizen_id`,`purpose`);--> statement-breakpoint
CREATE UNIQUE INDEX `one_time_codes_token_unique` ON `one_time_codes` (`token_hash`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`citizen_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_citizen_idx` ON `sessions` (`citizen_id`);--> statement-breakpoint
CREATE TABLE `vote_log` (
	`scrutin_uid` text NOT NULL,
	`seq` integer NOT NULL,
	`voter` text NOT NULL,
	`choice` text NOT NULL,
	`at` text NOT NULL,
	`prev` text NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY(`scrutin_uid`, `seq`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_log_hash_unique` ON `vote_log` (`hash`);--> statement-breakpoint
CREATE TABLE `vote_windows` (
	`scrutin_uid` text PRIMARY KEY NOT NULL,
	`title` text,
	`closes_at` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scrutin_uid` text NOT NULL,
	`citizen_id` integer NOT NULL,
	`choice` text NOT NULL,
	`seq` integer NOT NULL,
	`receipt` text NOT NULL,
	`revisions` integer DEFAULT 1 NOT NULL,
	`first_cast_at` integer NOT NULL,
	`cast_at` integer NOT NULL,
	`network` text,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "votes_choice_check" CHECK("votes"."choice" in ('pour', 'contre', 'abstention'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_scrutin_citizen_unique` ON `votes` (`scrutin_uid`,`citizen_id`);--> statement-breakpoint
CREATE INDEX `votes_scrutin_choice_idx` ON `votes` (`scrutin_uid`,`choice`,`citizen_id`);--> statement-breakpoint
CREATE INDEX `votes_citizen_idx` ON `votes` (`citizen_id`,`cast_at`);--> statement-breakpoint
CREATE INDEX `votes_cast_at_idx` ON `votes` (`cast_at`);