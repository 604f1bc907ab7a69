// What a kept page (page-cache.ts) depends on, counted in the database itself: triggers on every
// table bump a counter in page_version for the part of the data the row belongs to. A learner's
// answer moves only that learner's quiz count, so the rest of the class keeps their kept pages
// while they all answer, and a flashcard review leaves the quiz pages; a teacher's edit moves
// 'content', which every page depends on. Triggers see every write, whichever code (or the admin
// command) makes it, so no write path can forget one. The triggers are SQL in
// drizzle/0009_page_versions.sql, written by pageVersionTriggers() below (a test keeps the two
// the same).
import type { Db } from './index';

/** How a table's writes are counted. */
type Counting =
	/** Texts, sets, classes, accounts: anything a page of anyone may show. */
	| { scope: 'content' }
	/** Live sessions: shown by the class report. */
	| { scope: 'live' }
	/**
	 * One learner's own rows, counted per part of the app they belong to (a report of quizzes
	 * does not change with flashcard reviews): the SQL expression naming the learner, given
	 * the row as `r`.
	 */
	| { scope: 'user'; parts: LearnerPart[]; userOf: string }
	/** Not shown by any kept page: the session (the viewer is in the page's key), logs. */
	| { scope: 'none'; why: string };

/** The parts of a learner's own rows: quiz attempts and answers, flashcard reviews. */
export type LearnerPart = 'quiz' | 'cards';

const content = { scope: 'content' } as const;
const live = { scope: 'live' } as const;
const quiz: Counting = { scope: 'user', parts: ['quiz'], userOf: 'r.user_id' };
const ofAttempt: Counting = {
	scope: 'user',
	parts: ['quiz'],
	userOf: '(select user_id from attempt where id = r.attempt_id)'
};
const cards: Counting = { scope: 'user', parts: ['cards'], userOf: 'r.user_id' };

/** Every table of the schema, and how its writes are counted. */
export const tableCounting: Record<string, Counting> = {
	source: content,
	source_version: content,
	entity: content,
	fact: content,
	suggestion: content,
	user: content,
	session: { scope: 'none', why: 'a kept page is kept per viewer; sign-in and sign-out change it' },
	reset_code: { scope: 'none', why: 'shown on no kept page' },
	audit_log: { scope: 'none', why: 'shown on no kept page' },
	site_settings: content,
	question_set: content,
	question: content,
	question_fact: content,
	class: content,
	class_member: content,
	class_assignment: content,
	attempt: quiz,
	attempt_question: ofAttempt,
	answer: ofAttempt,
	card: content,
	card_state: cards,
	review_log: cards,
	// A learner's time zone and day: how both parts show dates and what is due.
	learner_settings: { scope: 'user', parts: ['quiz', 'cards'], userOf: 'r.user_id' },
	live_session: live,
	live_question: live,
	live_player: live,
	live_answer: live,
	live_event: live,
	page_version: { scope: 'none', why: 'the counts themselves' }
};

/**
 * A user row's insert is not counted: a new account or guest is on no page until it joins a
 * class or writes something of its own, and a class of guests arriving would otherwise render
 * every page again for each.
 */
const uncountedInserts = new Set(['user']);

/** Counts one write in scope; none when the scope is null (a row whose attempt is gone). */
const bump = (scope: string) =>
	`insert into page_version (scope, n) select s, 1 from (select ${scope} as s) where s is not null on conflict (scope) do update set n = n + 1;`;

/** The CREATE TRIGGER statements that keep page_version, for the migration. */
export function pageVersionTriggers(): string[] {
	const statements: string[] = [];
	for (const [table, counting] of Object.entries(tableCounting)) {
		if (counting.scope === 'none') continue;
		for (const [event, row] of [
			['insert', 'new'],
			['update', 'new'],
			['delete', 'old']
		] as const) {
			if (event === 'insert' && uncountedInserts.has(table)) continue;
			const scopes =
				counting.scope === 'user'
					? counting.parts.map(
							(part) => `'${part}:' || ${counting.userOf.replaceAll('r.', `${row}.`)}`
						)
					: [`'${counting.scope}'`];
			// An update that moves a learner's row to another learner (none does) would count
			// only the new one; deletes count the old.
			statements.push(
				`CREATE TRIGGER \`${table}_${event}_counted\` AFTER ${event.toUpperCase()} ON \`${table}\` BEGIN ${scopes.map(bump).join(' ')} END;`
			);
		}
	}
	return statements;
}

const reads = new WeakMap<Db, { count: (scope: string) => number; version: () => number }>();

function readsOf(db: Db) {
	let s = reads.get(db);
	if (!s) {
		const count = db.$client
			.prepare('select coalesce((select n from page_version where scope = ?), 0)')
			.pluck();
		const version = db.$client.prepare('pragma data_version').pluck();
		s = {
			count: (scope) => count.get(scope) as number,
			version: () => version.get() as number
		};
		reads.set(db, s);
	}
	return s;
}

/**
 * The version of what every page shows: the content count, and SQLite's data_version, which
 * moves when another connection (the admin command, a restore) commits, whose writes this
 * process cannot tell apart.
 */
export function contentVersion(db: Db): string {
	const s = readsOf(db);
	return `${s.version()}:${s.count('content')}`;
}

/** The version of one part of a learner's own rows (quiz: attempts and answers; cards: reviews). */
export function learnerVersion(db: Db, userId: string, part: LearnerPart): number {
	return readsOf(db).count(`${part}:${userId}`);
}

/** The version of live sessions' rows. */
export function liveVersion(db: Db): number {
	return readsOf(db).count('live');
}

const classStatements = new WeakMap<Db, (classId: string) => number>();

/** The sum of a class's learners' quiz counts: it moves when any of them answers. */
export function classLearnersVersion(db: Db, classId: string): number {
	let read = classStatements.get(db);
	if (!read) {
		const statement = db.$client
			.prepare(
				`select coalesce(sum(v.n), 0) from class_member m
				 join page_version v on v.scope = 'quiz:' || m.user_id where m.class_id = ?`
			)
			.pluck();
		read = (classId) => statement.get(classId) as number;
		classStatements.set(db, read);
	}
	return read(classId);
}
