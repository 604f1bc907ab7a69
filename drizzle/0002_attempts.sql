CREATE TABLE `answer` (
	`attempt_id` text NOT NULL,
	`position` integer NOT NULL,
	`response` text NOT NULL,
	`correct` integer NOT NULL,
	`reason` text NOT NULL,
	`partial` real,
	`time_ms` integer NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`set_id` text NOT NULL,
	`seed` integer NOT NULL,
	`question_count` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`score` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_id`) REFERENCES `question_set`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attempt_user_set_idx` ON `attempt` (`user_id`,`set_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `attempt_set_idx` ON `attempt` (`set_id`);--> statement-breakpoint
CREATE TABLE `attempt_question` (
	`attempt_id` text NOT NULL,
	`position` integer NOT NULL,
	`question_id` text,
	`body` text NOT NULL,
	`fact_ids` text NOT NULL,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `attempt_question_question_idx` ON `attempt_question` (`question_id`);--> statement-breakpoint
ALTER TABLE `question_set` ADD `content_hash` text;