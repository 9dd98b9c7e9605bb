DROP INDEX `scrutins_legislature_numero_unique`;--> statement-breakpoint
CREATE INDEX `scrutins_legislature_numero_idx` ON `scrutins` (`legislature`,`numero`);