CREATE TABLE `election_ballots` (
	`election_id` text NOT NULL,
	`round` integer NOT NULL,
	`citizen_id` integer NOT NULL,
	`candidate` text NOT NULL,
	`cast_at` integer NOT NULL,
	PRIMARY KEY(`election_id`, `round`, `citizen_id`),
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `election_ballots_tally_idx` ON `election_ballots` (`election_id`,`round`,`candidate`);