ALTER TABLE `rooms` ADD `owner_citizen_id` integer;--> statement-breakpoint
CREATE INDEX `rooms_owner` ON `rooms` (`owner_citizen_id`);