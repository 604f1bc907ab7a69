// Attempts: starting one (its questions fixed by a seed), answering (graded here, on the
// server, one transaction per answer, recorded once) and finishing; quiz-views.ts reads them back.
import { and, desc, eq, sql } from 'drizzle-orm';
import { defaultQuiz, generateQuestions } from '../domain/generate-questions';
import {
	gradeAnswer,
	selfMarkGrade,
	type Grade,
	type Response,
	type SelfMark
} from '../domain/grade-answer';
import { isScored, type Question } from '../domain/question';
import { createRandom } from '../domain/random';
import { generateToken } from './auth';
import type { Db } from './db';
import { answer, attempt, attemptQuestion } from './db/schema';
import { factBaseOf } from './fact-bases';
import { recordQuizReview } from './flashcards';
import { getVisibleSet, setQuestions, storedQuestionId } from './question-sets';

/** Time on one question beyond this is a learner who walked away, not thinking time. */
const MAX_QUESTION_MS = 30 * 60_000;

export function newSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0]! >>> 1;
}

/** The questions an attempt asks, in order, as they will be asked (key included). */
export function questionsForAttempt(
	db: Db,
	set: { id: string; origin: string; sourceId: string | null; quizSize: number | null },
	seed: number
): { questionId: string; question: Question }[] {
	const stored = setQuestions(db, set.id);
	const base = set.sourceId !== null ? factBaseOf(db, set.sourceId) : undefined;
	if (set.origin === 'generated' && base) {
		// Regenerate with this attempt's seed: the same stable ids, fresh wrong answers.
		const storedIds = new Set(stored.map((s) => s.id));
		const bank = generateQuestions(base, { seed }).filter((q) =>
			storedIds.has(storedQuestionId(set.id, q.id))
		);
		const picked = defaultQuiz(bank, set.quizSize ?? bank.length, seed);
		return picked.map((q) => ({ questionId: storedQuestionId(set.id, q.id), question: q }));
	}
	const random = createRandom(seed);
	return stored.map(({ id, question }) => ({
		questionId: id,
		question:
			question.type === 'multiple_choice'
				? { ...question, choices: random.shuffle(question.choices) }
				: question.type === 'multiple_response'
					? { ...question, choices: random.shuffle(question.choices) }
					: question
	}));
}

export type StartResult = { ok: true; attemptId: string } | { ok: false; message: string };

export function startAttempt(
	db: Db,
	userId: string,
	setId: string,
	seed = newSeed(),
	now = new Date()
): StartResult {
	const set = getVisibleSet(db, setId, userId);
	if (!set) return { ok: false, message: 'No set has that id.' };
	const questions = questionsForAttempt(db, set, seed);
	// Descriptions are shown in their place but are not questions: they count for nothing.
	const scored = questions.filter((q) => isScored(q.question)).length;
	if (scored === 0) return { ok: false, message: 'This set has no questions yet.' };
	const id = generateToken();
	db.transaction((tx) => {
		tx.insert(attempt)
			.values({ id, userId, setId, seed, questionCount: scored, startedAt: now })
			.run();
		for (const [position, q] of questions.entries()) {
			tx.insert(attemptQuestion)
				.values({
					attemptId: id,
					position,
					questionId: q.questionId,
					body: q.question,
					factIds: q.question.provenance?.factIds ?? []
				})
				.run();
		}
	});
	return { ok: true, attemptId: id };
}

/** The attempt if it is the user's; anyone else's attempt does not exist for them. */
export function ownAttempt(db: Db, userId: string, attemptId: string) {
	// Every answer and page view of an attempt asks this first: a prepared statement.
	return statementsFor(db).attempt.get({ attemptId, userId });
}

export type SubmitResult =
	| { ok: true; grade: Pick<Grade, 'correct' | 'reason' | 'score' | 'pending'>; duplicate: boolean }
	| { ok: false; status: 400 | 403 | 404 | 409; message: string };

/** Answering is the classroom's hot path: its statements are prepared once per connection. */
function prepareAnswerStatements(db: Db) {
	const p = sql.placeholder;
	return {
		attempt: db
			.select()
			.from(attempt)
			.where(and(eq(attempt.id, p('attemptId')), eq(attempt.userId, p('userId'))))
			.prepare(),
		question: db
			.select({ body: attemptQuestion.body })
			.from(attemptQuestion)
			.where(
				and(
					eq(attemptQuestion.attemptId, p('attemptId')),
					eq(attemptQuestion.position, p('position'))
				)
			)
			.prepare(),
		previous: db
			.select({ correct: answer.correct, reason: answer.reason, score: answer.score })
			.from(answer)
			.where(and(eq(answer.attemptId, p('attemptId')), eq(answer.position, p('position'))))
			.prepare(),
		lastAnsweredAt: db
			.select({ at: answer.answeredAt })
			.from(answer)
			.where(eq(answer.attemptId, p('attemptId')))
			.orderBy(desc(answer.answeredAt))
			.limit(1)
			.prepare(),
		addAnswer: db
			.insert(answer)
			.values({
				attemptId: p('attemptId'),
				position: p('position'),
				response: p('response'),
				correct: p('correct'),
				reason: p('reason'),
				partial: p('partial'),
				score: p('score'),
				timeMs: p('timeMs'),
				answeredAt: p('answeredAt')
			})
			.prepare(),
		addToScore: db
			.update(attempt)
			.set({
				score: sql`${attempt.score} + ${p('right')}`,
				points: sql`${attempt.points} + ${p('points')}`
			})
			.where(eq(attempt.id, p('attemptId')))
			.prepare()
	};
}

