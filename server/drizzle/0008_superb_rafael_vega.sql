CREATE TABLE `agreement_shares` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`citizen_id` integer NOT NULL,
	`legislature` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizens`(`id`) ON UPDATE no action ON DELETE cascade
);
