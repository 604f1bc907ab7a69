// Upgrades keep data: a database built with an earlier schema and filled with progress keeps
// every row through the current migrations.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase, migrationsFolder } from './index';

interface Journal {
	entries: { tag: string }[];
}

const journal: Journal = JSON.parse(
	readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')
);

/** The earliest schema that holds learners' progress (attempts and answers). */
const FIRST_PROGRESS_SCHEMA = '0002_attempts';
/** The last schema before sources had owners and versions, entities a source each. */
const SHARED_ENTITY_SCHEMA = '0005_account_admin';

/** A migrations folder holding only the migrations up to and including `lastTag`. */
function migrationsUpTo(lastTag: string): string {
	const upTo = journal.entries.findIndex((e) => e.tag === lastTag);
	if (upTo === -1) throw new Error(`no migration ${lastTag}`);
	const folder = mkdtempSync(path.join(tmpdir(), 'factdeck-migrations-'));
	mkdirSync(path.join(folder, 'meta'));
	const entries = journal.entries.slice(0, upTo + 1);
	for (const e of entries) {
		copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
	}
	writeFileSync(
		path.join(folder, 'meta', '_journal.json'),
		JSON.stringify({ ...journal, entries })
	);
	return folder;
}

/** Progress as the old schema stores it, written with plain SQL (not today's code). */
function fillWithProgress(client: Database.Database) {
	client.exec(`
		insert into source (id, title, published_on, body, content_hash) values
			('s1', 'A source', '2023-03-21', 'Xi met Putin.', 'h');
		insert into entity (id, kind, name, aliases) values ('xi', 'person', 'Xi', '[]');
		insert into fact (id, source_id, position, predicate, subject_id, statement, quote, quote_start, quote_end)
			values ('f1', 's1', 0, 'met', 'xi', 'Xi met Putin.', 'Xi met Putin.', 0, 13);
		insert into user (id, username, username_key, password_hash, role, is_guest) values
			('t1', 'Teacher', 'teacher', '$argon2id$x', 'teacher', 0),
			('l1', 'Learner', 'learner', '$argon2id$y', 'learner', 0),
			('g1', null, null, null, 'learner', 1);
		insert into session (id, user_id, expires_at) values ('sess', 'l1', 4102444800000);
		insert into question_set (id, owner_id, source_id, title, status, origin) values
			('set1', 't1', 's1', 'Set', 'published', 'authored');
		insert into question (id, set_id, position, type, body) values
			('q1', 'set1', 0, 'true_false', '{"id":"q1","type":"true_false","prompt":"Xi met Putin.","explanation":"","answer":true}');
		insert into question_fact (question_id, fact_id) values ('q1', 'f1');
		insert into class (id, teacher_id, name, join_code) values ('c1', 't1', 'Class', 'ABCDEF');
		insert into class_member (class_id, user_id) values ('c1', 'l1');
		insert into class_assignment (class_id, set_id, due_on) values ('c1', 'set1', '2026-12-01');
		insert into attempt (id, user_id, set_id, seed, question_count, started_at, finished_at, score) values
			('a1', 'l1', 'set1', 7, 1, 1700000000000, 1700000060000, 1),
			('a2', 'g1', 'set1', 8, 1, 1700000100000, null, 0);
		insert into attempt_question (attempt_id, position, question_id, body, fact_ids) values
			('a1', 0, 'q1', '{"id":"q1","type":"true_false","prompt":"Xi met Putin.","explanation":"","answer":true}', '["f1"]'),
			('a2', 0, 'q1', '{"id":"q1","type":"true_false","prompt":"Xi met Putin.","explanation":"","answer":true}', '["f1"]');
		insert into answer (attempt_id, position, response, correct, reason, time_ms, answered_at) values
			('a1', 0, '{"type":"true_false","value":true}', 1, 'accepted: right choice', 4000, 1700000004000);
	`);
}

const progressTables = [
	'source',
	'entity',
	'fact',
	'user',
	'session',
	'question_set',
	'question',
	'question_fact',
	'class',
	'class_member',
	'class_assignment',
	'attempt',
	'attempt_question',
	'answer'
];

function snapshot(client: Database.Database) {
	return Object.fromEntries(
		progressTables.map((t) => [t, client.prepare(`select * from "${t}" order by rowid`).all()])
	);
}

