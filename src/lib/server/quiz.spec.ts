import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { questionTypes, type Question } from '../domain/question';
import { createGuest } from './accounts';
import { loadFactBase } from './db/content';
import { answer, attempt, attemptQuestion } from './db/schema';
import type { Db } from './db';
import { bankSetId, syncGeneratedSet } from './question-sets';
import { attemptQuestions, finishAttempt, queueAnswer, startAttempt, submitAnswer } from './quiz';
import { parseResponseForm } from './quiz-form';
import { createTestDb } from './testing/test-db';

const base = factBases[0]!;
const setId = bankSetId(base.source.id);
let db: Db;
let learner: string;

beforeEach(() => {
	db = createTestDb();
	loadFactBase(db, base);
	syncGeneratedSet(db, base);
	learner = createGuest(db);
});

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) data.append(k, x);
	return data;
}

function questionsOf(attemptId: string): Question[] {
	return db
		.select({ body: attemptQuestion.body })
		.from(attemptQuestion)
		.where(eq(attemptQuestion.attemptId, attemptId))
		.orderBy(attemptQuestion.position)
		.all()
		.map((r) => r.body as Question);
}

describe('generated sets', () => {
	it('keep their question ids when synced again, and write nothing when unchanged', () => {
		expect(syncGeneratedSet(db, base)).toBe('unchanged');
	});
});

describe('attempts', () => {
	it('are fixed by their seed: the same seed asks the same questions with the same choices', () => {
		const a = startAttempt(db, learner, setId, 42);
		const b = startAttempt(db, learner, setId, 42);
		const c = startAttempt(db, learner, setId, 43);
		if (!a.ok || !b.ok || !c.ok) throw new Error('not started');
		expect(questionsOf(a.attemptId)).toEqual(questionsOf(b.attemptId));
		expect(questionsOf(a.attemptId)).not.toEqual(questionsOf(c.attemptId));
		expect(questionsOf(a.attemptId)).toHaveLength(12);
		// Twelve questions take every type in turn.
		expect(new Set(questionsOf(a.attemptId).map((q) => q.type)).size).toBe(questionTypes.length);
	});

	it('refuse a set that does not exist', () => {
		expect(startAttempt(db, learner, 'no-such-set', 1)).toEqual({
			ok: false,
			message: 'No set has that id.'
		});
	});
});

