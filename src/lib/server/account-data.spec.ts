import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { factCardId } from '../domain/card-faces';
import { defaultSettings } from '../domain/scheduling';
import type { MultipleChoiceQuestion } from '../domain/question';
import {
	CONFIRM_OWNED,
	deleteAccount,
	deletionSummary,
	exportAccountData,
	exportedColumns,
	LAST_ADMIN
} from './account-data';
import { createSession } from './auth';
import { classReport } from './class-report';
import { assignSet, createClass, joinClass, removeLearner } from './classes';
import type { Db } from './db';
import { loadFactBase } from './db/content';
import { gradeCard, saveSettings, syncFactCards } from './flashcards';
import { finishAttempt, startAttempt, submitAnswer } from './quiz';
import { createLiveSession, joinSession } from './live-sessions';
import { issueResetCodeAsTeacher } from './reset-codes';
import { setRole } from './admin';
import { addQuestion, createSet, publishSet } from './teacher-sets';
import { createSource } from './teacher-sources';
import { testAccount } from './testing/accounts';
import { createTestDb } from './testing/test-db';

const client = { address: '203.0.113.7', browser: 'laptop' };
const base = factBases[0]!;
const mc: MultipleChoiceQuestion = {
	id: 'capital',
	type: 'multiple_choice',
	prompt: 'Which city did Xi Jinping visit?',
	choices: [
		{ id: 'moscow', text: 'Moscow' },
		{ id: 'kyiv', text: 'Kyiv' }
	],
	correctChoiceId: 'moscow',
	explanation: '',
	provenance: { sourceId: base.source.id, factIds: ['putin-escorted-xi'], quote: 'q' }
};

let db: Db;
let admin: { id: string; username: string };
let teacher: { id: string; username: string };
let learner: { id: string; username: string };
let classmate: { id: string; username: string };
let classId: string;
let setId: string;
let sourceId: string;

const make = (username: string, role?: 'learner' | 'teacher') => testAccount(db, username, role);

function takeQuiz(userId: string) {
	const started = startAttempt(db, userId, setId, 1, new Date('2026-05-01T10:00:00Z'));
	if (!started.ok) throw new Error(started.message);
	submitAnswer(db, userId, started.attemptId, 0, () => ({
		ok: true,
		response: { type: 'multiple_choice', choiceId: 'moscow' }
	}));
	finishAttempt(db, userId, started.attemptId);
	return started.attemptId;
}

/** Something in every table that stores something about a person, for two people. */
beforeEach(async () => {
	db = createTestDb();
	loadFactBase(db, base);
	syncFactCards(db, base.source.id);
	admin = await make('head');
	teacher = await make('ms_lee', 'teacher');
	learner = await make('pupil');
	classmate = await make('other_pupil');
	const made = createClass(db, teacher.id, 'Year 9');
	classId = made.id;
	setId = createSet(db, teacher.id, { title: 'Moscow', description: '', tags: [] });
	sourceId = createSource(
		db,
		teacher.id,
		{ title: 'Our trip', publishedOn: '2026-04-30', author: 'Ms Lee', url: '' },
		'Science teacher Amy Lee took Year 9 to the Science Museum on Monday. "It was the best trip of the year," Lee said. The museum holds the Apollo 10 capsule.'
	).id;
	addQuestion(db, teacher.id, setId, mc);
	publishSet(db, teacher.id, setId);
	assignSet(db, teacher.id, classId, setId, null);
	for (const who of [learner, classmate]) {
		joinClass(db, who.id, made.joinCode);
		takeQuiz(who.id);
		gradeCard(db, who.id, factCardId('xi-role'), 3, new Date('2026-05-01T11:00:00Z'), 1000);
		createSession(db, `${who.username}-token`, who.id, new Date(), 'Firefox on Linux');
	}
	saveSettings(db, learner.id, { ...defaultSettings, timeZone: 'Europe/Paris', newPerDay: 7 });
	issueResetCodeAsTeacher(db, teacher, classId, learner.id);
	setRole(db, admin, classmate.id, 'teacher');
	setRole(db, admin, classmate.id, 'learner');
});

/** A live session the teacher hosts and the learner plays (an attempt of its own). */
function playLive() {
	const live = createLiveSession(db, teacher.id, {
		setId,
		count: 1,
		types: ['multiple_choice'],
		timer: false,
		timerSeconds: 30,
		leaderboard: false,
		speedBonus: false,
		classId
	});
	if (!live.ok) throw new Error(live.message);
	joinSession(db, live.id, { id: learner.id, username: learner.username }, 'Pupil');
}

