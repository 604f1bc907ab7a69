import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { factBases } from '../content';
import { generatedTypes } from '../domain/generate-questions';
import type { Question } from '../domain/question';
import { createGuest, signUp } from './accounts';
import { loadFactBase } from './db/content';
import { answer, attempt, attemptQuestion } from './db/schema';
import type { Db } from './db';
import { bankSetId, syncGeneratedSet } from './question-sets';
import { finishAttempt, markOpenResponse, queueAnswer, startAttempt, submitAnswer } from './quiz';
import { attemptQuestions } from './quiz-views';
import { parseResponseForm } from './quiz-form';
import { addQuestion, createSet, publishSet } from './teacher-sets';
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
		expect(new Set(questionsOf(a.attemptId).map((q) => q.type)).size).toBe(generatedTypes.length);
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

describe('marks and part marks', () => {
	/** A teacher's published set of the new kinds, made through the repository functions. */
	async function teacherSet() {
		const teacher = await signUp(db, {
			username: 'marker',
			password: 'marker-password',
			role: 'teacher'
		});
		if (!teacher.ok) throw new Error('no teacher');
		const id = createSet(db, teacher.userId, { title: 'Marks', description: '', tags: [] });
		const questions: Question[] = [
			{
				id: 'quad',
				type: 'multiple_response',
				prompt: 'Which are in the Quad?',
				choices: [
					{ id: 'in', text: 'India', weight: 0.5 },
					{ id: 'au', text: 'Australia', weight: 0.5 },
					{ id: 'cn', text: 'China', weight: -1 }
				],
				allOrNothing: false,
				explanation: ''
			},
			{ id: 'read', type: 'description', prompt: 'Now a passage.', explanation: '' },
			{
				id: 'why',
				type: 'open_response',
				prompt: 'Why?',
				modelAnswer: 'Because.',
				explanation: ''
			}
		];
		for (const q of questions)
			expect(addQuestion(db, teacher.userId, id, q)).toMatchObject({ ok: true });
		expect(publishSet(db, teacher.userId, id)).toMatchObject({ ok: true });
		return id;
	}

	it('stores a fraction, counts descriptions for nothing, and waits for a written answer’s mark', async () => {
		const set = await teacherSet();
		const started = startAttempt(db, learner, set, 1);
		if (!started.ok) throw new Error(started.message);
		const id = started.attemptId;
		expect(db.select().from(attempt).where(eq(attempt.id, id)).get()?.questionCount).toBe(2);

		const ticked = submitAnswer(db, learner, id, 0, (q) =>
			parseResponseForm(q, form({ choice: 'in' }))
		);
		expect(ticked).toMatchObject({ ok: true, grade: { correct: false, score: 0.5 } });
		expect(
			submitAnswer(db, learner, id, 1, (q) => parseResponseForm(q, form({ text: 'x' })))
		).toMatchObject({
			ok: false,
			status: 400
		});
		const written = submitAnswer(db, learner, id, 2, (q) =>
			parseResponseForm(q, form({ text: 'My answer.' }))
		);
		expect(written).toMatchObject({ ok: true, grade: { pending: true } });
		const pending = db.select().from(answer).where(eq(answer.attemptId, id)).all();
		expect(pending.map((a) => a.score)).toEqual([0.5, null]);
		expect(db.select().from(attempt).where(eq(attempt.id, id)).get()).toMatchObject({
			points: 0.5,
			score: 0
		});

		// The learner's own mark, once; then the attempt's marks add it.
		expect(markOpenResponse(db, learner, id, 0, 'right')).toMatchObject({ ok: false, status: 400 });
		expect(markOpenResponse(db, learner, id, 2, 'partly')).toEqual({ ok: true });
		expect(markOpenResponse(db, learner, id, 2, 'right')).toMatchObject({ ok: false, status: 409 });
		expect(markOpenResponse(db, 'someone-else', id, 2, 'right')).toMatchObject({ status: 404 });
		expect(db.select().from(attempt).where(eq(attempt.id, id)).get()).toMatchObject({
			points: 1,
			score: 0
		});
		const views = attemptQuestions(db, id, 1);
		expect(views.map((v) => v.answered?.score ?? null)).toEqual([0.5, null, 0.5]);
		expect(views[2]!.answered?.reason).toBe('marked partly right by you');
	});
});