describe('answers', () => {
	it('are graded on the server, recorded once, and counted in the score', () => {
		const started = startAttempt(db, learner, setId, 7);
		if (!started.ok) throw new Error('not started');
		const questions = questionsOf(started.attemptId);
		const mcIndex = questions.findIndex((q) => q.type === 'multiple_choice');
		const mc = questions[mcIndex]!;
		if (mc.type !== 'multiple_choice') throw new Error('no multiple choice question');
		const right = form({ choice: mc.correctChoiceId });
		const first = submitAnswer(db, learner, started.attemptId, mcIndex, (q) =>
			parseResponseForm(q, right)
		);
		expect(first).toMatchObject({ ok: true, duplicate: false, grade: { correct: true } });
		const wrongChoice = mc.choices.find((c) => c.id !== mc.correctChoiceId)!.id;
		const again = submitAnswer(db, learner, started.attemptId, mcIndex, (q) =>
			parseResponseForm(q, form({ choice: wrongChoice }))
		);
		expect(again).toMatchObject({ ok: true, duplicate: true, grade: { correct: true } });
		expect(db.select().from(answer).all()).toHaveLength(1);
		expect(db.select().from(attempt).get()!.score).toBe(1);
		// Once answered, the page may show the key for that question only.
		const views = attemptQuestions(db, started.attemptId, 7);
		expect(views[mcIndex]!.answered?.correct).toBe(true);
		expect(views.filter((v) => v.answered).length).toBe(1);
	});

	it('refuse tampered submissions and record nothing', () => {
		const started = startAttempt(db, learner, setId, 7);
		const other = createGuest(db);
		if (!started.ok) throw new Error('not started');
		const anything = () => ({
			ok: true as const,
			response: { type: 'short_answer' as const, text: 'x' }
		});
		expect(submitAnswer(db, other, started.attemptId, 0, anything)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(submitAnswer(db, learner, started.attemptId, 99, anything)).toMatchObject({
			ok: false,
			status: 400
		});
		const questions = questionsOf(started.attemptId);
		for (const [position, q] of questions.entries()) {
			const tampered = form({ choice: 'forged', match: ['forged'], order: ['forged'] });
			const result = submitAnswer(db, learner, started.attemptId, position, (qq) =>
				parseResponseForm(qq, tampered)
			);
			// Typed questions get no text field here, which is refused too.
			expect(result, q.type).toMatchObject({ ok: false, status: 400 });
		}
		expect(db.select().from(answer).all()).toHaveLength(0);
		finishAttempt(db, learner, started.attemptId);
		expect(submitAnswer(db, learner, started.attemptId, 0, anything)).toMatchObject({
			ok: false,
			status: 409
		});
	});
});

describe('queued answers (group commit)', () => {
	const typed = (text: string) => () => ({
		ok: true as const,
		response: { type: 'short_answer' as const, text }
	});

	function started() {
		const result = startAttempt(db, learner, setId, 7);
		if (!result.ok) throw new Error('not started');
		return result.attemptId;
	}

	it('writes the answers of one turn in one transaction, each as submitAnswer would', async () => {
		const attemptId = started();
		const questions = questionsOf(attemptId);
		const commits = db.$client.prepare('select count(*) as n from answer');
		const pending = questions.map((q, position) =>
			queueAnswer(db, learner, attemptId, position, (qq) => parseResponseForm(qq, form(formFor(q))))
		);
		// Nothing is written until the turn ends, and then all of it at once.
		expect(commits.get()).toEqual({ n: 0 });
		const results = await Promise.all(pending);
		expect(results.every((r) => r.ok && !r.duplicate)).toBe(true);
		expect(db.select().from(answer).all()).toHaveLength(questions.length);
	});

	it('keeps the first of two answers to one question in the same batch', async () => {
		const attemptId = started();
		const [first, second] = await Promise.all([
			queueAnswer(db, learner, attemptId, 0, typed('one')),
			queueAnswer(db, learner, attemptId, 0, typed('two'))
		]);
		expect(first).toMatchObject({ ok: true, duplicate: false });
		expect(second).toMatchObject({ ok: true, duplicate: true });
		expect(db.select().from(answer).all()).toHaveLength(1);
	});

	it('refuses a bad answer without taking the others of its batch back', async () => {
		const attemptId = started();
		const other = createGuest(db);
		const results = await Promise.allSettled([
			queueAnswer(db, learner, attemptId, 0, typed('kept')),
			queueAnswer(db, other, attemptId, 1, typed('not yours')),
			queueAnswer(db, learner, attemptId, 2, () => {
				throw new Error('a bug while reading the form');
			}),
			queueAnswer(db, learner, attemptId, 3, typed('kept too'))
		]);
		expect(results[0]).toMatchObject({ status: 'fulfilled', value: { ok: true } });
		expect(results[1]).toMatchObject({ status: 'fulfilled', value: { ok: false, status: 404 } });
		expect(results[2]).toMatchObject({ status: 'rejected' });
		expect(results[3]).toMatchObject({ status: 'fulfilled', value: { ok: true } });
		const stored = db.select({ position: answer.position }).from(answer).all();
		expect(stored.map((a) => a.position).sort()).toEqual([0, 3]);
	});
});

/** Form fields that answer a question (right or wrong does not matter here). */
function formFor(q: Question): Record<string, string | string[]> {
	switch (q.type) {
		case 'multiple_choice':
			return { choice: q.choices[0]!.id };
		case 'true_false':
		case 'true_false_not_given':
			return { choice: 'true' };
		case 'matching':
			return { match: q.pairs.map((p) => p.right) };
		case 'ordering':
			return { order: [...q.items] };
		default:
			return { text: 'twelve' };
	}
}
