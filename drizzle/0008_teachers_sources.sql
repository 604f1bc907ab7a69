-- Teachers' own sources. Hand-checked: drizzle-kit's copies below were rewritten to move the
-- data (its own would select columns the old tables lack). migrateDatabase() runs migrations
-- with foreign keys off, so dropping the old tables cascades nothing (cards, reviews and
-- suggestions keep their rows), and checks every foreign key once they are applied.
CREATE TABLE `source_version` (
	`source_id` text NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`source_id`, `version`),
	FOREIGN KEY (`source_id`) REFERENCES `source`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Each source's text becomes its version 1, before the body column goes from source.
INSERT INTO `source_version`("source_id", "version", "body", "created_at") SELECT "id", 1, "body", "loaded_at" FROM `source`;--> statement-breakpoint
CREATE TABLE `suggestion` (
	`id` text PRIMARY KEY NOT NULL,
	`source_id` text NOT NULL,
	`version` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`body` text NOT NULL,
	`fact_id` text,
	`decided_at` integer,
	FOREIGN KEY (`source_id`) REFERENCES `source`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`fact_id`) REFERENCES `fact`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `suggestion_source_idx` ON `suggestion` (`source_id`,`status`,`position`);--> statement-breakpoint
CREATE INDEX `suggestion_fact_idx` ON `suggestion` (`fact_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_fact` (
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
	`anchored` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `source`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`,`subject_id`) REFERENCES `entity`(`source_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`,`object_id`) REFERENCES `entity`(`source_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`,`place_id`) REFERENCES `entity`(`source_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Every fact's quote stands in its source's only version so far.
INSERT INTO `__new_fact`("id", "source_id", "position", "predicate", "subject_id", "object_id", "place_id", "value_text", "value_number", "value_unit", "date", "date_precision", "date_wording", "statement", "quote", "quote_start", "quote_end", "anchored") SELECT "id", "source_id", "position", "predicate", "subject_id", "object_id", "place_id", "value_text", "value_number", "value_unit", "date", "date_precision", "date_wording", "statement", "quote", "quote_start", "quote_end", 1 FROM `fact`;--> statement-breakpoint
DROP TABLE `fact`;--> statement-breakpoint
ALTER TABLE `__new_fact` RENAME TO `fact`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `fact_source_idx` ON `fact` (`source_id`,`position`);--> statement-breakpoint
CREATE INDEX `fact_subject_idx` ON `fact` (`source_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `__new_entity` (
	`source_id` text NOT NULL,
	`id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`aliases` text NOT NULL,
	`role` text,
	PRIMARY KEY(`source_id`, `id`),
	FOREIGN KEY (`source_id`) REFERENCES `source`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Entities were shared by every source: each source gets its own copy of those its facts name,
-- in their old order; an entity no fact names goes to every source (start-up reloads the
-- shipped article anyway, and with it their final order).
INSERT INTO `__new_entity`("source_id", "id", "position", "kind", "name", "aliases", "role") SELECT s."id", e."id", row_number() OVER (PARTITION BY s."id" ORDER BY e.rowid) - 1, e."kind", e."name", e."aliases", e."role" FROM `entity` e JOIN `source` s ON EXISTS (SELECT 1 FROM `fact` f WHERE f."source_id" = s."id" AND e."id" IN (f."subject_id", f."object_id", f."place_id")) OR NOT EXISTS (SELECT 1 FROM `fact` f WHERE e."id" IN (f."subject_id", f."object_id", f."place_id"));--> statement-breakpoint
DROP TABLE `entity`;--> statement-breakpoint
ALTER TABLE `__new_entity` RENAME TO `entity`;--> statement-breakpoint
CREATE TABLE `__new_source` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text,
	`title` text NOT NULL,
	`published_on` text NOT NULL,
	`author` text,
	`url` text,
	`version` integer DEFAULT 1 NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`content_hash` text,
	`loaded_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The sources so far are the shipped ones: no owner, version 1.
INSERT INTO `__new_source`("id", "owner_id", "title", "published_on", "author", "url", "version", "revision", "content_hash", "loaded_at", "updated_at") SELECT "id", NULL, "title", "published_on", NULL, NULL, 1, 0, "content_hash", "loaded_at", "loaded_at" FROM `source`;--> statement-breakpoint
DROP TABLE `source`;--> statement-breakpoint
ALTER TABLE `__new_source` RENAME TO `source`;--> statement-breakpoint
CREATE INDEX `source_owner_idx` ON `source` (`owner_id`);