describe('upgrades', () => {
	it('keep every row of progress from the first schema with progress to the current one', () => {
		const client = new Database(':memory:');
		client.pragma('foreign_keys = ON');
		const db = drizzle(client);
		migrateDatabase(db, migrationsUpTo(FIRST_PROGRESS_SCHEMA));
		fillWithProgress(client);
		const before = snapshot(client);

		// What start-up does: the current migrations folder, applied to the old database.
		migrateDatabase(db);

		const after = snapshot(client);
		for (const table of progressTables) {
			const rowsBefore = before[table] as Record<string, unknown>[];
			const rowsAfter = after[table] as Record<string, unknown>[];
			expect(rowsAfter, table).toHaveLength(rowsBefore.length);
			// Columns added later may appear; every old column keeps its value (a source's body
			// moved to source_version, below).
			rowsBefore.forEach((row, i) => {
				const { body: _body, ...rest } = row;
				expect(rowsAfter[i], table).toMatchObject(table === 'source' ? rest : row);
			});
		}
		// Scores from before partial credit: the right answer is worth 1, and so is the attempt.
		expect(client.prepare('select score from answer').all()).toEqual([{ score: 1 }]);
		expect(client.prepare('select id, points from attempt order by id').all()).toEqual([
			{ id: 'a1', points: 1 },
			{ id: 'a2', points: 0 }
		]);
		expect(client.prepare('select source_id, version, body from source_version').all()).toEqual([
			{ source_id: 's1', version: 1, body: 'Xi met Putin.' }
		]);
		expect(client.pragma('foreign_key_check')).toEqual([]);
		expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
		const applied = client.prepare('select count(*) as n from __drizzle_migrations').get() as {
			n: number;
		};
		expect(applied.n).toBe(journal.entries.length);
	});

	it('give each source its text as version 1 and its own entities, keeping cards and reviews', () => {
		const client = new Database(':memory:');
		client.pragma('foreign_keys = ON');
		const db = drizzle(client);
		migrateDatabase(db, migrationsUpTo(SHARED_ENTITY_SCHEMA));
		fillWithProgress(client);
		// A second source naming the same entity, an entity no fact names, and a learner's
		// flashcard memory of a fact: a table rebuild with foreign keys on would cascade it away.
		client.exec(`
			insert into source (id, title, published_on, body, content_hash) values
				('s2', 'Another', '2023-03-22', 'Xi left.', 'h2');
			insert into entity (id, kind, name, aliases) values ('kremlin', 'place', 'Kremlin', '[]');
			insert into fact (id, source_id, position, predicate, subject_id, statement, quote, quote_start, quote_end)
				values ('f2', 's2', 0, 'visited', 'xi', 'Xi left.', 'Xi left.', 0, 8);
			insert into card (id, kind, fact_id, direction, source_id, position) values
				('fact:f1:forward', 'fact', 'f1', 'forward', 's1', 0);
			insert into card_state (user_id, card_id, state, due, stability, difficulty, elapsed_days,
				scheduled_days, learning_steps, reps, lapses) values
				('l1', 'fact:f1:forward', 'review', 1700000000000, 3.2, 5.1, 0, 3, 0, 1, 0);
			insert into review_log (user_id, card_id, rating, state, due, stability, difficulty, elapsed_days,
				last_elapsed_days, scheduled_days, learning_steps, previous_due, time_ms, reviewed_at, origin) values
				('l1', 'fact:f1:forward', 3, 'new', 1700000000000, 0, 0, 0, 0, 0, 0, 1700000000000, 3000, 1700000000000, 'flashcard');
		`);
		const kept = ['card', 'card_state', 'review_log', 'fact', 'question_fact', 'answer'];
		const before = Object.fromEntries(
			kept.map((t) => [t, client.prepare(`select * from "${t}" order by rowid`).all()])
		);

		migrateDatabase(db);

		for (const table of kept) {
			const rows = client.prepare(`select * from "${table}" order by rowid`).all();
			expect(rows, table).toHaveLength((before[table] as unknown[]).length);
			(before[table] as Record<string, unknown>[]).forEach((row, i) =>
				expect(rows[i], table).toMatchObject(row)
			);
		}
		expect(
			client.prepare('select source_id, version, body from source_version order by source_id').all()
		).toEqual([
			{ source_id: 's1', version: 1, body: 'Xi met Putin.' },
			{ source_id: 's2', version: 1, body: 'Xi left.' }
		]);
		expect(
			client.prepare('select id, owner_id, version, content_hash from source order by id').all()
		).toEqual([
			{ id: 's1', owner_id: null, version: 1, content_hash: 'h' },
			{ id: 's2', owner_id: null, version: 1, content_hash: 'h2' }
		]);
		expect(
			client
				.prepare('select source_id, id, position from entity order by source_id, position')
				.all()
		).toEqual([
			{ source_id: 's1', id: 'xi', position: 0 },
			{ source_id: 's1', id: 'kremlin', position: 1 },
			{ source_id: 's2', id: 'xi', position: 0 },
			{ source_id: 's2', id: 'kremlin', position: 1 }
		]);
		expect(client.prepare('select count(*) as n from fact where anchored = 1').get()).toEqual({
			n: 2
		});
		expect(client.pragma('foreign_key_check')).toEqual([]);
		expect(client.pragma('integrity_check', { simple: true })).toBe('ok');
	});
});
