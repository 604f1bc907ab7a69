CREATE TABLE `page_version` (
	`scope` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `source_insert_counted` AFTER INSERT ON `source` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `source_update_counted` AFTER UPDATE ON `source` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `source_delete_counted` AFTER DELETE ON `source` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `source_version_insert_counted` AFTER INSERT ON `source_version` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `source_version_update_counted` AFTER UPDATE ON `source_version` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `source_version_delete_counted` AFTER DELETE ON `source_version` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `entity_insert_counted` AFTER INSERT ON `entity` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `entity_update_counted` AFTER UPDATE ON `entity` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `entity_delete_counted` AFTER DELETE ON `entity` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fact_insert_counted` AFTER INSERT ON `fact` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fact_update_counted` AFTER UPDATE ON `fact` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `fact_delete_counted` AFTER DELETE ON `fact` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_insert_counted` AFTER INSERT ON `suggestion` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_update_counted` AFTER UPDATE ON `suggestion` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `suggestion_delete_counted` AFTER DELETE ON `suggestion` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `user_update_counted` AFTER UPDATE ON `user` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `user_delete_counted` AFTER DELETE ON `user` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `site_settings_insert_counted` AFTER INSERT ON `site_settings` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `site_settings_update_counted` AFTER UPDATE ON `site_settings` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `site_settings_delete_counted` AFTER DELETE ON `site_settings` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `question_set_insert_counted` AFTER INSERT ON `question_set` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `question_set_update_counted` AFTER UPDATE ON `question_set` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `question_set_delete_counted` AFTER DELETE ON `question_set` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `question_insert_counted` AFTER INSERT ON `question` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `question_update_counted` AFTER UPDATE ON `question` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `question_delete_counted` AFTER DELETE ON `question` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `question_fact_insert_counted` AFTER INSERT ON `question_fact` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `question_fact_update_counted` AFTER UPDATE ON `question_fact` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `question_fact_delete_counted` AFTER DELETE ON `question_fact` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `class_insert_counted` AFTER INSERT ON `class` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `class_update_counted` AFTER UPDATE ON `class` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `class_delete_counted` AFTER DELETE ON `class` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `class_member_insert_counted` AFTER INSERT ON `class_member` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `class_member_update_counted` AFTER UPDATE ON `class_member` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `class_member_delete_counted` AFTER DELETE ON `class_member` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `class_assignment_insert_counted` AFTER INSERT ON `class_assignment` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `class_assignment_update_counted` AFTER UPDATE ON `class_assignment` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `class_assignment_delete_counted` AFTER DELETE ON `class_assignment` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `attempt_insert_counted` AFTER INSERT ON `attempt` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `attempt_update_counted` AFTER UPDATE ON `attempt` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `attempt_delete_counted` AFTER DELETE ON `attempt` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || old.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `attempt_question_insert_counted` AFTER INSERT ON `attempt_question` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || (select user_id from attempt where id = new.attempt_id) as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `attempt_question_update_counted` AFTER UPDATE ON `attempt_question` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || (select user_id from attempt where id = new.attempt_id) as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `attempt_question_delete_counted` AFTER DELETE ON `attempt_question` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || (select user_id from attempt where id = old.attempt_id) as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `answer_insert_counted` AFTER INSERT ON `answer` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || (select user_id from attempt where id = new.attempt_id) as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `answer_update_counted` AFTER UPDATE ON `answer` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || (select user_id from attempt where id = new.attempt_id) as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `answer_delete_counted` AFTER DELETE ON `answer` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || (select user_id from attempt where id = old.attempt_id) as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `card_insert_counted` AFTER INSERT ON `card` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `card_update_counted` AFTER UPDATE ON `card` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `card_delete_counted` AFTER DELETE ON `card` BEGIN insert into page_version (scope, n) select s, 1 from (select 'content' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `card_state_insert_counted` AFTER INSERT ON `card_state` BEGIN insert into page_version (scope, n) select s, 1 from (select 'cards:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `card_state_update_counted` AFTER UPDATE ON `card_state` BEGIN insert into page_version (scope, n) select s, 1 from (select 'cards:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `card_state_delete_counted` AFTER DELETE ON `card_state` BEGIN insert into page_version (scope, n) select s, 1 from (select 'cards:' || old.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `review_log_insert_counted` AFTER INSERT ON `review_log` BEGIN insert into page_version (scope, n) select s, 1 from (select 'cards:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `review_log_update_counted` AFTER UPDATE ON `review_log` BEGIN insert into page_version (scope, n) select s, 1 from (select 'cards:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `review_log_delete_counted` AFTER DELETE ON `review_log` BEGIN insert into page_version (scope, n) select s, 1 from (select 'cards:' || old.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `learner_settings_insert_counted` AFTER INSERT ON `learner_settings` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; insert into page_version (scope, n) select s, 1 from (select 'cards:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `learner_settings_update_counted` AFTER UPDATE ON `learner_settings` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; insert into page_version (scope, n) select s, 1 from (select 'cards:' || new.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `learner_settings_delete_counted` AFTER DELETE ON `learner_settings` BEGIN insert into page_version (scope, n) select s, 1 from (select 'quiz:' || old.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; insert into page_version (scope, n) select s, 1 from (select 'cards:' || old.user_id as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_session_insert_counted` AFTER INSERT ON `live_session` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_session_update_counted` AFTER UPDATE ON `live_session` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_session_delete_counted` AFTER DELETE ON `live_session` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_question_insert_counted` AFTER INSERT ON `live_question` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_question_update_counted` AFTER UPDATE ON `live_question` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_question_delete_counted` AFTER DELETE ON `live_question` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_player_insert_counted` AFTER INSERT ON `live_player` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_player_update_counted` AFTER UPDATE ON `live_player` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_player_delete_counted` AFTER DELETE ON `live_player` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_answer_insert_counted` AFTER INSERT ON `live_answer` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_answer_update_counted` AFTER UPDATE ON `live_answer` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_answer_delete_counted` AFTER DELETE ON `live_answer` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_event_insert_counted` AFTER INSERT ON `live_event` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_event_update_counted` AFTER UPDATE ON `live_event` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
--> statement-breakpoint
CREATE TRIGGER `live_event_delete_counted` AFTER DELETE ON `live_event` BEGIN insert into page_version (scope, n) select s, 1 from (select 'live' as s) where s is not null on conflict (scope) do update set n = n + 1; END;