const answerStatements = new WeakMap<Db, ReturnType<typeof prepareAnswerStatements>>();

function statementsFor(db: Db) {
	let statements = answerStatements.get(db);
	if (!statements) {
		statements = prepareAnswerStatements(db);
		answerStatements.set(db, statements);
	}
	return statements;
}

type ParseResponse = (
	q: Question
) => { ok: true; response: Response } | { ok: false; message: string };

/**
 * What a live session adds to answering, run inside the answer's own savepoint: its check of the
 * session's phase and timer (after a repeat is recognised, so a double submit is acknowledged
 * rather than refused), the moment the question opened, and its own row beside the answer.
 */
export interface AnswerHooks {
	refuse?: (db: Db) => { status: 403 | 409; message: string } | null;
	/** When the question opened (read after `refuse`, in the same transaction). */
	since?: () => Date | undefined;
	recorded?: (db: Db, recorded: { question: Question; response: Response; grade: Grade }) => void;
}

/** One answer's reads and writes; the caller holds the write transaction. */
function recordAnswer(
	db: Db,
	userId: string,
	attemptId: string,
	position: number,
	parse: ParseResponse,
	now: Date,
	hooks?: AnswerHooks
): SubmitResult {
	const s = statementsFor(db);
	const found = s.attempt.get({ attemptId, userId });
	if (!found) return { ok: false, status: 404, message: 'No attempt of yours has that id.' };
	const row = s.question.get({ attemptId, position });
	if (!row) {
		return { ok: false, status: 400, message: 'That question is not part of this attempt.' };
	}
	const previous = s.previous.get({ attemptId, position });
	if (previous) {
		return {
			ok: true,
			duplicate: true,
			grade: {
				correct: previous.correct,
				reason: previous.reason,
				score: previous.score ?? 0,
				...(previous.score === null ? { pending: true } : {})
			}
		};
	}
	if (found.liveSessionId !== null && !hooks) {
		return { ok: false, status: 409, message: 'Answer this question in its live session.' };
	}
	const refused = hooks?.refuse?.(db);
	if (refused) return { ok: false, ...refused };
	if (found.finishedAt) {
		return { ok: false, status: 409, message: 'This attempt is finished; start a new one.' };
	}
	const q = row.body as Question;
	if (!isScored(q)) {
		return {
			ok: false,
			status: 400,
			message: 'This is a description: there is nothing to answer.'
		};
	}
	const parsed = parse(q);
	if (!parsed.ok) return { ok: false, status: 400, message: parsed.message };
	const grade = gradeAnswer(q, parsed.response);
	const opened = hooks?.since?.();
	const last = opened ? undefined : s.lastAnsweredAt.get({ attemptId });
	const since = opened?.getTime() ?? Math.max(found.startedAt.getTime(), last?.at.getTime() ?? 0);
	s.addAnswer.run({
		attemptId,
		position,
		response: parsed.response,
		correct: grade.correct,
		reason: grade.reason,
		partial: grade.partial ?? null,
		score: grade.pending ? null : grade.score,
		timeMs: Math.min(MAX_QUESTION_MS, Math.max(0, now.getTime() - since)),
		answeredAt: now
	});
	// A live session counts the answer as in, whatever its mark (an open one scores once marked).
	hooks?.recorded?.(db, { question: q, response: parsed.response, grade });
	// An open response counts, and is reviewed, once its learner has marked it.
	if (grade.pending) return { ok: true, duplicate: false, grade };
	if (grade.score > 0)
		s.addToScore.run({ attemptId, right: grade.correct ? 1 : 0, points: grade.score });
	recordQuizReview(db, userId, q.provenance?.factIds ?? [], grade.score, now);
	return { ok: true, duplicate: false, grade };
}

/**
 * Grades and records one answer in one transaction. A second submission for the same
 * question (a double click, a retry) records nothing and returns the first grade.
 */
export function submitAnswer(
	db: Db,
	userId: string,
	attemptId: string,
	position: number,
	parse: ParseResponse,
	now = new Date()
): SubmitResult {
	return db.transaction(() => recordAnswer(db, userId, attemptId, position, parse, now), {
		behavior: 'immediate'
	});
}

interface QueuedAnswer {
	args: [
		userId: string,
		attemptId: string,
		position: number,
		parse: ParseResponse,
		now: Date,
		hooks?: AnswerHooks
	];
	resolve: (result: SubmitResult) => void;
	reject: (error: unknown) => void;
}

