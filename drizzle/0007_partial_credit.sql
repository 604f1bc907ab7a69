ALTER TABLE `answer` ADD `score` real;--> statement-breakpoint
ALTER TABLE `attempt` ADD `points` real DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Answers and attempts from before partial credit keep their meaning: right is 1, wrong is 0.
UPDATE `answer` SET `score` = CASE WHEN `correct` THEN 1 ELSE 0 END;--> statement-breakpoint
UPDATE `attempt` SET `points` = `score`;