/** Every column of the database that points at a person: by foreign key, or named user_id. */
function personColumns(): string[] {
	const client = db.$client;
	const tables = (
		client
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'"
			)
			.all() as { name: string }[]
	).map((t) => t.name);
	const found = new Set<string>(['user.id']);
	for (const table of tables) {
		for (const fk of client.prepare(`pragma foreign_key_list("${table}")`).all() as {
			table: string;
			from: string;
		}[]) {
			if (fk.table === 'user') found.add(`${table}.${fk.from}`);
		}
		for (const column of client.prepare(`pragma table_info("${table}")`).all() as {
			name: string;
		}[]) {
			if (column.name === 'user_id') found.add(`${table}.${column.name}`);
		}
	}
	return [...found].sort();
}

function rowsFor(column: string, userId: string): number {
	const [table, col] = column.split('.') as [string, string];
	return (
		db.$client.prepare(`select count(*) as n from "${table}" where "${col}" = ?`).get(userId) as {
			n: number;
		}
	).n;
}

describe('the data export', () => {
	it('has a section for every column that points at a person, with all of their rows', () => {
		playLive();
		// A new table with a user_id (or any reference to a user) fails here until it is exported.
		expect(personColumns()).toEqual(Object.keys(exportedColumns).sort());
		for (const who of [learner, teacher, classmate]) {
			const data = exportAccountData(db, who.id)!;
			for (const [column, section] of Object.entries(exportedColumns)) {
				const value = data[section];
				const exported = Array.isArray(value) ? value.length : value ? 1 : 0;
				expect(exported, `${who.username}: ${column} → ${section}`).toBe(rowsFor(column, who.id));
			}
		}
		// The fixture really fills them: a section that is always empty proves nothing.
		const filled = new Set<string>();
		for (const who of [learner, teacher, classmate, admin]) {
			for (const column of Object.keys(exportedColumns)) {
				if (rowsFor(column, who.id) > 0) filled.add(column);
			}
		}
		expect([...filled].sort()).toEqual(Object.keys(exportedColumns).sort());
	});

	it('holds a teacher’s sources: every version of the text, the fact base and the suggestions', () => {
		const data = exportAccountData(db, teacher.id)!;
		expect(data.sources).toEqual([
			expect.objectContaining({
				id: sourceId,
				title: 'Our trip',
				author: 'Ms Lee',
				versions: [
					expect.objectContaining({ version: 1, body: expect.stringContaining('Apollo 10') })
				],
				factBase: expect.objectContaining({
					version: 1,
					source: expect.objectContaining({ id: sourceId, author: 'Ms Lee' }),
					facts: []
				})
			})
		]);
		expect(data.sources[0]!.suggestions.length).toBeGreaterThan(0);
		expect(data.sources[0]!.suggestions.every((x) => x.status === 'pending')).toBe(true);
	});

	it('holds the learner’s profile, classes, attempts with answers, cards, reviews and settings', () => {
		const data = exportAccountData(db, learner.id, new Date('2026-05-02T00:00:00Z'))!;
		expect(data).toMatchObject({
			format: 'factdeck-account-data',
			version: 1,
			exportedAt: '2026-05-02T00:00:00.000Z',
			account: { username: 'pupil', role: 'learner' },
			settings: { timeZone: 'Europe/Paris', newPerDay: 7, dayStartHour: 4 },
			classMemberships: [{ className: 'Year 9', teacher: 'ms_lee' }],
			sessions: [{ device: 'Firefox on Linux' }],
			resetCodes: [{ issuedBy: 'ms_lee', usedAt: null }]
		});
		expect(data.attempts).toHaveLength(1);
		expect(data.attempts[0]).toMatchObject({ setTitle: 'Moscow', score: 1 });
		expect(data.attempts[0]!.answers).toEqual([
			expect.objectContaining({
				position: 0,
				correct: true,
				response: { type: 'multiple_choice', choiceId: 'moscow' }
			})
		]);
		expect(data.cardStates.map((c) => c.cardId)).toContain(factCardId('xi-role'));
		expect(data.reviewLogs.length).toBeGreaterThanOrEqual(2); // the quiz answer and the grade
		expect(data.auditAboutYou).toEqual([
			expect.objectContaining({ by: 'ms_lee', action: 'reset-code', account: 'pupil' })
		]);
		// Secrets stay out: no password hash, session id or reset code hash.
		const text = JSON.stringify(data);
		expect(text).not.toContain('$argon2id$');
		expect(text).not.toMatch(/[0-9a-f]{64}/);
	});

	it('gives a teacher their sets with questions and their classes without learners’ names', () => {
		const data = exportAccountData(db, teacher.id)!;
		expect(data.questionSets).toEqual([
			expect.objectContaining({
				title: 'Moscow',
				questions: [expect.objectContaining({ type: 'multiple_choice' })]
			})
		]);
		expect(data.classesTaught).toEqual([expect.objectContaining({ name: 'Year 9', learners: 2 })]);
		expect(JSON.stringify(data.classesTaught)).not.toContain('pupil');
		expect(data.resetCodesIssued).toEqual([expect.objectContaining({ for: 'pupil' })]);
	});
});

