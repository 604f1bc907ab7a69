CREATE TABLE `live_answer` (
	`attempt_id` text NOT NULL,
	`position` integer NOT NULL,
	`session_id` text NOT NULL,
	`correct` integer NOT NULL,
	`points` integer NOT NULL,
	`elapsed_ms` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `live_session`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `live_answer_session_idx` ON `live_answer` (`session_id`,`position`);--> statement-breakpoint
CREATE TABLE `live_event` (
	`session_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`audience` text NOT NULL,
	`about_user_id` text,
	`data` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`session_id`, `seq`),
	FOREIGN KEY (`session_id`) REFERENCES `live_session`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `live_player` (
	`session_id` text NOT NULL,
	`user_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`removed_at` integer,
	PRIMARY KEY(`session_id`, `user_id`),
	FOREIGN KEY (`session_id`) REFERENCES `live_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_player_name_idx` ON `live_player` (`session_id`,`name_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `live_player_attempt_idx` ON `live_player` (`attempt_id`);--> statement-breakpoint
CREATE INDEX `live_player_user_idx` ON `live_player` (`user_id`);--> statement-breakpoint
CREATE TABLE `live_question` (
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`question_id` text,
	`body` text NOT NULL,
	`fact_ids` text NOT NULL,
	PRIMARY KEY(`session_id`, `position`),
	FOREIGN KEY (`session_id`) REFERENCES `live_session`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `live_session` (
	`id` text PRIMARY KEY NOT NULL,
	`host_id` text NOT NULL,
	`set_id` text NOT NULL,
	`class_id` text,
	`pin` text,
	`phase` text DEFAULT 'lobby' NOT NULL,
	`current_index` integer DEFAULT -1 NOT NULL,
	`question_count` integer NOT NULL,
	`timer_seconds` integer,
	`leaderboard` integer DEFAULT false NOT NULL,
	`speed_bonus` integer DEFAULT false NOT NULL,
	`seed` integer NOT NULL,
	`opened_at` integer,
	`deadline` integer,
	`remaining_ms` integer,
	`paused_at` integer,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`host_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_id`) REFERENCES `question_set`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_id`) REFERENCES `class`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `live_session_pin_idx` ON `live_session` (`pin`);--> statement-breakpoint
CREATE INDEX `live_session_host_idx` ON `live_session` (`host_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `live_session_class_idx` ON `live_session` (`class_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `attempt` ADD `live_session_id` text;