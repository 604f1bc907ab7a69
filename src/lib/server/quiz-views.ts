// Reading an attempt back for its pages: where it stands, one question or all of them, each
// as the learner may see it (the key only once answered), through statements prepared once.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { describeResponse } from '../domain/describe-response';
import type { Response } from '../domain/grade-answer';
import { describeAnswer, toPublicQuestion, type PublicQuestion } from '../domain/public-question';
import type { Question, QuestionType } from '../domain/question';
import type { Db } from './db';
import { preparedFor } from './db/prepared';
import { answer, attempt, attemptQuestion, answerToQuestion } from './db/schema';
import { canSeeSource, type Viewer } from './sources';

/** The reads of a page view of an attempt or a set, prepared once per connection. */
const viewStatements = preparedFor((db) => ({
	unfinished: db
		.select({ id: attempt.id })
		.from(attempt)
		.where(
			and(
				eq(attempt.userId, sql.placeholder('userId')),
				eq(attempt.setId, sql.placeholder('setId')),
				isNull(attempt.finishedAt)
			)
		)
		.orderBy(desc(attempt.startedAt))
		.limit(1)
		.prepare(),
	questions: db
		.select({ position: attemptQuestion.position, body: attemptQuestion.body })
		.from(attemptQuestion)
		.where(eq(attemptQuestion.attemptId, sql.placeholder('attemptId')))
		.orderBy(asc(attemptQuestion.position))
		.prepare(),
	answers: db
		.select()
		.from(answer)
		.where(eq(answer.attemptId, sql.placeholder('attemptId')))
		.prepare(),
	// The question page needs every question's type and mark, but only its own in full.
	states: db
		.select({
			position: attemptQuestion.position,
			type: sql<QuestionType>`json_extract(${attemptQuestion.body}, '$.type')`,
			correct: answer.correct,
			score: answer.score,
			answered: sql<number>`${answer.position} is not null`
		})
		.from(attemptQuestion)
		.leftJoin(answer, answerToQuestion)
		.where(eq(attemptQuestion.attemptId, sql.placeholder('attemptId')))
		.orderBy(asc(attemptQuestion.position))
		.prepare(),
	question: db
		.select({ body: attemptQuestion.body })
		.from(attemptQuestion)
		.where(
			and(
				eq(attemptQuestion.attemptId, sql.placeholder('attemptId')),
				eq(attemptQuestion.position, sql.placeholder('position'))
			)
		)
		.prepare(),
	answer: db
		.select()
		.from(answer)
		.where(
			and(
				eq(answer.attemptId, sql.placeholder('attemptId')),
				eq(answer.position, sql.placeholder('position'))
			)
		)
		.prepare()
}));

/** Where an attempt stands, question by question: its type, and its mark once answered. */
export interface QuestionState {
	position: number;
	type: QuestionType;
	answered: { correct: boolean; score: number | null } | null;
}

export function attemptStates(db: Db, attemptId: string): QuestionState[] {
	return viewStatements(db)
		.states.all({ attemptId })
		.map((r) => ({
			position: r.position,
			type: r.type,
			answered: r.answered ? { correct: r.correct ?? false, score: r.score } : null
		}));
}

/** One question of an attempt as its page shows it (see attemptQuestions). */
export function attemptQuestionView(
	db: Db,
	attemptId: string,
	seed: number,
	position: number
): QuestionView | undefined {
	const s = viewStatements(db);
	const row = s.question.get({ attemptId, position });
	if (!row) return undefined;
	const q = row.body as Question;
	const a = s.answer.get({ attemptId, position });
	return {
		position,
		question: toPublicQuestion(q, seed + position, `q${position + 1}`),
		answered: a ? answeredView(q, a.response as Response, a) : null
	};
}

export function unfinishedAttempt(db: Db, userId: string, setId: string) {
	return viewStatements(db).unfinished.get({ userId, setId });
}

export interface AnsweredView {
	response: Response;
	/** The response as text. */
	yourAnswer: string;
	correct: boolean;
	/** 0..1; null while an open response waits for its learner's mark. */
	score: number | null;
	reason: string;
	feedback?: string;
	rightAnswer: string;
	explanation: string;
	/** The quote, and its place in the source when the viewer may open it (see linkEvidence). */
	evidence?: { quote: string; sourceId: string; factId: string; linked: boolean };
}

export interface QuestionView {
	position: number;
	question: PublicQuestion;
	answered: AnsweredView | null;
	/** Only when asked to reveal (a finished attempt): the right answer of an unanswered question. */
	rightAnswer?: string;
}

/**
 * Marks each answered question's evidence with whether the viewer may open its source: a
 * teacher's text is linked for the learners it is assigned to, not for anyone with the set's link.
 */
export function linkEvidence<T extends { answered: AnsweredView | null }>(
	db: Db,
	viewer: Viewer | null,
	questions: T[]
): T[] {
	const seen = new Map<string, boolean>();
	const may = (id: string) => {
		let ok = seen.get(id);
		if (ok === undefined) seen.set(id, (ok = canSeeSource(db, id, viewer)));
		return ok;
	};
	for (const q of questions) {
		const e = q.answered?.evidence;
		if (e) e.linked = may(e.sourceId);
	}
	return questions;
}

/** What the page may show: the public question, and the key only once it is answered. */
export function attemptQuestions(
	db: Db,
	attemptId: string,
	seed: number,
	reveal = false
): QuestionView[] {
	const s = viewStatements(db);
	const rows = s.questions.all({ attemptId });
	const answers = new Map(s.answers.all({ attemptId }).map((a) => [a.position, a]));
	return rows.map((row) => {
		const q = row.body as Question;
		const a = answers.get(row.position);
		return {
			position: row.position,
			question: toPublicQuestion(q, seed + row.position, `q${row.position + 1}`),
			answered: a ? answeredView(q, a.response as Response, a) : null,
			...(reveal && !a ? { rightAnswer: describeAnswer(q) } : {})
		};
	});
}

function answeredView(
	q: Question,
	response: Response,
	grade: { correct: boolean; reason: string; score: number | null }
): AnsweredView {
	const chosen =
		q.type === 'multiple_choice' && response.type === 'multiple_choice'
			? q.choices.find((c) => c.id === response.choiceId)?.feedback
			: undefined;
	const factId = q.provenance?.factIds[0];
	return {
		response,
		yourAnswer: describeResponse(q, response),
		correct: grade.correct,
		score: grade.score,
		reason: grade.reason,
		...(chosen ? { feedback: chosen } : {}),
		rightAnswer: describeAnswer(q),
		explanation: q.explanation,
		...(q.provenance && factId
			? {
					evidence: {
						quote: q.provenance.quote,
						sourceId: q.provenance.sourceId,
						factId,
						linked: false
					}
				}
			: {})
	};
}
