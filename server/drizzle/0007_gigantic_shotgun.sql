CREATE TABLE `citizen_constituencies` (
	`citizen_id` integer PRIMARY KEY NOT NULL,
	`num_departement` text NOT NULL,
	`num_circo` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
