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
CREATE INDEX `deputy_constituencies_acteur_idx` ON `deputy_constituencies` (`acteur_ref`);