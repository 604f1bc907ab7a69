ALTER TABLE `learner_settings` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `learner_settings` ADD `day_start_hour` integer DEFAULT 4 NOT NULL;