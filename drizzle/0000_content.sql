CREATE TABLE `entity` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`aliases` text NOT NULL,
	`role` text
);
--> statement-breakpoint
CREATE TABLE `fact` (
	`id` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`position` integer NOT NULL,
	`predicate` text NOT NULL,
	`subject_id` text NOT NULL,
	`object_id` text,
	`place_id` text,
	`value_text` text,
	`value_number` real,
	`value_unit` text,
	`date` text,
	`date_precision` text,
	`date_wording` text,
	`statement` text NOT NULL,
	`quote` text NOT NULL,
	`quote_start` integer NOT NULL,
	`quote_end` integer NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `source`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subject_id`) REFERENCES `entity`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`object_id`) REFERENCES `entity`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_id`) REFERENCES `entity`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `fact_source_idx` ON `fact` (`source_id`,`position`);--> statement-breakpoint
CREATE INDEX `fact_subject_idx` ON `fact` (`subject_id`);--> statement-breakpoint
CREATE TABLE `source` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`published_on` text NOT NULL,
	`body` text NOT NULL,
	`content_hash` text NOT NULL,
	`loaded_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
