CREATE TABLE `citizen_past_votes` (
	`citizen_id` integer PRIMARY KEY NOT NULL,
	`pres2022` text NOT NULL,
	`consented_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `citizen_profiles` (
	`citizen_id` integer PRIMARY KEY NOT NULL,
	`sex` text,
	`age_band` text,
	`region` text,
	`departement` text,
	`circonscription` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
