CREATE TABLE `room_ballots` (
	`room_code` text NOT NULL,
	`question_index` integer NOT NULL,
	`participant_id` text NOT NULL,
	`choice` text NOT NULL,
	`prediction` text NOT NULL,
	PRIMARY KEY(`room_code`, `question_index`, `participant_id`),
	FOREIGN KEY (`room_code`) REFERENCES `rooms`(`code`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `rooms` ADD `version` integer DEFAULT 0 NOT NULL;