it('withholds the answer key of the questions of an unfinished attempt still to answer', () => {
	const started = startAttempt(db, learner.id, setId, 7);
	if (!started.ok) throw new Error(started.message);
	const data = exportAccountData(db, learner.id)!;
	const open = data.attempts.find((a) => a.id === started.attemptId)!;
	expect(open.questions).toEqual([
		{
			position: 0,
			questionId: expect.any(String),
			unanswered: true,
			question: expect.objectContaining({ type: 'multiple_choice', prompt: mc.prompt })
		}
	]);
	expect(JSON.stringify(open)).not.toContain('correctChoiceId');
	// A finished attempt shows the questions whole, as its result page does.
	const finished = data.attempts.find((a) => a.finishedAt)!;
	expect(JSON.stringify(finished.questions)).toContain('correctChoiceId');
});

describe('deleting an account', () => {
	it('needs the right password, and a wrong one changes nothing', async () => {
		const result = await deleteAccount(db, learner.id, 'not-my-password', false, client);
		expect(result).toMatchObject({ ok: false, status: 400, field: 'password' });
		expect(rowsFor('user.id', learner.id)).toBe(1);
		expect(rowsFor('attempt.user_id', learner.id)).toBe(1);
	});

	it('removes the learner and everything theirs; class reports no longer show them', async () => {
		expect(classReport(db, teacher.id, classId)!.learnerCount).toBe(2);
		expect(await deleteAccount(db, learner.id, 'pupil-secret-pw', false, client)).toEqual({
			ok: true
		});
		for (const column of Object.keys(exportedColumns)) {
			expect(rowsFor(column, learner.id), column).toBe(0);
		}
		const report = classReport(db, teacher.id, classId)!;
		expect(report.learnerCount).toBe(1);
		expect(JSON.stringify(report)).not.toContain('"pupil"');
		expect(report.sets[0]!.learners.map((l) => l.username)).toEqual(['other_pupil']);
		// Everyone else is as they were.
		expect(rowsFor('attempt.user_id', classmate.id)).toBe(1);
		expect(rowsFor('question_set.owner_id', teacher.id)).toBe(1);
		// The audit log keeps what the teacher did, without the link to the deleted account.
		expect(
			db.$client
				.prepare("select target_id, target_name from audit_log where action = 'reset-code'")
				.get()
		).toEqual({ target_id: null, target_name: 'pupil' });
	});

	it('tells a teacher what goes with their account and needs them to confirm it', async () => {
		const summary = deletionSummary(db, teacher.id);
		expect(summary.ownedSets).toEqual([
			expect.objectContaining({ title: 'Moscow', othersAttempts: 2 })
		]);
		expect(summary.ownedClasses).toEqual([
			expect.objectContaining({ name: 'Year 9', learners: 2 })
		]);
		expect(summary.ownedSources).toEqual([{ id: sourceId, title: 'Our trip' }]);
		expect(await deleteAccount(db, teacher.id, 'ms_lee-secret-pw', false, client)).toEqual({
			ok: false,
			status: 400,
			field: 'confirm',
			message: CONFIRM_OWNED
		});
		expect(rowsFor('class.teacher_id', teacher.id)).toBe(1);
		expect(await deleteAccount(db, teacher.id, 'ms_lee-secret-pw', true, client)).toEqual({
			ok: true
		});
		// The sets and classes went, with the attempts at the sets; the learners stay.
		expect(rowsFor('class.teacher_id', teacher.id)).toBe(0);
		expect(rowsFor('question_set.owner_id', teacher.id)).toBe(0);
		// Their sources too, with every version of the text and every suggestion.
		expect(rowsFor('source.owner_id', teacher.id)).toBe(0);
		for (const table of ['source_version', 'entity', 'fact', 'suggestion']) {
			expect(rowsFor(`${table}.source_id`, sourceId), table).toBe(0);
		}
		expect(rowsFor('user.id', learner.id)).toBe(1);
		expect(rowsFor('attempt.user_id', learner.id)).toBe(0);
		expect(rowsFor('class_member.user_id', learner.id)).toBe(0);
		expect(rowsFor('card_state.user_id', learner.id)).toBeGreaterThan(0);
	});

	it('refuses to delete the only administrator', async () => {
		expect(await deleteAccount(db, admin.id, 'head-secret-pw', true, client)).toEqual({
			ok: false,
			status: 409,
			field: 'form',
			message: LAST_ADMIN
		});
		setRole(db, admin, teacher.id, 'admin');
		expect(await deleteAccount(db, admin.id, 'head-secret-pw', true, client)).toEqual({ ok: true });
	});

	it('keeps the teacher’s audit of removing someone who later leaves', async () => {
		removeLearner(db, teacher, classId, classmate.id);
		expect(await deleteAccount(db, classmate.id, 'other_pupil-secret-pw', false, client)).toEqual({
			ok: true
		});
		expect(
			db.$client
				.prepare("select target_name, detail from audit_log where action = 'remove-from-class'")
				.get()
		).toEqual({ target_name: 'other_pupil', detail: 'from class Year 9' });
	});
});
