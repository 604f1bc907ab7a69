import { readFileSync } from 'node:fs';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from './index';
import {
	classLearnersVersion,
	contentVersion,
	liveVersion,
	pageVersionTriggers,
	tableCounting,
	learnerVersion
} from './page-versions';
import * as schema from './schema';

function fresh() {
	const db = openDatabase(':memory:');
	migrateDatabase(db);
	const run = (sql: string) => db.$client.exec(sql);
	run(`insert into user (id, username, username_key) values ('ann', 'ann', 'ann'), ('bo', 'bo', 'bo'), ('t', 't', 't');
		insert into question_set (id, title, origin) values ('s1', 'Set', 'manual');
		insert into class (id, teacher_id, name, join_code) values ('c1', 't', 'Class', 'JOIN1');
		insert into class_member (class_id, user_id) values ('c1', 'ann');
		insert into attempt (id, user_id, set_id, seed, question_count, started_at) values
			('a-ann', 'ann', 's1', 1, 1, 0), ('a-bo', 'bo', 's1', 1, 1, 0);`);
	return { db, run };
}

const answerOf = (attemptId: string) =>
	`insert into answer (attempt_id, position, response, correct, reason, time_ms, answered_at)
	 values ('${attemptId}', 0, '{}', 1, 'right', 10, 0)`;

describe('page versions', () => {
	it('count every table of the schema, and the migration holds the triggers as written', () => {
		const tables = (Object.values(schema) as unknown[])
			.filter((t): t is SQLiteTable => is(t, SQLiteTable))
			.map((t) => getTableConfig(t).name)
			.sort();
		expect(Object.keys(tableCounting).sort()).toEqual(tables);
		const migration = readFileSync('drizzle/0009_page_versions.sql', 'utf8');
		for (const trigger of pageVersionTriggers()) expect(migration).toContain(trigger);
	});

	it("move a learner's own count with their answers, and leave the others' and the content's", () => {
		const { db, run } = fresh();
		const content = contentVersion(db);
		const ann = learnerVersion(db, 'ann', 'quiz');
		const bo = learnerVersion(db, 'bo', 'quiz');
		run(answerOf('a-bo'));
		expect(learnerVersion(db, 'bo', 'quiz')).toBeGreaterThan(bo);
		expect(learnerVersion(db, 'ann', 'quiz')).toBe(ann);
		expect(contentVersion(db)).toBe(content);
		run(answerOf('a-ann'));
		expect(learnerVersion(db, 'ann', 'quiz')).toBeGreaterThan(ann);
		// A flashcard review is another part: the quiz pages stay as they were.
		const annQuiz = learnerVersion(db, 'ann', 'quiz');
		const annCards = learnerVersion(db, 'ann', 'cards');
		// (A card is content: every learner's deck shows it.)
		run(`insert into card (id, kind, position) values ('k1', 'fact', 0);
			insert into card_state (user_id, card_id, state, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses)
			values ('ann', 'k1', 'new', 0, 0, 0, 0, 0, 0, 0, 0)`);
		expect(learnerVersion(db, 'ann', 'cards')).toBeGreaterThan(annCards);
		expect(learnerVersion(db, 'ann', 'quiz')).toBe(annQuiz);
		// Deleting an attempt deletes its answers in cascade: counted, never failing.
		const withCard = contentVersion(db);
		run(`delete from attempt where id = 'a-ann'`);
		expect(contentVersion(db)).toBe(withCard);
	});

	it('move the content with a set, a class, a name; not with a new guest or a session', () => {
		const { db, run } = fresh();
		let content = contentVersion(db);
		const moved = () => {
			const now = contentVersion(db);
			const changed = now !== content;
			content = now;
			return changed;
		};
		run(`insert into user (id, is_guest) values ('g', 1)`);
		run(`insert into session (id, user_id, expires_at) values ('sess', 'ann', 0)`);
		run(`update session set last_seen_at = 1 where id = 'sess'`);
		expect(moved()).toBe(false);
		run(`update question_set set title = 'New' where id = 's1'`);
		expect(moved()).toBe(true);
		run(`insert into class_assignment (class_id, set_id) values ('c1', 's1')`);
		expect(moved()).toBe(true);
		run(`update user set username = 'Ann' where id = 'ann'`);
		expect(moved()).toBe(true);
	});

	it("move a class's count with its learners' answers, not with others' or with reviews", () => {
		const { db, run } = fresh();
		const before = classLearnersVersion(db, 'c1');
		run(answerOf('a-bo'));
		expect(classLearnersVersion(db, 'c1')).toBe(before);
		run(answerOf('a-ann'));
		expect(classLearnersVersion(db, 'c1')).toBeGreaterThan(before);
		const live = liveVersion(db);
		run(
			`insert into live_session (id, host_id, set_id, question_count, seed) values ('l1', 't', 's1', 1, 1)`
		);
		expect(liveVersion(db)).toBeGreaterThan(live);
	});
});
