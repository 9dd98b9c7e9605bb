CREATE TABLE `identity_fingerprints` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`citizen_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `identity_fingerprints_citizen_idx` ON `identity_fingerprints` (`citizen_id`);--> statement-breakpoint
ALTER TABLE `votes` ADD `log_voter` text;