/** A database's answers waiting for the end of the turn, and the transaction that writes them. */
interface AnswerQueue {
	waiting: QueuedAnswer[];
	write: (batch: QueuedAnswer[]) => ({ result: SubmitResult } | { error: unknown })[];
}

const queues = new WeakMap<Db, AnswerQueue>();

function answerQueue(db: Db): AnswerQueue {
	let queue = queues.get(db);
	if (!queue) {
		const client = db.$client;
		// better-sqlite3 runs a transaction function called inside another one as a savepoint.
		const one = client.transaction((item: QueuedAnswer) => recordAnswer(db, ...item.args));
		const all = client.transaction((batch: QueuedAnswer[]) =>
			batch.map((item): { result: SubmitResult } | { error: unknown } => {
				try {
					return { result: one(item) };
				} catch (error) {
					return { error };
				}
			})
		);
		queue = { waiting: [], write: (batch) => all.immediate(batch) };
		queues.set(db, queue);
	}
	return queue;
}

/**
 * submitAnswer() for the server: answers that arrive in the same turn of the event loop are
 * written in one transaction (a group commit), each in its own savepoint, so one that fails
 * takes only itself back. Under a classroom's load most of a commit's cost (the log write,
 * the locks) is shared instead of paid per answer. Each promise settles once the transaction
 * holding its answer has committed, so an acknowledged answer is stored.
 */
export function queueAnswer(
	db: Db,
	userId: string,
	attemptId: string,
	position: number,
	parse: ParseResponse,
	now = new Date(),
	hooks?: AnswerHooks
): Promise<SubmitResult> {
	return new Promise((resolve, reject) => {
		const queue = answerQueue(db);
		queue.waiting.push({ args: [userId, attemptId, position, parse, now, hooks], resolve, reject });
		if (queue.waiting.length === 1) setImmediate(() => writeQueued(queue));
	});
}

function writeQueued(queue: AnswerQueue): void {
	const batch = queue.waiting;
	queue.waiting = [];
	let outcomes: ({ result: SubmitResult } | { error: unknown })[];
	try {
		outcomes = queue.write(batch);
	} catch (error) {
		for (const item of batch) item.reject(error);
		return;
	}
	outcomes.forEach((outcome, i) => {
		const item = batch[i]!;
		if ('result' in outcome) item.resolve(outcome.result);
		else item.reject(outcome.error);
	});
}

export type MarkResult = { ok: true } | { ok: false; status: 400 | 404 | 409; message: string };

/**
 * The learner's own mark of their open response (right, partly, wrong), once: it becomes the
 * answer's score, the attempt's marks and a review of the facts, in one transaction.
 */
export function markOpenResponse(
	db: Db,
	userId: string,
	attemptId: string,
	position: number,
	mark: SelfMark,
	now = new Date()
): MarkResult {
	return db.transaction(
		(tx) => {
			const found = ownAttempt(db, userId, attemptId);
			if (!found) return { ok: false, status: 404, message: 'No attempt of yours has that id.' };
			const row = tx
				.select({ body: attemptQuestion.body })
				.from(attemptQuestion)
				.where(
					and(eq(attemptQuestion.attemptId, attemptId), eq(attemptQuestion.position, position))
				)
				.get();
			const q = row?.body as Question | undefined;
			if (!row || q?.type !== 'open_response') {
				return {
					ok: false,
					status: 400,
					message: 'Only a written answer is marked by its learner.'
				};
			}
			const answered = tx
				.select({ score: answer.score })
				.from(answer)
				.where(and(eq(answer.attemptId, attemptId), eq(answer.position, position)))
				.get();
			if (!answered)
				return { ok: false, status: 409, message: 'Write your answer before you mark it.' };
			if (answered.score !== null)
				return { ok: false, status: 409, message: 'You have marked this answer already.' };
			const grade = selfMarkGrade(mark);
			tx.update(answer)
				.set({ score: grade.score, correct: grade.correct, reason: grade.reason })
				.where(and(eq(answer.attemptId, attemptId), eq(answer.position, position)))
				.run();
			tx.update(attempt)
				.set({
					score: sql`${attempt.score} + ${grade.correct ? 1 : 0}`,
					points: sql`${attempt.points} + ${grade.score}`
				})
				.where(eq(attempt.id, attemptId))
				.run();
			recordQuizReview(db, userId, q.provenance?.factIds ?? [], grade.score, now);
			return { ok: true };
		},
		{ behavior: 'immediate' }
	);
}

export function finishAttempt(
	db: Db,
	userId: string,
	attemptId: string,
	now = new Date()
): boolean {
	const found = ownAttempt(db, userId, attemptId);
	if (!found) return false;
	// A live session's attempts are finished by the session's end, not by the player.
	if (!found.finishedAt && found.liveSessionId === null) {
		db.update(attempt).set({ finishedAt: now }).where(eq(attempt.id, attemptId)).run();
	}
	return true;
}
