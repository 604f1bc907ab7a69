CREATE TABLE `card` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`fact_id` text,
	`question_id` text,
	`direction` text DEFAULT 'forward' NOT NULL,
	`source_id` text,
	`set_id` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`fact_id`) REFERENCES `fact`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `source`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_id`) REFERENCES `question_set`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `card_source_idx` ON `card` (`source_id`,`position`);--> statement-breakpoint
CREATE INDEX `card_set_idx` ON `card` (`set_id`,`position`);--> statement-breakpoint
CREATE INDEX `card_fact_idx` ON `card` (`fact_id`);--> statement-breakpoint
CREATE INDEX `card_question_idx` ON `card` (`question_id`);--> statement-breakpoint
CREATE TABLE `card_state` (
	`user_id` text NOT NULL,
	`card_id` text NOT NULL,
	`state` text NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`elapsed_days` integer NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`reps` integer NOT NULL,
	`lapses` integer NOT NULL,
	`last_review` integer,
	`suspended` integer DEFAULT false NOT NULL,
	`buried_until` integer,
	`leech` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`user_id`, `card_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `card`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `card_state_queue_idx` ON `card_state` (`user_id`,`state`,`due`);--> statement-breakpoint
CREATE INDEX `card_state_card_idx` ON `card_state` (`card_id`);--> statement-breakpoint
CREATE TABLE `learner_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`desired_retention` real DEFAULT 0.9 NOT NULL,
	`new_per_day` integer DEFAULT 20 NOT NULL,
	`reviews_per_day` integer DEFAULT 200 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `review_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`card_id` text NOT NULL,
	`rating` integer NOT NULL,
	`state` text NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`elapsed_days` integer NOT NULL,
	`last_elapsed_days` integer NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`previous_due` integer NOT NULL,
	`made_leech` integer DEFAULT false NOT NULL,
	`time_ms` integer NOT NULL,
	`reviewed_at` integer NOT NULL,
	`origin` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `card`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_log_user_time_idx` ON `review_log` (`user_id`,`reviewed_at`,`origin`,`state`,`rating`);--> statement-breakpoint
CREATE INDEX `review_log_card_idx` ON `review_log` (`card_id`,`user_id`,`id`);