CREATE TABLE `rooms` (
	`code` text PRIMARY KEY NOT NULL,
	`facilitator_key_hash` text NOT NULL,
	`recap_key` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_activity_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rooms_last_activity` ON `rooms` (`last_activity_at`);